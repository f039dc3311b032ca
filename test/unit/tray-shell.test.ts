import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { StateStore } from '../../src/main/store/persisted-state';

/**
 * The Electron side of the tray and the notifications, against a stand-in `electron` module: the
 * tray draws the model (greyed status lines, Open, Quit), and a planned notice becomes a desktop
 * notification whose click opens the window.
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  interface Template {
    label?: string;
    type?: string;
    enabled?: boolean;
    click?: () => void;
  }
  class FakeTray {
    static last: FakeTray | undefined;
    listeners = new Map<string, Listener>();
    tooltip = '';
    menu: Template[] = [];
    destroyed = false;
    constructor(public image: unknown) {
      FakeTray.last = this;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: { template: Template[] }) {
      this.menu = menu.template;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  class FakeNotification {
    static shown: FakeNotification[] = [];
    static supported = true;
    static isSupported = () => FakeNotification.supported;
    listeners = new Map<string, Listener>();
    constructor(public options: { title: string; body: string }) {}
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    show() {
      FakeNotification.shown.push(this);
    }
  }
  return {
    FakeTray,
    FakeNotification,
    module: {
      Tray: FakeTray,
      Notification: FakeNotification,
      Menu: { buildFromTemplate: (template: Template[]) => ({ template }) },
      nativeImage: { createFromPath: (path: string) => ({ path }) },
      app: {
        on: () => undefined,
        off: () => undefined,
        quit: () => undefined,
        getPreferredSystemLanguages: () => ['en-US'],
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { createAppTray } = await import('../../src/main/shell/tray');
const { startDesktopIntegration } = await import('../../src/main/shell/desktop');
const { createNotifier } = await import('../../src/main/shell/notifications');

describe('the tray icon', () => {
  it('shows the model’s tooltip and menu; Open and a click open the window, Quit quits', () => {
    const onOpen = vi.fn();
    const onQuit = vi.fn();
    const tray = createAppTray({ iconPath: '/res/tray-icon.png', onOpen, onQuit });
    const fake = electron.FakeTray.last!;
    expect(fake.image).toEqual({ path: '/res/tray-icon.png' });
    tray.render({
      tooltip: 'Acme CAD — licensed',
      items: [
        { kind: 'status', label: 'Acme CAD — licensed' },
        { kind: 'separator' },
        { kind: 'open', label: 'Open' },
        { kind: 'quit', label: 'Quit' },
      ],
    });
    expect(fake.tooltip).toBe('Acme CAD — licensed');
    expect(fake.menu.map(({ label, type, enabled }) => ({ label, type, enabled }))).toEqual([
      { label: 'Acme CAD — licensed', type: undefined, enabled: false },
      { label: undefined, type: 'separator', enabled: undefined },
      { label: 'Open', type: undefined, enabled: undefined },
      { label: 'Quit', type: undefined, enabled: undefined },
    ]);
    fake.menu[2]?.click?.();
    fake.listeners.get('click')?.();
    expect(onOpen).toHaveBeenCalledTimes(2);
    fake.menu[3]?.click?.();
    expect(onQuit).toHaveBeenCalledTimes(1);

    tray.destroy();
    tray.render({ tooltip: 'after', items: [] });
    expect(fake.tooltip).toBe('Acme CAD — licensed');
  });
});

describe('the desktop integration', () => {
  it('gives the tray its Open and Quit menu at once, also with no licence for it to follow', async () => {
    // Only a hub fleet: nothing on this computer the tray follows, so no licence is ever read.
    const core = {
      config: { productName: 'Acme Hubs', profiles: [] },
      service: {
        profiles: () => [{ id: 'hubs', label: 'Hubs', activationMethods: [] }],
        status: () => Promise.reject(new Error('no licence here to read')),
        onChange: () => () => undefined,
      },
      links: { onReceived: () => () => undefined },
      startAtLogin: { reapply: () => undefined },
    } as unknown as Core;
    const window = { on: vi.fn(), off: vi.fn(), hide: vi.fn() } as unknown as BrowserWindow;
    const stop = await startDesktopIntegration({
      core,
      window,
      state: {} as StateStore,
      trayIcon: '/res/tray-icon.png',
    });
    const fake = electron.FakeTray.last!;
    expect(fake.tooltip).toBe('Acme Hubs');
    expect(fake.menu.map(({ label }) => label)).toEqual(['Open', 'Quit']);
    // Closing the window hides it: the menu is the way back, and the way out.
    expect(window.on).toHaveBeenCalledWith('close', expect.any(Function));
    stop();
    expect(fake.destroyed).toBe(true);
  });
});

describe('desktop notifications', () => {
  beforeEach(() => {
    electron.FakeNotification.shown = [];
    electron.FakeNotification.supported = true;
  });
  const notice = {
    kind: 'seat-lost' as const,
    profileId: 'seats',
    title: 'Acme CAD: seat lost',
    body: 'The floating seat could not be kept.',
  };

  it('shows the notice; a click opens the window', () => {
    const onClick = vi.fn();
    createNotifier(onClick)(notice);
    const [shown] = electron.FakeNotification.shown;
    expect(shown?.options).toEqual({ title: notice.title, body: notice.body });
    shown?.listeners.get('click')?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('shows nothing where the system has no notifications', () => {
    electron.FakeNotification.supported = false;
    createNotifier(vi.fn())(notice);
    expect(electron.FakeNotification.shown).toEqual([]);
  });
});
