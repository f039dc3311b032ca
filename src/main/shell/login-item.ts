import { homedir } from 'node:os';
import { app } from 'electron';
import { autostartDir, xdgAutostartLoginItem, type LoginItem } from '../desktop/login-item';

/**
 * The OS registration behind the start-at-login setting: Electron's login items on macOS and
 * Windows, a freedesktop autostart entry on Linux (Electron has none there).
 */
export function electronLoginItem(fileName: string): LoginItem {
  // From a source tree the executable is Electron itself, which needs the app's folder to run.
  const args = process.defaultApp ? [app.getAppPath()] : [];
  if (process.platform === 'linux')
    return xdgAutostartLoginItem({
      dir: autostartDir(process.env, homedir()),
      fileName,
      name: app.getName(),
      // An AppImage runs from a temporary mount: the file itself is what to start.
      command: [process.env.APPIMAGE ?? process.execPath, ...args],
    });
  return {
    set: (enabled) =>
      app.setLoginItemSettings({ openAtLogin: enabled, path: process.execPath, args }),
  };
}
