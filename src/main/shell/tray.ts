import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayModel } from '../desktop/tray-model';

/**
 * Draws the tray model (src/main/desktop/tray-model.ts) with Electron's Tray and Menu. Status
 * lines are greyed out; a click on the icon opens the window (Windows and Linux; macOS shows the
 * menu).
 */
export function createAppTray(options: {
  readonly iconPath: string;
  readonly onOpen: () => void;
  readonly onQuit: () => void;
}): { render(model: TrayModel): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.on('click', options.onOpen);
  const menuItem = (item: TrayModel['items'][number]): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'status':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'open':
        return { label: item.label, click: options.onOpen };
      case 'quit':
        return { label: item.label, click: options.onQuit };
    }
  };
  return {
    render(model) {
      if (tray.isDestroyed()) return;
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(model.items.map(menuItem)));
    },
    destroy: () => tray.destroy(),
  };
}
