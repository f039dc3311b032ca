import { join } from 'node:path';
import type { Clock } from '../../src/shared/clock';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { createCore, type Core } from '../../src/main/core';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createFileSecretStore } from './crash-file-secrets';

/**
 * One installation that can be killed and started again: its state, hub inventory and secrets all
 * live in its data folder (secrets in a file fake, standing in for the OS keyring). The seat-holder
 * child and the test that restarts it open it through this one function, so both are the same
 * installation on the same machine. (test/support/core-harness.ts cannot be bundled into a child:
 * it reads the demo seed relative to its own folder.)
 */
export interface SeatHolderOptions {
  readonly dataDir: string;
  readonly config: VendorConfig;
  readonly key: string;
  /** The sandbox's clock when the child starts: the child runs in real time from there. */
  readonly sandboxNow: number;
  readonly releaseTimeoutMs: number;
}

export const secretsFileOf = (dataDir: string): string => join(dataDir, 'secrets.json');

export function openCrashInstallation(
  options: Pick<SeatHolderOptions, 'dataDir' | 'config'>,
  clock: Clock,
): Promise<Core> {
  return createCore({
    config: options.config,
    version: '0.0.0-test',
    secrets: createFileSecretStore(secretsFileOf(options.dataDir)),
    state: createFileStateStore(join(options.dataDir, 'state.json')),
    hubInventoryFile: join(options.dataDir, 'hubs.json'),
    keepAlive: true,
    allowInProcessDemo: false,
    clock,
    hardware: { rawMachineId: async () => 'machine-a', hostname: () => 'test-host' },
  });
}
