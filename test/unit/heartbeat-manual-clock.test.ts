import { describe, expect, it } from 'vitest';
import { createManualClock } from '../support/manual-clock';

// The scheduler's tests are only as good as this clock, so its contract is tested on its own.
describe('manual clock', () => {
  it('fires due timers in time order, ties in the order they were set', () => {
    const clock = createManualClock(1_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('c@30'), 30);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('b@10'), 10);
    clock.setTimeout(() => fired.push('late@31'), 31);
    clock.advance(30);
    expect(fired).toEqual(['a@10', 'b@10', 'c@30']);
    expect(clock.now()).toBe(1_030);
    expect(clock.pendingTimers()).toEqual([{ id: 4, dueAt: 1_031, delayMs: 1 }]);
  });

  it('fires timers scheduled by callbacks within the same advance, at their own time', () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    const tick = (): void => {
      seen.push(clock.now());
      if (seen.length < 5) clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    clock.advance(1_000);
    expect(seen).toEqual([100, 200, 300, 400, 500]);
  });

  it('clearTimeout cancels, including from inside another callback', () => {
    const clock = createManualClock(0);
    const fired: string[] = [];
    const second = clock.setTimeout(() => fired.push('second'), 20);
    clock.setTimeout(() => {
      fired.push('first');
      clock.clearTimeout(second);
    }, 10);
    clock.advance(100);
    expect(fired).toEqual(['first']);
  });

  it('setSystemTime jumps the wall clock without firing or shortening timers (sleep)', () => {
    const clock = createManualClock(0);
    let fired = 0;
    clock.setTimeout(() => fired++, 1_000);
    clock.setSystemTime(3 * 3_600_000);
    expect(clock.now()).toBe(3 * 3_600_000);
    expect(fired).toBe(0);
    expect(clock.pendingTimers()[0]?.delayMs).toBe(1_000);
    clock.advance(999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('stall moves time without firing; due timers fire late on the next advance', () => {
    const clock = createManualClock(0);
    const at: number[] = [];
    clock.setTimeout(() => at.push(clock.now()), 100);
    clock.stall(2_000);
    expect(at).toEqual([]);
    clock.advance(0);
    expect(at).toEqual([2_000]);
  });

  it('advanceAsync lets promise chains started by a timer schedule the next timer', async () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    const loop = async (): Promise<void> => {
      await Promise.resolve();
      await Promise.resolve();
      seen.push(clock.now());
      if (seen.length < 3) clock.setTimeout(() => void loop(), 50);
    };
    clock.setTimeout(() => void loop(), 50);
    clock.advance(500);
    // Synchronous advance runs no promise callback: the chain resumes only after it, too late.
    expect(seen).toEqual([]);
    await clock.flush();
    expect(seen).toEqual([500]);

    const again = createManualClock(0);
    const seenAsync: number[] = [];
    const loopAsync = async (): Promise<void> => {
      await Promise.resolve();
      seenAsync.push(again.now());
      if (seenAsync.length < 3) again.setTimeout(() => void loopAsync(), 50);
    };
    again.setTimeout(() => void loopAsync(), 50);
    await again.advanceAsync(500);
    expect(seenAsync).toEqual([50, 100, 150]);
  });

  it('refuses delays that would overflow a real Node timer', () => {
    const clock = createManualClock(0);
    expect(() => clock.setTimeout(() => undefined, 2 ** 31)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
