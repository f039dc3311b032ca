import { join } from 'node:path';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { createCore, type Core, type CoreHost } from '../../src/main/core';
import { startBrowserHost } from '../../src/main/host/browser-host';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { createMemoryRefusalLog } from '../support/memory-refusal-log';

/** What the desktop app gives the core beyond its stores (src/main/index.ts). */
type AppParts = Partial<
  Pick<CoreHost, 'systemProxy' | 'systemCertificates' | 'chromiumFetch' | 'loginItem'>
>;

/**
 * The desktop app's composition without Electron, whose binary cannot be had here: the core with
 * the parts the app gives it, its files in `dir`, behind the browser host serving the built
 * renderer.
 */
export async function openComposedApp(options: {
  readonly configFile: string;
  readonly dir: string;
  readonly parts: AppParts;
}): Promise<{ core: Core; host: Awaited<ReturnType<typeof startBrowserHost>> }> {
  const core = await createCore({
    config: await loadVendorConfig({ base: options.configFile }),
    version: '0.0.0-e2e',
    secrets: createMemorySecretStore(),
    state: createFileStateStore(join(options.dir, 'state.json')),
    hubInventoryFile: join(options.dir, 'hubs.json'),
    keepAlive: true,
    allowInProcessDemo: false,
    ...options.parts,
  });
  const host = await startBrowserHost({
    rendererDir: join(__dirname, '../../out/renderer'),
    dispatch: core.dispatch,
    subscribe: core.onEvent,
    log: createMemoryRefusalLog(),
  });
  return { core, host };
}
