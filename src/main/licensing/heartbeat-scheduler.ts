import type { Clock, TimerHandle } from '../../shared/clock';
import { createHeartbeatEntry, type HeartbeatEntry } from './heartbeat-entry';
import {
  resolvePolicy,
  resumeDelayMs,
  type HeartbeatPolicy,
  type LeaseTiming,
} from './heartbeat-timing';
import type { LicensingError } from './licensing-error';

/**
 * The one heartbeat scheduler every licensing backend uses (DESIGN.md rule 4; fault matrix F7,
 * F14, F16, F17, F26–F28, F30). Renews are planned from the lease's absolute expiry and
 * `clock.now()`, one timer per lease, never a setInterval: a late timer or a sleep shortens the
 * next wait instead of drifting past the server's window.
 *
 * States: 'held' (heartbeats succeed) → 'retrying' (failures worth retrying, full-jitter backoff,
 * until expiry + grace) → 'lost'. Worth retrying means network, timeout, 5xx, 429 and also a reply
 * that does not fit the contract (a captive portal's page, F9/F11): `retriedInBackground` in
 * licensing-error.ts. A loss caused by those keeps retaking at `lostRetryMs`; a loss the server
 * decided (revoked, expired, refused...) stops until the user acts (renewNow or track).
 */

export type { HeartbeatPolicy, LeaseTiming } from './heartbeat-timing';
export { DEFAULT_HEARTBEAT_POLICY } from './heartbeat-timing';

export type HeartbeatState<L> =
  | {
      readonly state: 'held';
      readonly lease: L;
      readonly nextAt: number;
      readonly lastSuccessAt: number;
    }
  | {
      readonly state: 'retrying';
      readonly lease: L;
      readonly nextAt: number;
      readonly error: LicensingError;
      /** Consecutive failed renews so far (1 after the first failure). */
      readonly attempt: number;
    }
  | {
      readonly state: 'lost';
      readonly lease: L;
      readonly error: LicensingError;
      /** Set only while we still try to take the seat back. */
      readonly nextAt?: number;
    };

export interface HeartbeatTask<L extends LeaseTiming> {
  /** Heartbeat (or retake) the lease; resolves with the refreshed lease or throws LicensingError. */
  renew(current: L): Promise<L>;
  onChange(state: HeartbeatState<L>): void;
}

export interface ReleaseAllResult {
  readonly released: string[];
  readonly failed: string[];
  readonly timedOut: string[];
}

export interface HeartbeatScheduler {
  /** Starts heartbeating `lease`; replaces (and silences) an existing entry with the same id. */
  track<L extends LeaseTiming>(id: string, lease: L, task: HeartbeatTask<L>): void;
  /** Stops heartbeating without releasing; a renew still in flight is ignored when it returns. */
  untrack(id: string): void;
  /** Renew now (manual "renew", or after resume); coalesces with an in-flight renew of the same id. */
  renewNow(id: string): Promise<void>;
  /** powerMonitor 'suspend': stop every timer (timers don't tick in sleep anyway). */
  suspend(): void;
  /** powerMonitor 'resume': renew every lease now (small random spread, ≤ 2 s) using wall-clock time. */
  resume(): void;
  /** On quit: stop renewing and release every lease through `release`, in parallel, bounded by timeoutMs; never throws. */
  releaseAll(
    release: (id: string, lease: LeaseTiming) => Promise<void>,
    timeoutMs: number,
  ): Promise<ReleaseAllResult>;
  snapshot(id: string): HeartbeatState<LeaseTiming> | undefined;
  ids(): string[];
}

export interface HeartbeatSchedulerOptions {
  readonly clock: Clock;
  /** Uniform in [0, 1); injected so tests can pin the jitter. */
  readonly random?: () => number;
  readonly policy?: Partial<HeartbeatPolicy>;
  /** Where a throwing onChange (or a scheduler bug) is reported; never rethrown. */
  readonly onError?: (error: unknown) => void;
}

export function createHeartbeatScheduler(options: HeartbeatSchedulerOptions): HeartbeatScheduler {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const policy = resolvePolicy(options.policy);
  const entries = new Map<string, HeartbeatEntry>();
  let suspended = false;
  const env = {
    clock,
    random,
    policy,
    isSuspended: () => suspended,
    reportError: (error: unknown): void => {
      try {
        options.onError?.(error);
      } catch {
        // The error sink itself failed; there is nowhere left to report to.
      }
    },
  };

  const releaseAll: HeartbeatScheduler['releaseAll'] = async (release, timeoutMs) => {
    const budget = Number.isFinite(timeoutMs) ? Math.max(0, timeoutMs) : 0;
    // Take every entry out first: a second releaseAll, a resume or a renewNow racing with this
    // one finds nothing, which is what makes a double release or a late heartbeat impossible.
    const retiring = [...entries.entries()];
    entries.clear();
    const outcome = new Map<string, 'released' | 'failed'>();
    const jobs = retiring.map(async ([id, entry]) => {
      try {
        // Half the budget at most for a renew in flight, so the release itself still gets time.
        const lease = await entry.retire(budget / 2);
        await release(id, lease);
        outcome.set(id, 'released');
      } catch {
        outcome.set(id, 'failed');
      }
    });
    let deadline: TimerHandle | undefined;
    await Promise.race([
      Promise.all(jobs),
      new Promise<void>((resolve) => {
        deadline = clock.setTimeout(resolve, budget);
      }),
    ]);
    if (deadline !== undefined) clock.clearTimeout(deadline);
    // Freeze the answer now: a release that completes after the deadline stays "timed out".
    const result: ReleaseAllResult = { released: [], failed: [], timedOut: [] };
    for (const [id] of retiring) {
      const settled = outcome.get(id);
      if (settled === 'released') result.released.push(id);
      else if (settled === 'failed') result.failed.push(id);
      else result.timedOut.push(id);
    }
    return result;
  };

  return {
    track: (id, lease, task) => {
      entries.get(id)?.stop();
      const entry = createHeartbeatEntry(lease, task, env);
      entries.set(id, entry);
      entry.start();
    },
    untrack: (id) => {
      const entry = entries.get(id);
      if (!entry) return;
      entries.delete(id);
      entry.stop();
    },
    renewNow: (id) => entries.get(id)?.renewNow() ?? Promise.resolve(),
    suspend: () => {
      suspended = true;
      for (const entry of entries.values()) entry.pause();
    },
    resume: () => {
      suspended = false;
      for (const entry of entries.values()) entry.wake(resumeDelayMs(policy, random));
    },
    releaseAll,
    snapshot: (id) => entries.get(id)?.snapshot(),
    ids: () => [...entries.keys()],
  };
}
