/**
 * Time as the core and the sandboxes see it. Everything that waits or compares times goes through
 * this interface so tests can move time by hand instead of sleeping.
 */
export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds since the epoch (UTC). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle: { unref?: () => void } = setTimeout(callback, ms) as never;
    // A pending heartbeat must never keep a CLI process alive on its own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
