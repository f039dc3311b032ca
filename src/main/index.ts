import { join } from 'node:path';
import { app, dialog, powerMonitor, safeStorage, session } from 'electron';
import { loadVendorConfig } from './config/load-config';
import { shippedConfigFile } from './config/shipped-config';
import { supportLinks } from './config/vendor-view';
import { createCore, type Core } from './core';
import { createFileRefusalLog } from './ipc/refusal-log';
import { APP_ORIGIN } from './security/trusted-origin';
import { registerAppScheme, serveRendererBundle } from './shell/app-protocol';
import { createElectronStores } from './shell/electron-stores';
import { forwardEvents, registerIpc } from './shell/ipc-main';
import { createMainWindow } from './shell/main-window';
import { createSafeStorageSecretStore } from './store/safe-storage-secret-store';
import { productIdentity } from './config/product-identity';
import { createLinkInbox } from './desktop/link-inbox';
import { listenForLinks } from './shell/deep-links';
import { showWindow, startDesktopIntegration } from './shell/desktop';
import { electronLoginItem } from './shell/login-item';
import { systemProxyResolver } from './shell/system-proxy';

/** Releasing seats on quit must not hold the user hostage if the server is slow. */
const RELEASE_ON_QUIT_MS = 3_000;

registerAppScheme();
const isPrimaryInstance = app.requestSingleInstanceLock();
// Activation links may come before the app is ready (macOS) or in this process's arguments: the
// inbox keeps the latest until the renderer takes it.
const links = createLinkInbox();
if (isPrimaryInstance) listenForLinks(links);

let core: Core | undefined;
let quitting = false;

async function start(): Promise<void> {
  const resources = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
  // Demo mode only when no vendor configuration ships; a broken one is reported, never replaced.
  const config = await loadVendorConfig({
    base: shippedConfigFile(resources),
    override: join(app.getPath('userData'), 'config.json'),
  });
  const identity = productIdentity(config, 'the vendor configuration');
  // Windows shows notifications only for the AppUserModelID of the installer's shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(identity.appId);
  const stores = createElectronStores(app.getPath('userData'));
  const secrets = createSafeStorageSecretStore(safeStorage, stores.ciphertexts, {
    platform: process.platform,
    allowWeak: config.allowWeakSecretStore,
  });
  core = await createCore({
    config,
    version: app.getVersion(),
    secrets,
    state: stores.state,
    hubInventoryFile: join(app.getPath('userData'), 'hubs.json'),
    keepAlive: true,
    allowInProcessDemo: true,
    links,
    loginItem: electronLoginItem(identity.executableName),
    // Diagnostics and network: a relative caFile lies beside the vendor configuration; the
    // system proxy (PAC, WPAD, manual) as Chromium resolves it; the refusal log for the bundle.
    configDir: resources,
    systemProxy: systemProxyResolver(session.defaultSession),
    logFiles: [join(app.getPath('logs'), 'ipc-refusals.log')],
  });

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const trustedOrigins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];
  serveRendererBundle(join(__dirname, '../renderer'));
  // Refused IPC requests (a foreign frame, a payload of the wrong shape) leave a trace on disk.
  const refusals = createFileRefusalLog({ file: join(app.getPath('logs'), 'ipc-refusals.log') });
  registerIpc(core.dispatch, trustedOrigins, refusals);
  const window = createMainWindow({
    url: devUrl ?? `${APP_ORIGIN}/index.html`,
    trustedOrigins,
    externalLinks: supportLinks(config),
  });
  forwardEvents(window, core.onEvent);
  app.on('second-instance', () => showWindow(window));
  startDesktopIntegration({
    core,
    window,
    state: stores.state,
    trayIcon: join(resources, 'tray-icon.png'),
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

if (!isPrimaryInstance) {
  // Another window already runs (and heartbeats): hand over to it and leave.
  app.exit(0);
}

app.on('before-quit', (event) => {
  if (quitting || !core) return;
  event.preventDefault();
  quitting = true;
  void core.close(RELEASE_ON_QUIT_MS).finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());

app
  .whenReady()
  .then(() => (isPrimaryInstance ? start() : undefined))
  .catch((error: unknown) => {
    dialog.showErrorBox(
      'License Manager could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
