import type { Clock, TimerHandle } from '../../shared/clock';

/**
 * Collects the ids of hubs that changed and hands them over at most once per interval, so a
 * 1,000-hub refresh sends the renderer a few events a second instead of 1,000 IPC messages.
 * The first change after a quiet spell goes out on the next tick; later ones wait for the
 * interval to pass since the last delivery.
 */
export interface ChangeBatcher {
  mark(ids: Iterable<string>): void;
  /** Delivers what is collected now (at the end of a run), even when nothing changed. */
  flush(): void;
  close(): void;
}

export function createChangeBatcher(
  clock: Clock,
  intervalMs: number,
  deliver: (ids: readonly string[]) => void,
): ChangeBatcher {
  let collected = new Set<string>();
  let timer: TimerHandle | undefined;
  let lastDelivery = Number.NEGATIVE_INFINITY;

  const flush = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    lastDelivery = clock.now();
    const ids = [...collected];
    collected = new Set();
    deliver(ids);
  };

  // Timers may fire a little early against the wall clock (Node measures them from the event
  // loop's cached time): check again rather than deliver twice within the interval.
  const schedule = (): void => {
    const wait = lastDelivery + intervalMs - clock.now();
    if (wait > 0) timer = clock.setTimeout(schedule, wait);
    else flush();
  };

  return {
    mark(ids) {
      for (const id of ids) collected.add(id);
      if (timer !== undefined) return;
      timer = clock.setTimeout(schedule, Math.max(0, lastDelivery + intervalMs - clock.now()));
    },
    flush,
    close() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      collected.clear();
    },
  };
}
