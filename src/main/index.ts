import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, powerMonitor, safeStorage } from 'electron';
import { loadVendorConfig } from './config/load-config';
import { createCore, type Core } from './core';
import { createFileRefusalLog } from './ipc/refusal-log';
import { APP_ORIGIN } from './security/trusted-origin';
import { registerAppScheme, serveRendererBundle } from './shell/app-protocol';
import { createElectronStores } from './shell/electron-stores';
import { forwardEvents, registerIpc } from './shell/ipc-main';
import { createMainWindow } from './shell/main-window';
import { createSafeStorageSecretStore } from './store/safe-storage-secret-store';

/** Releasing seats on quit must not hold the user hostage if the server is slow. */
const RELEASE_ON_QUIT_MS = 3_000;

registerAppScheme();
const isPrimaryInstance = app.requestSingleInstanceLock();

let core: Core | undefined;
let quitting = false;

async function start(): Promise<void> {
  const resources = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
  // Demo mode only when no vendor configuration ships; a broken one is reported, never replaced.
  const vendorConfig = join(resources, 'vendor-config.json');
  const config = await loadVendorConfig({
    base: existsSync(vendorConfig) ? vendorConfig : join(resources, 'default-config.json'),
    override: join(app.getPath('userData'), 'config.json'),
  });
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
  });

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const trustedOrigins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];
  serveRendererBundle(join(__dirname, '../renderer'));
  // Refused IPC requests (a foreign frame, a payload of the wrong shape) leave a trace on disk.
  const refusals = createFileRefusalLog({ file: join(app.getPath('logs'), 'ipc-refusals.log') });
  registerIpc(core.dispatch, trustedOrigins, refusals);
  const window = createMainWindow({ url: devUrl ?? `${APP_ORIGIN}/index.html`, trustedOrigins });
  forwardEvents(window, core.onEvent);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });

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
