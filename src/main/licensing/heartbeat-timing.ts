import type { LicensingError } from './licensing-error';

/**
 * The pure arithmetic of the heartbeat scheduler: when to renew, how long to back off. Kept apart
 * from the timers so every rule can be read (and tested) as a formula of `now` and `random()`.
 */

/** What the scheduler needs to know about any lease: an absolute deadline and the server's pace. */
export interface LeaseTiming {
  /** Epoch ms after which the server lets the seat go without a heartbeat. */
  readonly expiresAt: number;
  /** The server's heartbeat interval in ms. */
  readonly heartbeatIntervalMs: number;
}

export interface HeartbeatPolicy {
  /** ±share of every scheduled renew, so clients that got their seats together drift apart. */
  readonly jitterRatio: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** How long past the lease's expiry a failing seat still counts as "retrying" before "lost". */
  readonly graceMs: number;
  /** Pace (± jitter) at which a seat lost to an outage is retaken. */
  readonly lostRetryMs: number;
  /** Floor for scheduled renews: no tight loop even if the server sends a zero interval. */
  readonly minDelayMs: number;
  /** Floor for retries; full jitter may draw 0 and we never want a same-tick retry. */
  readonly minRetryDelayMs: number;
  /** A scheduled renew lands at least this long before the lease expires (stalls, slow networks). */
  readonly safetyMarginMs: number;
  /** On resume, renews are spread over [0, resumeSpreadMs) so a wake-up is not a burst. */
  readonly resumeSpreadMs: number;
}

export const DEFAULT_HEARTBEAT_POLICY: HeartbeatPolicy = {
  jitterRatio: 0.1,
  baseBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  graceMs: 5 * 60_000,
  lostRetryMs: 60_000,
  minDelayMs: 1_000,
  minRetryDelayMs: 100,
  safetyMarginMs: 2_000,
  resumeSpreadMs: 2_000,
};

/** Node turns a longer setTimeout into 1 ms (with a warning): a "sleep for a month" would spin. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A vendor configuration can hold anything; a NaN or negative knob must not become a tight loop. */
export function resolvePolicy(partial: Partial<HeartbeatPolicy> = {}): HeartbeatPolicy {
  const pick = (key: keyof HeartbeatPolicy): number => {
    const value = partial[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? value
      : DEFAULT_HEARTBEAT_POLICY[key];
  };
  return {
    jitterRatio: Math.min(pick('jitterRatio'), 1),
    baseBackoffMs: pick('baseBackoffMs'),
    maxBackoffMs: pick('maxBackoffMs'),
    graceMs: pick('graceMs'),
    lostRetryMs: Math.max(pick('lostRetryMs'), pick('minDelayMs')),
    minDelayMs: pick('minDelayMs'),
    minRetryDelayMs: pick('minRetryDelayMs'),
    safetyMarginMs: pick('safetyMarginMs'),
    resumeSpreadMs: pick('resumeSpreadMs'),
  };
}

/** An injected random() outside [0, 1) must not produce negative or exploding delays. */
const unit = (random: () => number): number => {
  const value = random();
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0.5;
};

/** Whole ms (what a real timer honours anyway), rounded down so no cap is overshot. */
const clampTimer = (ms: number): number => Math.floor(Math.min(Math.max(ms, 0), MAX_TIMER_MS));

/** A NaN expiry is untrustworthy: treat the lease as already expired so we renew (and retake) soon. */
export const expiryOf = (lease: LeaseTiming): number =>
  Number.isNaN(lease.expiresAt) ? -Infinity : lease.expiresAt;

/**
 * Delay until the next heartbeat of a held lease: `min(interval, remaining / 2)` ± jitter, measured
 * from the absolute expiry rather than from the last timer, so a late timer (stalled main thread,
 * slow renew) shortens the next wait instead of pushing us past the server's window.
 *
 * A missing (≤ 0 or NaN) server interval means "no interval given", not "renew continuously": the
 * half-window rule alone then sets the pace, and `minDelayMs` catches a degenerate window.
 */
export function heldDelayMs(
  lease: LeaseTiming,
  now: number,
  policy: HeartbeatPolicy,
  random: () => number,
): number {
  const remaining = expiryOf(lease) - now;
  const interval =
    Number.isFinite(lease.heartbeatIntervalMs) && lease.heartbeatIntervalMs > 0
      ? lease.heartbeatIntervalMs
      : Infinity;
  const base = Math.min(interval, remaining / 2);
  const jittered = base * (1 + policy.jitterRatio * (2 * unit(random) - 1));
  const latest = remaining - policy.safetyMarginMs;
  const delay = Math.max(policy.minDelayMs, Math.min(jittered, latest));
  // A lease without expiry or interval still gets a (rare) heartbeat rather than an overflowed timer.
  return clampTimer(Number.isFinite(delay) ? delay : MAX_TIMER_MS);
}

/**
 * Delay before retry number `failedAttempts + 1` after a failure worth retrying (network, 5xx,
 * 429, or a reply that does not fit the contract: `retriedInBackground`): AWS-style full jitter,
 * uniform in [minRetryDelayMs, ceiling] with ceiling = min(cap, base × 2^failedAttempts) and
 * cap = min(maxBackoffMs, max(minDelayMs, episodeWindowMs / 4)), so several tries fit in before
 * the grace window closes.
 *
 * `episodeWindowMs` is the window left when this run of failures began, not the window left now.
 * With "remaining now / 4" every retry shrinks the next cap, retries accelerate towards the end of
 * the window, and clients whose leases were granted together all accelerate towards the same
 * instant: measured with 1,000 schedulers on one clock, that made ~1,800 retries per second just
 * before the window closed. A cap fixed for the episode keeps the pace flat.
 *
 * Retry-After is honoured as a lower bound (a 429 asked us to wait; coming back sooner only earns
 * another 429), plus up to +jitterRatio so clients told the same number do not return together. It
 * is capped by the window (max(minDelayMs, episodeWindowMs / 4)) but deliberately not by
 * maxBackoffMs: the server's explicit request outranks our default pace, the seat does not.
 */
export function retryDelayMs(
  failedAttempts: number,
  error: LicensingError,
  episodeWindowMs: number,
  policy: HeartbeatPolicy,
  random: () => number,
): number {
  const windowCap = Math.max(policy.minDelayMs, episodeWindowMs / 4);
  const cap = Math.min(policy.maxBackoffMs, windowCap);
  const ceiling = Math.min(cap, policy.baseBackoffMs * 2 ** Math.max(0, failedAttempts));
  const floor = Math.min(policy.minRetryDelayMs, ceiling);
  let delay = floor + unit(random) * (ceiling - floor);
  const retryAfter = error.retryAfterSeconds;
  if (retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter > 0) {
    const asked = retryAfter * 1_000 * (1 + policy.jitterRatio * unit(random));
    delay = Math.max(delay, Math.min(asked, windowCap));
  }
  return clampTimer(Math.max(delay, policy.minRetryDelayMs));
}

/** Pace of retake attempts once a seat counts as lost: slow, and jittered against a herd. */
export function lostRetryDelayMs(policy: HeartbeatPolicy, random: () => number): number {
  const jittered = policy.lostRetryMs * (1 + policy.jitterRatio * (2 * unit(random) - 1));
  return clampTimer(Math.max(policy.minDelayMs, jittered));
}

/** After resume every lease renews at once, spread a little so the wake-up is not one burst. */
export function resumeDelayMs(policy: HeartbeatPolicy, random: () => number): number {
  return clampTimer(unit(random) * policy.resumeSpreadMs);
}
