import { describe, expect, it, vi } from 'vitest';
import { DEMO } from '../support/core-harness';
import { seatTokenOf, useSeatHolders } from '../support/crash-seat-rig';
import { useTempDir } from '../support/temp-dir';

/**
 * Fault matrix F17: the app is killed (crash, SIGKILL, power cut) while it holds a floating seat.
 * What the code intends (the licence service's `restore`, licence-seats.ts for the seats): the next
 * start on the same data folder resumes the seat it held, with the same token on the same machine,
 * so the server's counts do not move; if the server let the seat lapse meanwhile, the first
 * heartbeat finds that out and takes a seat again, without the user doing anything.
 */

const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('a crash while holding a seat (F17)', () => {
  const tempDir = useTempDir();
  const rig = useSeatHolders();
  const counts = () => rig.sandbox.poolCounts()[DEMO.floatingKey];

  /** Takes a seat in a child process, then kills it with SIGKILL: nothing is given back. */
  async function crashWhileHolding(dataDir: string): Promise<string | undefined> {
    const child = await rig.holdSeat(dataDir);
    child.process.kill('SIGKILL');
    expect((await child.ended).signal).toBe('SIGKILL');
    return seatTokenOf(dataDir);
  }

  it('the next start resumes the same seat: same token, server counts unchanged', async () => {
    const dataDir = tempDir();
    const before = counts();
    const token = await crashWhileHolding(dataDir);
    expect(token).toMatch(/^fltk_/);
    const held = counts();
    expect(held?.floating).toBe((before?.floating ?? 0) + 1);

    rig.clock.advance(30_000); // restarted half a minute later, inside the token's 120 s lifetime
    const restartedAt = rig.clock.now();
    const core = await rig.restart(dataDir);
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
    rig.clock.advance(10 * 60_000); // far past the 120 s token lifetime
    expect(counts()).toEqual(before);

    const core = await rig.restart(dataDir);
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
