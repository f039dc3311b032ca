import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { BabelSandbox } from '../../src/sandbox';
import type { ChildBundle, RunningChild } from '../support/crash-child';
import { openCrashInstallation } from '../support/crash-seat-installation';
import { bundleSeatHolder, seatTokenOf, startSeatHolder } from '../support/crash-seat-rig';
import { configFor, DEMO, startClockedSandbox } from '../support/core-harness';
import type { ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * Fault matrix F17: the app is killed (crash, SIGKILL, power cut) while it holds a floating seat.
 * What the code intends (licence-service.ts `restore`): the next start on the same data folder
 * resumes the seat it held, with the same token on the same machine, so the server's counts do not
 * move; if the server let the seat lapse meanwhile, the first heartbeat finds that out and takes a
 * seat again, without the user doing anything.
 */

const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('a crash while holding a seat (F17)', () => {
  const tempDir = useTempDir();
  let holder: ChildBundle;
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  const children: RunningChild[] = [];
  const cores: Core[] = [];
  const counts = () => sandbox.poolCounts()[DEMO.floatingKey];

  /** Takes a seat in a child process, then kills it with SIGKILL: nothing is given back. */
  async function crashWhileHolding(dataDir: string): Promise<string | undefined> {
    const child = await startSeatHolder(holder, { sandbox, clock, dataDir });
    children.push(child);
    child.process.kill('SIGKILL');
    expect((await child.ended).signal).toBe('SIGKILL');
    return seatTokenOf(dataDir);
  }

  /** The next start of the same installation, in this process, on the sandbox's clock. */
  async function restart(dataDir: string): Promise<Core> {
    const core = await openCrashInstallation({ dataDir, config: configFor(sandbox) }, clock);
    cores.push(core);
    return core;
  }

  beforeAll(async () => {
    holder = await bundleSeatHolder();
  }, 60_000);
  afterAll(() => holder?.remove());
  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    for (const core of cores.splice(0)) await core.close(500);
    await sandbox.close();
  });

  it('the next start resumes the same seat: same token, server counts unchanged', async () => {
    const dataDir = tempDir();
    const before = counts();
    const token = await crashWhileHolding(dataDir);
    expect(token).toMatch(/^fltk_/);
    const held = counts();
    expect(held?.floating).toBe((before?.floating ?? 0) + 1);

    clock.advance(30_000); // restarted half a minute later, inside the token's 120 s lifetime
    const restartedAt = clock.now();
    const core = await restart(dataDir);
    // Renewed at once on start (the clock does not move), not a heartbeat interval later.
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.lastHeartbeatAt).toBeGreaterThanOrEqual(
        restartedAt,
      ),
    );
    const view = await core.service.status('seats');
    expect(view.status).toBe('active');
    expect(view.seat.state).toBe('held');
    expect(await seatTokenOf(dataDir)).toBe(token);
    expect(counts()).toEqual(held);
    const ours = (await core.service.seatInfo('seats')).holders.filter((h) => h.isThisClient);
    expect(ours).toHaveLength(1);
  });

  it('a seat the server let lapse while the app was down is taken again without user action', async () => {
    const dataDir = tempDir();
    const before = counts();
    const token = await crashWhileHolding(dataDir);
    clock.advance(10 * 60_000); // far past the 120 s token lifetime
    expect(counts()).toEqual(before);

    const core = await restart(dataDir);
    await eventually(async () => expect(await seatTokenOf(dataDir)).not.toBe(token));
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('held'),
    );
    expect(await seatTokenOf(dataDir)).toMatch(/^fltk_/);
    // One seat, not two: the lapsed one is gone and exactly one new one is held.
    expect(counts()?.floating).toBe((before?.floating ?? 0) + 1);
    expect(counts()?.activation).toBe(before?.activation);
  });

  it('crashing again and again on the same folder never holds more than one seat', async () => {
    const dataDir = tempDir();
    const before = counts();
    const first = await crashWhileHolding(dataDir);
    for (let crash = 0; crash < 3; crash += 1) {
      // Each child finds the seat of the one before and asks for it again: the same seat.
      expect(await crashWhileHolding(dataDir)).toBe(first);
      expect(counts()?.floating).toBe((before?.floating ?? 0) + 1);
    }
  });
});
