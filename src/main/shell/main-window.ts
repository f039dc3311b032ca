import { join } from 'node:path';
import { BrowserWindow, nativeTheme, session, shell, type WebContents } from 'electron';
import { isPermissionAllowed, isTrustedUrl } from '../security/trusted-origin';

/**
 * The one window, locked down: isolated, sandboxed preload, no Node, no webviews, no navigation
 * away from the app, no new windows, every permission request denied.
 */
export function createMainWindow(options: {
  url: string;
  trustedOrigins: readonly string[];
  /** The vendor's support addresses (`supportLinks`): the only URLs handed to the OS. */
  externalLinks?: readonly string[];
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'License Manager',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; no link here needs it (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDown(window.webContents, options.trustedOrigins, options.externalLinks ?? []);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}

function lockDown(
  contents: WebContents,
  trustedOrigins: readonly string[],
  externalLinks: readonly string[],
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url, trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window is ever opened. `shell.openExternal` with page-supplied URLs is how apps get
  // exploited, so the OS is handed only an exact match of the vendor's configured support
  // addresses (mail or https), never anything the page composes.
  contents.setWindowOpenHandler(({ url }) => {
    if (externalLinks.includes(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
