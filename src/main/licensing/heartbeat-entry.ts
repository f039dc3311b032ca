import type { Clock, TimerHandle } from '../../shared/clock';
import { licensing } from '../../shared/texts/licensing.en';
import type { HeartbeatState, HeartbeatTask } from './heartbeat-scheduler';
import {
  expiryOf,
  heldDelayMs,
  lostRetryDelayMs,
  retryDelayMs,
  type HeartbeatPolicy,
  type LeaseTiming,
} from './heartbeat-timing';
import { LicensingError, retriedInBackground } from './licensing-error';

/**
 * One tracked lease: its timer, its in-flight renew and its state machine. The lease type `L` is
 * captured in this closure, so the scheduler can hold entries of different backends in one map
 * without casts.
 */

export interface EntryEnvironment {
  readonly clock: Clock;
  readonly random: () => number;
  readonly policy: HeartbeatPolicy;
  readonly isSuspended: () => boolean;
  readonly reportError: (error: unknown) => void;
}

export interface HeartbeatEntry {
  /** Publishes the initial 'held' state and arms the first heartbeat. */
  start(): void;
  snapshot(): HeartbeatState<LeaseTiming>;
  /** Renews now, or joins the renew already in flight. Never rejects. */
  renewNow(): Promise<void>;
  /** Suspend: drop the timer; an in-flight renew still records its outcome. */
  pause(): void;
  /** Resume: renew after `delayMs`, unless a renew is in flight or the seat is lost for good. */
  wake(delayMs: number): void;
  /** Untrack: nothing more is renewed or reported; a late renew result is dropped. */
  stop(): void;
  /**
   * Quit: stop(), then resolve with the freshest lease. An in-flight renew may be a retake that
   * holds a new token, so it is awaited, but only up to `waitMs`: releasing the older lease beats
   * releasing nothing when that renew hangs.
   */
  retire(waitMs: number): Promise<LeaseTiming>;
}

const NO_LEASE = licensing.heartbeatNoLease();

interface Flight<L> {
  readonly raw: Promise<L>;
  readonly done: Promise<void>;
}

