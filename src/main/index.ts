import { join } from 'node:path';
import { app, dialog, net, powerMonitor, safeStorage, session } from 'electron';
import { loadVendorConfig } from './config/load-config';
import { supportLinks } from './config/vendor-view';
import { createCore, type Core } from './core';
import { createFileRefusalLog } from './ipc/refusal-log';
import { APP_ORIGIN } from './security/trusted-origin';
import { registerAppScheme, serveRendererBundle } from './shell/app-protocol';
import { runAppCli } from './shell/app-cli';
import {
  appConfigFiles,
  cliArguments,
  openAppHome,
  refusalLogFile,
  type AppPaths,
} from './shell/app-home';
import { forwardEvents, registerIpc } from './shell/ipc-main';
import { createMainWindow } from './shell/main-window';
import { productIdentity } from './config/product-identity';
import { desktopWords } from './desktop/desktop-text';
import { createLinkInbox, type LinkInbox } from './desktop/link-inbox';
import { sayIn } from '../shared/texts/say-in';
import { LicensingError } from './licensing/licensing-error';
import { listenForLinks } from './shell/deep-links';
import { showWindow, startDesktopIntegration, systemLanguage } from './shell/desktop';
import { electronLoginItem } from './shell/login-item';
import { systemProxyResolver } from './shell/system-proxy';
import { readSystemStore } from './net/system-certificates';
import { quitWithTheSession } from './shell/session-end';

/** Releasing seats on quit must not hold the user hostage if the server is slow. */
const RELEASE_ON_QUIT_MS = 3_000;

/** Asked once the app is ready: some paths (logs) are only settled then. */
const appPaths = (): AppPaths => ({
  resources: app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources'),
  userData: app.getPath('userData'),
  logs: app.getPath('logs'),
});

let core: Core | undefined;
/** The core's close, once started: every way out of the app waits for the same one. */
let closing: Promise<unknown> | undefined;
let closed = false;

/** Gives held seats back (bounded), once, however the app ends: its own quit or the session's. */
function closeCore(): Promise<unknown> | undefined {
  if (!core) return undefined;
  closing ??= core.close(RELEASE_ON_QUIT_MS).finally(() => void (closed = true));
  return closing;
}

async function start(links: LinkInbox): Promise<void> {
  const paths = appPaths();
  // Demo mode only when no vendor configuration ships; a broken one is reported, never replaced.
  const config = await loadVendorConfig(appConfigFiles(paths));
  const identity = productIdentity(config, 'the vendor configuration');
  // Windows shows notifications only for the AppUserModelID of the installer's shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(identity.appId);
  const home = await openAppHome(paths, safeStorage, config);
  // Refused IPC requests (a foreign frame, a payload of the wrong shape) leave a trace on disk,
  // which the support bundle includes once the lines queued before it are written.
  const refusals = createFileRefusalLog({ file: refusalLogFile(paths) });
  core = await createCore({
    config,
    version: app.getVersion(),
    ...home,
    logFiles: [refusals],
    keepAlive: true,
    allowInProcessDemo: true,
    links,
    loginItem: electronLoginItem(identity.executableName),
    // Diagnostics and network: a relative caFile lies beside the vendor configuration; the
    // system proxy (PAC, WPAD, manual) as Chromium resolves it, and the CAs this computer trusts.
    configDir: paths.resources,
    systemProxy: systemProxyResolver(session.defaultSession),
    chromiumFetch: (url, init) => net.fetch(url, init),
    systemCertificates: readSystemStore,
  });

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const trustedOrigins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];
  serveRendererBundle(join(__dirname, '../renderer'));
  registerIpc(core.dispatch, trustedOrigins, refusals);
  const window = createMainWindow({
    url: devUrl ?? `${APP_ORIGIN}/index.html`,
    trustedOrigins,
    externalLinks: supportLinks(config),
  });
  forwardEvents(window, core.onEvent);
  // A second start brings this window forward; a silent install's `--cli` run does not.
  app.on('second-instance', (_event, argv) => {
    if (cliArguments(argv) === undefined) showWindow(window);
  });
  // macOS: a click on the app in the Dock brings back the window that closing hid.
  app.on('activate', () => showWindow(window));
  quitWithTheSession({
    app,
    window,
    powerMonitor,
    platform: process.platform,
    release: () => void closeCore(),
  });
  startDesktopIntegration({
    core,
    window,
    state: home.state,
    trayIcon: join(paths.resources, 'tray-icon.png'),
  }).catch((error: unknown) =>
    // The window works without a tray or notifications; say why they are missing.
    console.error(
      'Tray and notifications are off:',
      error instanceof Error ? error.message : error,
    ),
  );

  // Timers do not tick during sleep: renew every seat as soon as the machine wakes.
  powerMonitor.on('suspend', () => core?.suspend());
  powerMonitor.on('resume', () => core?.resume());
}

function startDesktopApp(): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // Another window already runs (and heartbeats): hand over to it and leave.
    app.exit(0);
    return;
  }
  // Activation links may come before the app is ready (macOS) or in this process's arguments:
  // the inbox keeps the latest until the renderer takes it.
  const links = createLinkInbox();
  listenForLinks(links);

  app.on('before-quit', (event) => {
    if (closed) return;
    const pending = closeCore();
    if (!pending) return;
    event.preventDefault();
    void pending.finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => start(links))
    .catch((error: unknown) => {
      const language = systemLanguage();
      dialog.showErrorBox(
        desktopWords(language.locale, language.intlTag).cannotStart(app.getName()),
        error instanceof LicensingError
          ? sayIn(error, language)
          : error instanceof Error
            ? error.message
            : String(error),
      );
      app.exit(1);
    });
}

const cliArgv = cliArguments(process.argv);
if (cliArgv !== undefined) {
  runAppCli(cliArgv, appPaths).catch((error: unknown) => {
    process.stderr.write(`error [internal]: ${error instanceof Error ? error.message : error}\n`);
    app.exit(1);
  });
} else startDesktopApp();
