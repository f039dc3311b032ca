import { join } from 'node:path';
import type { BabelSandbox } from '../../src/sandbox';
import { bundleChild, startChild, type ChildBundle, type RunningChild } from './crash-child';
import { createFileSecretStore } from './crash-file-secrets';
import { configFor, DEMO } from './core-harness';
import { secretsFileOf, type SeatHolderOptions } from './crash-seat-installation';
import type { ManualClock } from './manual-clock';

/** The parent's side of the seat-holder child (crash-seat-holder.ts). */

export const bundleSeatHolder = (): Promise<ChildBundle> =>
  bundleChild(join(__dirname, 'crash-seat-holder.ts'));

/** Starts an installation in a child process and resolves once it holds a floating seat. */
export async function startSeatHolder(
  bundle: ChildBundle,
  options: {
    sandbox: BabelSandbox;
    clock: ManualClock;
    dataDir: string;
    releaseTimeoutMs?: number;
  },
): Promise<RunningChild> {
  const holder: SeatHolderOptions = {
    dataDir: options.dataDir,
    config: configFor(options.sandbox),
    key: DEMO.floatingKey,
    sandboxNow: options.clock.now(),
    releaseTimeoutMs: options.releaseTimeoutMs ?? 3_000,
  };
  const child = startChild(bundle, [JSON.stringify(holder)]);
  await child.waitForLine((line) => line === 'held');
  return child;
}

/** The seat token the installation keeps (to tell "the same seat" from "a new one"). */
export const seatTokenOf = (dataDir: string): Promise<string | undefined> =>
  createFileSecretStore(secretsFileOf(dataDir)).get('seat-token:seats');