export function createHeartbeatEntry<L extends LeaseTiming>(
  initial: L,
  task: HeartbeatTask<L>,
  env: EntryEnvironment,
): HeartbeatEntry {
  const { clock, policy, random } = env;
  let lease = initial;
  let current: HeartbeatState<L> = {
    state: 'held',
    lease,
    nextAt: clock.now(),
    lastSuccessAt: clock.now(),
  };
  let timer: TimerHandle | undefined;
  let flight: Flight<L> | undefined;
  let active = true;
  /** Consecutive failed renews; drives the backoff exponent. */
  let failures = 0;
  /** A retried failure happened since the last success: a later loss is the outage's doing. */
  let troubled = false;
  /** Grace window left when this run of failures began; fixes the backoff cap for the episode. */
  let episodeWindowMs = 0;

  const cancelTimer = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };

  const arm = (at: number): void => {
    cancelTimer();
    // While suspended, timers would not tick anyway; resume() re-arms every entry.
    if (!active || env.isSuspended()) return;
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        void run();
      },
      Math.max(0, at - clock.now()),
    );
  };

  /** Records the state, arms its timer (if any), then tells the owner; the owner may untrack us. */
  const transition = (next: HeartbeatState<L>): void => {
    current = next;
    if (next.nextAt === undefined) cancelTimer();
    else arm(next.nextAt);
    if (!active) return;
    try {
      task.onChange(next);
    } catch (error) {
      // A UI listener's bug must not stop the heartbeats that keep the seat.
      env.reportError(error);
    }
  };

  const stoppedForGood = (): boolean => current.state === 'lost' && current.nextAt === undefined;

  const onSuccess = (fresh: L): void => {
    lease = fresh;
    failures = 0;
    troubled = false;
    const now = clock.now();
    const nextAt = now + heldDelayMs(fresh, now, policy, random);
    transition({ state: 'held', lease: fresh, nextAt, lastSuccessAt: now });
  };

  const loseButKeepTrying = (error: LicensingError): void => {
    const nextAt = clock.now() + lostRetryDelayMs(policy, random);
    transition({ state: 'lost', lease, error, nextAt });
  };

  const onFailure = (thrown: unknown, startedAt: number, from: L): void => {
    const error =
      thrown instanceof LicensingError
        ? thrown
        : new LicensingError('internal', licensing.heartbeatFailed(), {
            cause: thrown,
          });
    failures += 1;
    const now = clock.now();
    // Not `error.retryable`: a reply that does not fit the contract (captive portal, proxy page)
    // is retried like an outage too, since nobody is there to retry it (licensing-error.ts).
    if (retriedInBackground(error)) {
      // The wall clock decides: after a sleep, the window may have closed while no timer ticked.
      const windowEnd = expiryOf(lease) + policy.graceMs;
      if (!troubled) episodeWindowMs = windowEnd - now;
      troubled = true;
      if (now > windowEnd) {
        loseButKeepTrying(error);
        return;
      }
      const nextAt = now + retryDelayMs(failures - 1, error, episodeWindowMs, policy, random);
      transition({ state: 'retrying', lease, nextAt, error, attempt: failures });
      return;
    }
    // A full pool is worth waiting out when we lost our seat through no decision of the server
    // (outage, sleep, stall): someone else's seat may lapse. Refused while our lease was fresh,
    // it is a real "no seat for you", and the user has to act.
    const lapsed = troubled || startedAt > expiryOf(from);
    if (error.code === 'seat_unavailable' && lapsed) {
      loseButKeepTrying(error);
      return;
    }
    transition({ state: 'lost', lease, error });
  };

  const run = (): Promise<void> => {
    if (!active) return Promise.resolve();
    if (flight) return flight.done;
    cancelTimer();
    const startedAt = clock.now();
    const from = lease;
    let raw: Promise<L>;
    try {
      raw = Promise.resolve(task.renew(from));
    } catch (error) {
      raw = Promise.reject(error);
    }
    // Only the flight that is still current, for an entry still tracked, may change anything:
    // this is what keeps a heartbeat resolving after untrack/quit from resurrecting the seat.
    const settle =
      <T>(apply: (value: T) => void) =>
      (value: T): void => {
        if (flight?.raw === raw) flight = undefined;
        if (active) apply(value);
      };
    const done = raw
      .then(
        settle((fresh: L) => {
          // An adapter bug must not leave us scheduling from `undefined.expiresAt`.
          if (typeof fresh === 'object' && fresh !== null) onSuccess(fresh);
          else onFailure(new LicensingError('internal', NO_LEASE), startedAt, from);
        }),
        settle((error: unknown) => onFailure(error, startedAt, from)),
      )
      .catch(env.reportError);
    flight = { raw, done };
    return done;
  };

  const stop = (): void => {
    active = false;
    cancelTimer();
  };

  return {
    start: () => {
      const now = clock.now();
      const nextAt = now + heldDelayMs(lease, now, policy, random);
      transition({ state: 'held', lease, nextAt, lastSuccessAt: now });
    },
    snapshot: () => current,
    renewNow: run,
    pause: cancelTimer,
    wake: (delayMs) => {
      if (!active || flight || stoppedForGood()) return;
      // Publish the new, earlier time so the UI does not show a heartbeat hours in the past.
      transition({ ...current, nextAt: clock.now() + delayMs });
    },
    stop,
    retire: (waitMs) => {
      const pending = flight?.raw;
      stop();
      if (!pending) return Promise.resolve(lease);
      return new Promise<LeaseTiming>((resolve) => {
        const timeout = clock.setTimeout(() => resolve(lease), Math.max(0, waitMs));
        const finish = (fresh: LeaseTiming): void => {
          clock.clearTimeout(timeout);
          resolve(fresh);
        };
        pending.then(
          (fresh) => finish(typeof fresh === 'object' && fresh !== null ? fresh : lease),
          () => finish(lease),
        );
      });
    },
  };
}
