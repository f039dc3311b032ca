import { setMaxListeners } from 'node:events';
import type { Clock, TimerHandle } from '../../shared/clock';
import type { FleetProgress } from '../../shared/hubs-model';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError, toAppError } from '../licensing/licensing-error';
import type { SecretStore } from '../store/secret-store';
import type { HubClients } from './hub-clients';
import { keepLicence } from './hub-licence';
import { hubName, sessionKey, type HubRecord } from './hub-records';
import type { HubStore } from './hub-store';

/**
 * Reading the licence of many hubs at once: a bounded pool (one slow or dead hub occupies one
 * worker, never the others), a deadline per hub, results applied in memory as they come and
 * written to the inventory at most once a second, and an AbortSignal that stops the whole run.
 */

export interface FleetRefreshDeps {
  readonly store: HubStore;
  readonly clients: HubClients;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  /** The most a hub may take, sign-in included. */
  readonly hubDeadlineMs: number;
  /** Told each hub whose record changed. */
  readonly changed: (ids: readonly string[]) => void;
}

interface FleetRun {
  readonly progress: FleetProgress;
  /** Settles when the hub is done (or skipped by an abort). */
  readonly hubs: ReadonlyMap<string, Promise<void>>;
  readonly finished: Promise<void>;
}

const FLUSH_EVERY_MS = 1_000;

export interface RunOptions {
  readonly concurrency: number;
  /** Told how long each hub took, from its start to its result (the CLI's "slowest"). */
  readonly onHubDone?: (id: string, elapsedMs: number) => void;
}

/** Runs `worker` over `items` with at most `limit` at a time; stops taking new ones on abort. */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal.aborted) {
      const item = items[next++] as T;
      await worker(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

const hubTimedOut = (record: HubRecord, ms: number): LicensingError =>
  new LicensingError(
    'timeout',
    hubs.hubTimedOut({ hub: hubName(record), seconds: Math.round(ms / 1000) }),
  );

function startFleetRun(
  deps: FleetRefreshDeps,
  records: readonly HubRecord[],
  options: RunOptions,
  signal: AbortSignal,
): FleetRun {
  const { store, clock } = deps;
  const progress: FleetProgress = {
    running: true,
    total: records.length,
    done: 0,
    failed: 0,
    startedAt: clock.now(),
  };
  const hubs = new Map<string, Promise<void>>();
  const settle = new Map<string, () => void>();
  for (const record of records) {
    hubs.set(record.id, new Promise<void>((resolve) => settle.set(record.id, resolve)));
  }
  let flushTimer: TimerHandle | undefined;
  const scheduleFlush = (): void => {
    if (flushTimer !== undefined) return;
    flushTimer = clock.setTimeout(() => {
      flushTimer = undefined;
      try {
        store.flush();
      } catch {
        // A full disk now may be free at the next flush; the final one reports the error.
      }
    }, FLUSH_EVERY_MS);
  };

  /** Each hub's licence being kept after its lane moved on; the run ends once all are. */
  const keeping: Promise<void>[] = [];

  async function refreshHub(record: HubRecord): Promise<void> {
    const key = sessionKey(record);
    const sameHub = (current: HubRecord): boolean => sessionKey(current) === key;
    const began = clock.now();
    const hubSignal = new AbortController();
    const stop = (): void => hubSignal.abort();
    signal.addEventListener('abort', stop, { once: true });
    let expired = false;
    const deadline = clock.setTimeout(() => {
      expired = true;
      hubSignal.abort();
    }, deps.hubDeadlineMs);
    let kept: Promise<void>;
    try {
      const client = deps.clients.clientFor(record);
      const licence = await client.getLicence(record.hid, { signal: hubSignal.signal });
      // The lane moves on to the next hub while the code is written: the secret store gathers a
      // burst of writes into one, and a lane waiting for each would pace the run by the disk.
      // The record says the code is kept only once it is.
      kept = keepLicence(deps.secrets, record, licence, clock.now()).then((change) =>
        store.patch(record.id, sameHub, change),
      );
    } catch (thrown) {
      kept = Promise.reject(thrown);
    } finally {
      clock.clearTimeout(deadline);
      signal.removeEventListener('abort', stop);
    }
    // How long the hub took to answer (the CLI's "slowest"), not the disk after it.
    const elapsed = clock.now() - began;
    keeping.push(
      kept
        .catch((thrown: unknown) => {
          if (signal.aborted) return; // the app is closing: keep what the hub had before
          const appError = expired
            ? hubTimedOut(record, deps.hubDeadlineMs).toAppError()
            : toAppError(thrown);
          progress.failed += 1;
          store.patch(record.id, sameHub, (target) => {
            target.lastError = appError;
            target.lastRefreshAt = clock.now();
          });
        })
        .finally(() => {
          if (!signal.aborted) {
            progress.done += 1;
            options.onHubDone?.(record.id, elapsed);
          }
          settle.get(record.id)?.();
          deps.changed([record.id]);
          scheduleFlush();
        }),
    );
  }

  const finished = (async () => {
    try {
      await runBounded(records, options.concurrency, refreshHub, signal);
      await Promise.all(keeping);
    } finally {
      for (const resolve of settle.values()) resolve();
      if (flushTimer !== undefined) clock.clearTimeout(flushTimer);
      progress.running = false;
      progress.finishedAt = clock.now();
    }
    store.flush();
  })();
  return { progress, hubs, finished };
}

export interface FleetRefresher {
  progress(): FleetProgress;
  /**
   * Refreshes `records`. While a run is going, a request for hubs it covers waits for just those
   * hubs; a request for others is refused (two runs would double the load on the network).
   */
  refresh(records: readonly HubRecord[], options: RunOptions): Promise<void>;
  /** Settles once no run is going. */
  idle(): Promise<void>;
}

export function createFleetRefresher(
  deps: FleetRefreshDeps & {
    /** Stops every run for good (the service is closing). */
    readonly signal: AbortSignal;
    /** After each run, with the final progress in place. */
    readonly onRunEnd: () => void;
  },
): FleetRefresher {
  let run: FleetRun | undefined;
  let last: FleetProgress = { running: false, total: 0, done: 0, failed: 0 };
  // One abort listener per hub in flight: the default warning at 10 would be noise, not a leak.
  setMaxListeners(0, deps.signal);

  return {
    progress: () => (run ? { ...run.progress } : last),

    async refresh(records, options) {
      if (run) {
        const running = run;
        if (!records.every((record) => running.hubs.has(record.id))) {
          const { done, total } = running.progress;
          throw new LicensingError('invalid_input', hubs.refreshRunning({ total, done }));
        }
        await Promise.all(records.map((record) => running.hubs.get(record.id)));
        return;
      }
      const started = startFleetRun(deps, records, options, deps.signal);
      run = started;
      deps.changed([]);
      try {
        await started.finished;
      } finally {
        last = { ...started.progress };
        run = undefined;
        deps.onRunEnd();
      }
    },

    idle: async () => {
      await run?.finished.catch(() => undefined);
    },
  };
}
