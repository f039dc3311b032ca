import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron shell is thin; these tests run it against a stand-in `electron` module (the real
 * binary cannot load under Node) and check what it hands Electron: preferences, guards, handlers.
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class FakeContents {
    listeners = new Map<string, Listener>();
    openHandler?: (details: { url: string }) => { action: string };
    mainFrame = { url: 'app://bundle/index.html' };
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
    send = vi.fn();
  }
  class FakeWindow {
    webContents = new FakeContents();
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    once() {}
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
  }
  const session = {
    permissionRequest: undefined as
      | undefined
      | ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((contents: unknown, permission: string) => boolean),
  };
  const openExternal = vi.fn();
  return {
    handlers,
    windows,
    session,
    openExternal,
    module: {
      ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) },
      BrowserWindow: FakeWindow,
      nativeTheme: { shouldUseDarkColors: false },
      shell: { openExternal },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: typeof session.permissionRequest) =>
            (session.permissionRequest = handler),
          setPermissionCheckHandler: (handler: typeof session.permissionCheck) =>
            (session.permissionCheck = handler),
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { registerIpc } = await import('../../src/main/shell/ipc-main');
const { createMainWindow } = await import('../../src/main/shell/main-window');
const { INVOKE_IPC } = await import('../../src/shared/channels');
const { APP_ORIGIN } = await import('../../src/main/security/trusted-origin');
const { createMemoryRefusalLog } = await import('../support/memory-refusal-log');

describe('IPC sender check', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'handled' }));
  let log: ReturnType<typeof createMemoryRefusalLog>;
  beforeEach(() => {
    dispatch.mockClear();
    log = createMemoryRefusalLog();
    registerIpc(dispatch, [APP_ORIGIN], log);
  });
  const invoke = (frame: { url: string } | null, mainFrame: unknown = frame) =>
    electron.handlers.get(INVOKE_IPC)?.(
      { senderFrame: frame, sender: { mainFrame } },
      'profiles:list',
      {},
    );

  it('hands a call from our main frame on app://bundle to the dispatcher', async () => {
    expect(await invoke({ url: 'app://bundle/index.html' })).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(dispatch).toHaveBeenCalledWith('profiles:list', {}, expect.anything());
    expect(log.refusals).toEqual([]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/' }, undefined],
    ['a look-alike origin', { url: 'app://bundle.evil/index.html' }, undefined],
    [
      'a sub-frame of our page',
      { url: 'app://bundle/frame.html' },
      { url: 'app://bundle/index.html' },
    ],
    ['a frame that is gone', null, undefined],
  ])('drops a call from %s without dispatching it', async (_label, frame, mainFrame) => {
    const result = await invoke(frame, mainFrame ?? frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
    // Written to the log the Electron entry point (index.ts) hands in.
    expect(log.refusals).toMatchObject([{ code: 'unauthorized', channel: 'profiles:list' }]);
  });
});

describe('main window', () => {
  const open = () => {
    createMainWindow({ url: `${APP_ORIGIN}/index.html`, trustedOrigins: [APP_ORIGIN] });
    const window = electron.windows.at(-1);
    if (!window) throw new Error('no window');
    return window;
  };

  it('is isolated, sandboxed, without Node or webviews', () => {
    expect(open().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('never navigates away from the app, including redirects and sub-frames', () => {
    const { webContents } = open();
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      webContents.listeners.get(event)?.(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      webContents.listeners.get(event)?.(inside, 'app://bundle/index.html#/seats');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    const frame = { preventDefault: vi.fn(), url: 'https://evil.example/' };
    webContents.listeners.get('will-frame-navigate')?.(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    webContents.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('opens no window and hands no URL to the OS', () => {
    const { webContents } = open();
    for (const url of [
      'https://vendor.example/help',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
    ]) {
      expect(webContents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it("hands the OS exactly the vendor's support addresses, nothing the page makes up", () => {
    createMainWindow({
      url: `${APP_ORIGIN}/index.html`,
      trustedOrigins: [APP_ORIGIN],
      externalLinks: ['https://vendor.example/help', 'mailto:help@vendor.example'],
    });
    const { webContents } = electron.windows.at(-1) ?? open();
    electron.openExternal.mockClear();
    for (const url of [
      'https://vendor.example/help?x=1',
      'https://vendor.example.evil/help',
      'mailto:help@vendor.example?body=x',
      'file:///etc/passwd',
    ]) {
      expect(webContents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
    expect(webContents.openHandler?.({ url: 'https://vendor.example/help' })).toEqual({
      action: 'deny',
    });
    expect(webContents.openHandler?.({ url: 'mailto:help@vendor.example' })).toEqual({
      action: 'deny',
    });
    expect(electron.openExternal.mock.calls).toEqual([
      ['https://vendor.example/help'],
      ['mailto:help@vendor.example'],
    ]);
  });

  it('denies every permission request and check', () => {
    open();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      electron.session.permissionRequest?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(electron.session.permissionCheck?.(null, permission)).toBe(false);
    }
  });
});
