import { performance } from 'node:perf_hooks';
import { loadVendorConfig } from '../src/main/config/load-config';
import { openKeyringSecretStore } from '../src/main/store/keyring-secret-store';
import { openBenchCore } from './bench-core';

/**
 * Child process of the start benchmark: opens the core exactly as a long-running host does
 * (configuration, OS keyring, fingerprint, state, restored leases) and prints how long after its
 * own process start the core was ready. `node core-ready.cjs <config.json> <data dir>`.
 */
async function main(): Promise<void> {
  // Node's own start plus loading this bundle and its dependencies.
  const loadedMs = performance.now();
  const [configFile, dataDir] = process.argv.slice(2);
  if (!configFile || !dataDir) throw new Error('usage: core-ready <config.json> <data dir>');
  const config = await loadVendorConfig({ base: configFile });
  const secrets = await openKeyringSecretStore(config.productId, dataDir);
  const core = await openBenchCore(dataDir, config.productId, { config, secrets, keepAlive: true });
  // performance.now() counts from this process's start (its timeOrigin).
  const readyMs = performance.now();
  const { seat } = await core.service.status('seats');
  process.stdout.write(
    `${JSON.stringify({ readyMs, loadedMs, secretStore: secrets.protected ? 'os-keyring' : 'unavailable', seat: seat.state })}\n`,
  );
  // Exit without closing: a closing core gives its seats back, and the next run must restore them.
  process.exit(0);
}

void main();
