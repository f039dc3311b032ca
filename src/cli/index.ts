import { join } from 'node:path';
import { shippedConfigFile } from '../main/config/shipped-config';
import { createFileStateStore } from '../main/store/file-state-store';
import { openKeyringSecretStore } from '../main/store/keyring-secret-store';
import { cliDataDir } from './data-dir';
import { runCli } from './run-cli';

declare const __APP_VERSION__: string | undefined;

/**
 * Entry point of `license-manager` under Node: its own folder (cliDataDir) and the OS keyring.
 * The installed app runs the same commands on its own stores with `--cli` (src/main/shell/app-cli.ts).
 */
const outDir = join(__dirname, '..');
const resourcesDir = join(outDir, '..', 'resources');
const dataDir = cliDataDir();

void runCli(process.argv.slice(2), {
  configFiles: { base: shippedConfigFile(resourcesDir) },
  dataDir,
  openHome: async ({ productId }) => ({
    secrets: await openKeyringSecretStore(productId, dataDir),
    state: createFileStateStore(join(dataDir, `${productId}.state.json`)),
    hubInventoryFile: join(dataDir, `${productId}.hubs.json`),
    logFiles: [],
  }),
  rendererDir: join(outDir, 'renderer'),
  version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
