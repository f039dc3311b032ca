import { join } from 'node:path';
import type { ProfileConfig, VendorConfig } from '../src/main/config/vendor-config';
import { createCore, type Core, type CoreHost } from '../src/main/core';
import { createFileStateStore } from '../src/main/store/file-state-store';

/** A vendor configuration as the benchmarks use it: the given profiles, no demo. */
export const benchConfig = (productId: string, profiles: ProfileConfig[]): VendorConfig => ({
  productName: 'Bench',
  productId,
  demo: false,
  allowWeakSecretStore: false,
  profiles,
});

/**
 * A core as a benchmark opens it: its files in `dir`, named after `name` so several
 * installations can share one folder, and never the in-process demo (the benchmarks start the
 * sandboxes they measure against themselves).
 */
export const openBenchCore = (
  dir: string,
  name: string,
  host: Omit<CoreHost, 'version' | 'state' | 'hubInventoryFile' | 'allowInProcessDemo'>,
): Promise<Core> =>
  createCore({
    ...host,
    version: 'bench',
    state: createFileStateStore(join(dir, `${name}.state.json`)),
    hubInventoryFile: join(dir, `${name}.hubs.json`),
    allowInProcessDemo: false,
  });
