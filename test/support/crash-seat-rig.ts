import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Core } from '../../src/main/core';
import type { BabelSandbox } from '../../src/sandbox';
import { bundleChild, startChild, type ChildBundle, type RunningChild } from './crash-child';
import { createFileSecretStore } from './crash-file-secrets';
import { configFor, DEMO, startClockedSandbox } from './core-harness';
import {
  openCrashInstallation,
  secretsFileOf,
  type SeatHolderOptions,
} from './crash-seat-installation';
import type { ManualClock } from './manual-clock';

/** The parent's side of the seat-holder child (crash-seat-holder.ts). */

const bundleSeatHolder = (): Promise<ChildBundle> =>
  bundleChild(join(__dirname, 'crash-seat-holder.ts'));

/** Starts an installation in a child process and resolves once it holds a floating seat. */
async function startSeatHolder(
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

export interface SeatHolders {
  /** This test's sandbox (a fresh one per test) and the clock it runs on. */
  readonly sandbox: BabelSandbox;
  readonly clock: ManualClock;
  /** An installation in a child process that holds a seat; killed after the test if still alive. */
  holdSeat(dataDir: string, releaseTimeoutMs?: number): Promise<RunningChild>;
  /** The next start of the same installation, in this process; closed after the test. */
  restart(dataDir: string): Promise<Core>;
}

/**
 * The suites that crash or quit an installation holding a seat (F16, F17): the seat-holder child
 * bundled once, a fresh clocked sandbox per test, and everything a test started cleaned up after
 * it. Call inside `describe`.
 */
export function useSeatHolders(): SeatHolders {
  let bundle: ChildBundle;
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  const children: RunningChild[] = [];
  const cores: Core[] = [];

  beforeAll(async () => {
    bundle = await bundleSeatHolder();
  }, 60_000);
  afterAll(() => bundle?.remove());
  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    for (const core of cores.splice(0)) await core.close(500);
    await sandbox.close();
  });

  return {
    get sandbox() {
      return sandbox;
    },
    get clock() {
      return clock;
    },
    async holdSeat(dataDir, releaseTimeoutMs) {
      const child = await startSeatHolder(bundle, { sandbox, clock, dataDir, releaseTimeoutMs });
      children.push(child);
      return child;
    },
    async restart(dataDir) {
      const core = await openCrashInstallation({ dataDir, config: configFor(sandbox) }, clock);
      cores.push(core);
      return core;
    },
  };
}
