import { beforeEach, describe, expect, it, vi } from 'vitest';

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
    },
  };
});
vi.mock('electron', () => electron.module);

const { createAppTray } = await import('../../src/main/shell/tray');
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
