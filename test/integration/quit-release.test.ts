import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { FaultSpec } from '../../src/sandbox';
import type { RunningChild } from '../support/crash-child';
import { DEMO } from '../support/core-harness';
import { seatTokenOf, useSeatHolders } from '../support/crash-seat-rig';
import { useTempDir } from '../support/temp-dir';

/**
 * Fault matrix F16: quitting with a seat held gives it back, and never waits longer than the
 * bound. The installation runs in a child process on the real clock, and quits the way index.ts
 * does on `before-quit` (core.close(bound), then exit); the sandbox in this process shows what
 * the server saw.
 */

interface QuitReport {
  readonly outcome: { released: string[]; failed: string[]; timedOut: string[] };
  readonly closeMs: number;
}

/** Quit the child as the OS or the user would, and read what its close() reported. */
async function quit(child: RunningChild): Promise<QuitReport & { exitMs: number }> {
  const started = Date.now();
  child.process.kill('SIGTERM');
  const end = await child.ended;
  const exitMs = Date.now() - started;
  expect(end.code, end.stderr).toBe(0);
  const report = child.lines.find((line) => line.startsWith('{'));
  return { ...(JSON.parse(report ?? '{}') as QuitReport), exitMs };
}

describe('quitting with a seat held (F16)', () => {
  const tempDir = useTempDir();
  const rig = useSeatHolders();
  const floating = () => rig.sandbox.poolCounts()[DEMO.floatingKey]?.floating ?? 0;

  it('gives the seat back at once: the server shows it free, nothing is left on disk', async () => {
    const dataDir = tempDir();
    const before = floating();
    const child = await rig.holdSeat(dataDir);
    expect(floating()).toBe(before + 1);

    const { outcome, exitMs } = await quit(child);
    expect(outcome).toEqual({ released: ['seats'], failed: [], timedOut: [] });
    expect(floating()).toBe(before);
    expect(exitMs).toBeLessThan(3_000);
    // Nothing held is remembered, so the next start has nothing to resume.
    expect(createFileStateStore(join(dataDir, 'state.json')).load().leases).toEqual({});
    expect(await seatTokenOf(dataDir)).toBeUndefined();
  });

  const BOUND_MS = 1_000;
  // Both outlast the profile's 2 s HTTP timeout: only the bound can end the quit in time.
  it.each<[string, FaultSpec]>([
    ['never answers', { kind: 'hang', path: '/v1/license/release' }],
    ['stalls for a minute', { kind: 'latency', ms: 60_000, path: '/v1/license/release' }],
  ])(
    'when the release endpoint %s, quit still ends within the bound and the seat lapses on the server',
    async (_label, fault) => {
      const dataDir = tempDir();
      const before = floating();
      const child = await rig.holdSeat(dataDir, BOUND_MS);
      rig.sandbox.faults.inject(fault);

      const { outcome, closeMs, exitMs } = await quit(child);
      expect(outcome).toEqual({ released: [], failed: [], timedOut: ['seats'] });
      expect(closeMs).toBeGreaterThanOrEqual(BOUND_MS - 50);
      expect(closeMs).toBeLessThan(BOUND_MS + 500);
      expect(exitMs).toBeLessThan(BOUND_MS + 1_500);

      // Not given back, so the server keeps it until the token's lifetime (120 s) runs out.
      expect(floating()).toBe(before + 1);
      rig.clock.advance(121_000);
      expect(floating()).toBe(before);
    },
  );

  it('a seat a timed-out quit could not give back is resumed by the next start, like after a crash', async () => {
    const dataDir = tempDir();
    const before = floating();
    const child = await rig.holdSeat(dataDir, BOUND_MS);
    const token = await seatTokenOf(dataDir);
    rig.sandbox.faults.inject({ kind: 'hang', path: '/v1/license/release' });
    expect((await quit(child)).outcome.timedOut).toEqual(['seats']);
    rig.sandbox.faults.clear();

    // The lease stays written down, so the next start renews it rather than leaving it to lapse.
    const core = await rig.restart(dataDir);
    await vi.waitFor(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('held'),
    );
    expect(await seatTokenOf(dataDir)).toBe(token);
    expect(floating()).toBe(before + 1);
  });
});
