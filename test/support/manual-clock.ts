import type { Clock, TimerHandle } from '../../src/shared/clock';

/**
 * A Clock that only moves when a test says so.
 *
 * Timers run on a monotonic timeline, the wall clock (`now()`) is that timeline plus an offset.
 * `advance` moves both; `setSystemTime` moves only the wall clock, like a laptop that slept:
 * pending timers neither fire nor lose their remaining delay (monotonic timers do not tick during
 * suspend on Linux), which is exactly why the scheduler must re-plan from `now()` on resume.
 * `stall` moves both without firing anything, like a blocked main thread: due timers fire late,
 * on the next advance.
 */

export interface PendingTimer {
  readonly id: number;
  /** Wall-clock time at which the timer would fire if no sleep intervenes. */
  readonly dueAt: number;
  /** Remaining delay on the monotonic timeline. */
  readonly delayMs: number;
}

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in time order (including ones they schedule). */
  advance(ms: number): void;
  /** Like advance, but lets pending promise callbacks run before each timer and at the end. */
  advanceAsync(ms: number): Promise<void>;
  pendingTimers(): readonly PendingTimer[];
  /** Jumps the wall clock without firing or shortening timers (simulates sleep). */
  setSystemTime(ms: number): void;
  /** Moves time forward without firing timers (simulates a blocked event loop). */
  stall(ms: number): void;
  /** Lets every pending promise callback run. */
  flush(): Promise<void>;
}

interface Timer {
  readonly id: number;
  readonly dueMono: number;
  readonly callback: () => void;
}

/** Same ceiling as Node: a longer delay there silently becomes 1 ms, so a test must catch it. */
const MAX_DELAY_MS = 2_147_483_647;
/** A callback that keeps rescheduling itself at 0 ms would hang the test; fail it instead. */
const MAX_FIRINGS_PER_ADVANCE = 1_000_000;

// setImmediate runs after the microtask queue has drained, so awaiting it settles promise chains.
const drainMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createManualClock(startMs = 0): ManualClock {
  let mono = 0;
  let wallOffset = startMs;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  const checkMs = (ms: number): void => {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance by ${ms} ms`);
  };

  /** Earliest timer due at or before `limit`; ties fire in the order they were set. */
  const nextDue = (limit: number): Timer | undefined => {
    let best: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.dueMono > limit) continue;
      if (!best || timer.dueMono < best.dueMono) best = timer;
    }
    return best;
  };

  const fire = (timer: Timer): void => {
    timers.delete(timer.id);
    // A late timer (after a stall) fires "now", never back in time.
    mono = Math.max(mono, timer.dueMono);
    timer.callback();
  };

  return {
    now: () => mono + wallOffset,
    setTimeout: (callback, ms): TimerHandle => {
      const delay = Number.isNaN(ms) ? 0 : Math.max(0, ms);
      if (delay > MAX_DELAY_MS) {
        throw new RangeError(`setTimeout(${ms}) overflows Node's timer and would fire at once`);
      }
      const id = nextId++;
      timers.set(id, { id, dueMono: mono + delay, callback });
      return id;
    },
    clearTimeout: (handle) => {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance: (ms) => {
      checkMs(ms);
      const target = mono + ms;
      for (let count = 0; ; count++) {
        if (count > MAX_FIRINGS_PER_ADVANCE) throw new Error('timers keep rescheduling at once');
        const timer = nextDue(target);
        if (!timer) break;
        fire(timer);
      }
      mono = target;
    },
    advanceAsync: async (ms) => {
      checkMs(ms);
      const target = mono + ms;
      for (let count = 0; ; count++) {
        if (count > MAX_FIRINGS_PER_ADVANCE) throw new Error('timers keep rescheduling at once');
        await drainMicrotasks();
        const timer = nextDue(target);
        if (!timer) break;
        fire(timer);
      }
      mono = target;
      await drainMicrotasks();
    },
    pendingTimers: () =>
      [...timers.values()]
        .sort((a, b) => a.dueMono - b.dueMono || a.id - b.id)
        .map((timer) => ({
          id: timer.id,
          dueAt: timer.dueMono + wallOffset,
          delayMs: timer.dueMono - mono,
        })),
    setSystemTime: (ms) => {
      wallOffset = ms - mono;
    },
    stall: (ms) => {
      checkMs(ms);
      mono += ms;
    },
    flush: drainMicrotasks,
  };
}
