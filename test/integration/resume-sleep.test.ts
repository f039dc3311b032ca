import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { LicenceView } from '../../src/shared/model';
import type { BabelSandbox } from '../../src/sandbox';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import type { ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * Fault matrix F14 against the real floating-seat sandbox over loopback HTTP: the machine sleeps
 * with a seat held (core.suspend, the wall clock jumps, core.resume, as index.ts wires
 * powerMonitor). The seat is renewed as soon as the machine wakes; if the server let it lapse
 * during the sleep, it is taken again with no user action and without passing through "lost".
 */

const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });
/** DEFAULT_HEARTBEAT_POLICY.resumeSpreadMs: every renew after a wake-up starts inside it. */
const RESUME_SPREAD_MS = 2_000;

describe('sleep and resume with a seat held (F14)', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  let core: Core;
  let secrets: Awaited<ReturnType<typeof openInstallation>>['secrets'];
  const seen: LicenceView['seat'][] = [];
  const floating = () => sandbox.poolCounts()[DEMO.floatingKey]?.floating ?? 0;
  const seat = async () => (await core.service.status('seats')).seat;

  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
    ({ core, secrets } = await openInstallation({ sandbox, clock, dataDir: tempDir() }));
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    seen.length = 0;
    core.onChange((view) => seen.push(view.seat));
  });
  afterEach(async () => {
    await core.close(500);
    await sandbox.close();
  });

  /** Suspend, let `ms` of wall-clock time pass with no timer ticking, resume. */
  const sleep = (ms: number): number => {
    core.suspend();
    clock.setSystemTime(clock.now() + ms);
    core.resume();
    return clock.now();
  };

  it('renews at once on waking: the next heartbeat is planned inside the resume spread', async () => {
    const token = await secrets.get('seat-token:seats');
    const before = floating();
    const resumedAt = sleep(90_000); // shorter than the 120 s token lifetime: the seat is still ours
    const planned = await seat();
    expect(planned.nextHeartbeatAt).toBeGreaterThanOrEqual(resumedAt);
    expect(planned.nextHeartbeatAt).toBeLessThan(resumedAt + RESUME_SPREAD_MS);

    await clock.advanceAsync(RESUME_SPREAD_MS);
    await eventually(async () =>
      expect((await seat()).lastHeartbeatAt).toBeGreaterThanOrEqual(resumedAt),
    );
    const renewed = await seat();
    expect(renewed.state).toBe('held');
    expect(renewed.expiresAt).toBeGreaterThan(clock.now());
    expect(await secrets.get('seat-token:seats')).toBe(token);
    expect(floating()).toBe(before);
  });

  it('a seat the server let lapse during a 3 h sleep is taken again without user action', async () => {
    const token = await secrets.get('seat-token:seats');
    const before = floating();
    const resumedAt = sleep(3 * 60 * 60_000);
    expect(floating()).toBe(before - 1); // the server took the seat back while we slept

    await clock.advanceAsync(RESUME_SPREAD_MS);
    await eventually(async () =>
      expect((await seat()).lastHeartbeatAt).toBeGreaterThanOrEqual(resumedAt),
    );
    const retaken = await seat();
    expect(retaken.state).toBe('held');
    expect(retaken.lastError).toBeUndefined();
    expect(await secrets.get('seat-token:seats')).not.toBe(token);
    expect(floating()).toBe(before);
    // The sleep itself is no failure: the seat never showed as retrying or lost.
    expect(seen.map((view) => view.state)).not.toContain('retrying');
    expect(seen.map((view) => view.state)).not.toContain('lost');
  });

  it('while asleep nothing is sent or reported, however long; waking retakes the seat', async () => {
    const before = floating();
    core.suspend();
    clock.setSystemTime(clock.now() + 3 * 60 * 60_000);
    // Asleep, nothing ticks: no heartbeat, no retry, no state change however long it lasts.
    await clock.advanceAsync(10 * 60_000);
    expect(seen).toEqual([]);
    expect(floating()).toBe(before - 1);
    core.resume();
    await clock.advanceAsync(RESUME_SPREAD_MS);
    await eventually(async () => expect(floating()).toBe(before));
    expect((await seat()).state).toBe('held');
  });
});
