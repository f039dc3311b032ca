import { describe, expect, it } from 'vitest';
import {
  createHeartbeatScheduler,
  type HeartbeatPolicy,
  type HeartbeatState,
  type LeaseTiming,
} from '../../src/main/licensing/heartbeat-scheduler';
import { LicensingError, retriedInBackground } from '../../src/main/licensing/licensing-error';
import type { ErrorCode } from '../../src/shared/errors';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { seededRandom } from '../support/seeded-random';

const START = Date.UTC(2025, 0, 1);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface TestLease extends LeaseTiming {
  readonly token: string;
  readonly version: number;
}

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const offline = (): LicensingError => new LicensingError('offline', 'The server is unreachable.');

type Reply = TestLease | LicensingError | Promise<TestLease>;

interface Probe {
  readonly calls: { readonly at: number; readonly lease: TestLease }[];
  readonly states: HeartbeatState<TestLease>[];
  last(): HeartbeatState<TestLease>;
}

function setup(options: { random?: () => number; policy?: Partial<HeartbeatPolicy> } = {}): {
  clock: ManualClock;
  scheduler: ReturnType<typeof createHeartbeatScheduler>;
  errors: unknown[];
  leaseFor: (version: number, ttlMs?: number, intervalMs?: number) => TestLease;
  track: (
    id: string,
    lease: TestLease,
    reply: (current: TestLease, call: number) => Reply,
  ) => Probe;
} {
  const clock = createManualClock(START);
  const errors: unknown[] = [];
  const scheduler = createHeartbeatScheduler({
    clock,
    random: options.random ?? seededRandom(7),
    onError: (error) => errors.push(error),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const leaseFor = (version: number, ttlMs = 2 * MINUTE, intervalMs = MINUTE): TestLease => ({
    token: `token-${version}`,
    version,
    expiresAt: clock.now() + ttlMs,
    heartbeatIntervalMs: intervalMs,
  });
  const track = (
    id: string,
    lease: TestLease,
    reply: (current: TestLease, call: number) => Reply,
  ): Probe => {
    const calls: { at: number; lease: TestLease }[] = [];
    const states: HeartbeatState<TestLease>[] = [];
    scheduler.track(id, lease, {
      renew: async (current) => {
        calls.push({ at: clock.now(), lease: current });
        const answer = reply(current, calls.length);
        if (answer instanceof LicensingError) throw answer;
        return answer;
      },
      onChange: (state) => states.push(state),
    });
    return {
      calls,
      states,
      last: () => {
        const state = states.at(-1);
        if (!state) throw new Error('no state published');
        return state;
      },
    };
  };
  return { clock, scheduler, errors, leaseFor, track };
}

const gaps = (calls: readonly { at: number }[]): number[] =>
  calls.slice(1).map((call, i) => call.at - (calls[i]?.at ?? 0));

/** Once lost, the seat is retaken at lostRetryMs (60 s) ± 10 %: several tries, never a tight loop. */
function expectLostRetryPace(lostCalls: readonly { at: number }[]): void {
  expect(lostCalls.length).toBeGreaterThan(5);
  for (const gap of gaps(lostCalls)) {
    expect(gap).toBeGreaterThanOrEqual(54 * SECOND);
    expect(gap).toBeLessThanOrEqual(66 * SECOND);
  }
}

describe('heartbeat cadence', () => {
  it.each([
    { random: 0, ttl: 5 * MINUTE, expected: 0.9 * MINUTE },
    { random: 0.5, ttl: 5 * MINUTE, expected: MINUTE },
    { random: 1, ttl: 5 * MINUTE, expected: 1.1 * MINUTE },
    // Half the remaining window is shorter than the interval: it wins.
    { random: 0, ttl: 100 * SECOND, expected: 45 * SECOND },
    { random: 1, ttl: 100 * SECOND, expected: 55 * SECOND },
  ])(
    'plans the first renew at min(interval, remaining/2) ± 10 % (random=$random, ttl=$ttl)',
    ({ random, ttl, expected }) => {
      const { clock, scheduler, leaseFor, track } = setup({ random: () => random });
      const probe = track('a', leaseFor(0, ttl), (current) => current);
      const state = probe.last();
      expect(state.state).toBe('held');
      expect(state.state === 'held' && state.nextAt - clock.now()).toBeCloseTo(expected, 6);
      expect(clock.pendingTimers()).toHaveLength(1);
      expect(clock.pendingTimers()[0]?.dueAt).toBe(state.state === 'held' && state.nextAt);
      expect(scheduler.snapshot('a')).toEqual(state);
    },
  );

  it('keeps renewing from each new lease, always inside the server window, with varying jitter', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(42) });
    const probe = track('a', leaseFor(0), (current) => ({
      ...leaseFor(current.version + 1),
    }));
    await clock.advanceAsync(60 * MINUTE);
    const spacing = gaps(probe.calls);
    expect(probe.calls.length).toBeGreaterThan(50);
    for (const gap of spacing) {
      expect(gap).toBeGreaterThanOrEqual(0.9 * MINUTE);
      expect(gap).toBeLessThanOrEqual(1.1 * MINUTE);
    }
    // Jitter really varies (no herd): the gaps are not all equal.
    expect(Math.max(...spacing) - Math.min(...spacing)).toBeGreaterThan(0.1 * MINUTE);
    for (const call of probe.calls) expect(call.at).toBeLessThan(call.lease.expiresAt);
    // Each renew handed over the freshest lease.
    expect(probe.calls.map((call) => call.lease.version)).toEqual(probe.calls.map((_, i) => i));
    const held = probe.last();
    expect(held.state === 'held' && held.lastSuccessAt).toBe(probe.calls.at(-1)?.at);
  });

  it('never renews sooner than 1 s, even with a zero interval and an expired lease', async () => {
    const { clock, leaseFor, track } = setup();
    const probe = track('a', leaseFor(0, 0, 0), (current) => leaseFor(current.version + 1, 0, 0));
    await clock.advanceAsync(60 * SECOND);
    expect(probe.calls.length).toBeGreaterThan(30);
    expect(probe.calls.length).toBeLessThanOrEqual(60);
    for (const gap of gaps(probe.calls)) expect(gap).toBeGreaterThanOrEqual(SECOND);
  });

  it('treats a missing interval as "none given": the half-window rule sets the pace', () => {
    const { clock, leaseFor, track } = setup({ random: () => 0.5 });
    const probe = track('a', leaseFor(0, 10 * MINUTE, 0), (current) => current);
    const state = probe.last();
    expect(state.state === 'held' && state.nextAt - clock.now()).toBe(5 * MINUTE);
  });

  it('never plans a renew later than the expiry minus the safety margin', () => {
    const { clock, leaseFor, track } = setup({
      random: () => 1,
      policy: { jitterRatio: 1, safetyMarginMs: 2 * SECOND },
    });
    // Half-window 5 s doubled by a 100 % jitter would land exactly on the expiry.
    const probe = track('a', leaseFor(0, 10 * SECOND, MINUTE), (current) => current);
    const state = probe.last();
    expect(state.state === 'held' && state.nextAt - clock.now()).toBe(8 * SECOND);
  });

  it('a stalled main thread before each heartbeat still lands every renew inside the window (F28)', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(3) });
    // Tight server window: 10 s lease, 10 s interval.
    const probe = track('a', leaseFor(0, 10 * SECOND, 10 * SECOND), (current) =>
      leaseFor(current.version + 1, 10 * SECOND, 10 * SECOND),
    );
    for (let cycle = 0; cycle < 20; cycle++) {
      const due = clock.pendingTimers()[0];
      if (!due) throw new Error('no heartbeat planned');
      // Block the loop for 2 s, starting 100 ms before the heartbeat was due.
      await clock.advanceAsync(Math.max(0, due.delayMs - 100));
      clock.stall(2 * SECOND);
      await clock.advanceAsync(0);
    }
    expect(probe.calls).toHaveLength(20);
    for (const call of probe.calls) expect(call.at).toBeLessThan(call.lease.expiresAt);
    expect(probe.last().state).toBe('held');
  });
});

describe('retryable failures', () => {
  it('backs off exponentially up to the cap (random pinned at the ceiling)', async () => {
    const { clock, leaseFor, track } = setup({
      random: () => 1,
      policy: { graceMs: 24 * HOUR },
    });
    const probe = track('a', leaseFor(0), () => offline());
    await clock.advanceAsync(10 * MINUTE);
    const spacing = gaps(probe.calls).slice(0, 9);
    expect(spacing).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * SECOND));
    const retrying = probe.states.filter((state) => state.state === 'retrying');
    expect(retrying.map((state) => state.state === 'retrying' && state.attempt)).toEqual(
      retrying.map((_, i) => i + 1),
    );
  });

  it('draws full-jitter delays in [100 ms, ceiling] that differ between retries', async () => {
    const { clock, leaseFor, track } = setup({
      random: seededRandom(11),
      policy: { graceMs: 24 * HOUR },
    });
    const probe = track('a', leaseFor(0), () => offline());
    await clock.advanceAsync(30 * MINUTE);
    const spacing = gaps(probe.calls);
    spacing.forEach((gap, n) => {
      expect(gap).toBeGreaterThanOrEqual(100);
      expect(gap).toBeLessThanOrEqual(Math.min(60 * SECOND, SECOND * 2 ** n));
    });
    const capped = spacing.slice(8);
    expect(new Set(capped).size).toBe(capped.length);
  });

  it('caps the backoff at a quarter of the window left when the failures began, without accelerating', async () => {
    const { clock, leaseFor, track } = setup({
      random: () => 1,
      policy: { graceMs: 30 * SECOND },
    });
    const lease = leaseFor(0, 40 * SECOND, 20 * SECOND);
    const windowEnd = lease.expiresAt + 30 * SECOND;
    const probe = track('a', lease, () => offline());
    await clock.advanceAsync(5 * MINUTE);
    const failures = probe.calls.filter((call) => call.at <= windowEnd);
    expect(failures.length).toBeGreaterThanOrEqual(6);
    const quarter = Math.max(SECOND, (windowEnd - (failures[0]?.at ?? NaN)) / 4);
    expect(quarter).toBeLessThan(60 * SECOND);
    const spacing = gaps(failures);
    // random pinned at 1 draws the ceiling itself, so each gap is exactly the formula.
    expect(spacing).toEqual(
      spacing.map((_, n) => Math.floor(Math.min(60 * SECOND, quarter, SECOND * 2 ** n))),
    );
    expect(spacing.filter((gap) => gap === Math.floor(quarter)).length).toBeGreaterThanOrEqual(2);
    const firstLost = probe.states.findIndex((state) => state.state === 'lost');
    expect(probe.calls[firstLost - 1]?.at).toBeGreaterThan(windowEnd);
  });

  it('honours Retry-After (F7: 503 with Retry-After: 7, twice, then 200)', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(5) });
    const unavailable = (): LicensingError =>
      new LicensingError('server_error', 'Try later.', { retryAfterSeconds: 7 });
    const probe = track('a', leaseFor(0, 10 * MINUTE, 5 * MINUTE), (current, call) =>
      call <= 2 ? unavailable() : leaseFor(current.version + 1, 10 * MINUTE, 5 * MINUTE),
    );
    await clock.advanceAsync(6 * MINUTE);
    const [retry1, retry2] = gaps(probe.calls);
    for (const gap of [retry1, retry2]) {
      expect(gap).toBeGreaterThanOrEqual(7 * SECOND);
      expect(gap).toBeLessThanOrEqual(7.7 * SECOND);
    }
    expect(probe.states.map((state) => state.state)).toEqual([
      'held',
      'retrying',
      'retrying',
      'held',
    ]);
  });

  it('caps a huge Retry-After by the window, not by maxBackoffMs', async () => {
    const { clock, leaseFor, track } = setup({ random: () => 0 });
    const lease = leaseFor(0);
    const probe = track(
      'a',
      lease,
      () => new LicensingError('rate_limited', 'Slow down.', { retryAfterSeconds: 3_600 }),
    );
    await clock.advanceAsync(MINUTE);
    const failedAt = probe.calls[0]?.at ?? NaN;
    const state = probe.last();
    expect(state.state).toBe('retrying');
    const delay = state.state === 'retrying' ? state.nextAt - failedAt : NaN;
    const windowQuarter = (lease.expiresAt + 5 * MINUTE - failedAt) / 4;
    expect(delay).toBe(Math.floor(windowQuarter));
    expect(delay).toBeGreaterThan(60 * SECOND);
  });

  it('turns "lost" once expiry + grace has passed, keeps the last error, then retakes when the network returns', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(9) });
    const lease = leaseFor(0);
    const windowEnd = lease.expiresAt + 5 * MINUTE;
    let online = false;
    const thrown: LicensingError[] = [];
    const probe = track('a', lease, () => {
      if (!online) {
        const error = offline();
        thrown.push(error);
        return error;
      }
      // The task's renew retakes the seat: a brand-new token.
      return { ...leaseFor(100), token: 'retaken' };
    });
    await clock.advanceAsync(20 * MINUTE);
    const firstLost = probe.states.findIndex((state) => state.state === 'lost');
    expect(firstLost).toBeGreaterThan(0);
    const lostCall = probe.calls[firstLost - 1];
    expect(lostCall?.at).toBeGreaterThan(windowEnd);
    for (const call of probe.calls.slice(0, firstLost - 1))
      expect(call.at).toBeLessThanOrEqual(windowEnd);
    for (const state of probe.states.slice(1, firstLost)) expect(state.state).toBe('retrying');
    const lost = probe.states[firstLost];
    expect(lost?.state === 'lost' && lost.error).toBe(thrown[firstLost - 1]);
    // Still trying to retake, at lostRetryMs ± 10 %.
    expect(lost?.state === 'lost' && lost.nextAt).toBeGreaterThan(clock.now() - 20 * MINUTE);
    expectLostRetryPace(probe.calls.slice(firstLost - 1));

    online = true;
    await clock.advanceAsync(67 * SECOND);
    const back = probe.last();
    expect(back.state).toBe('held');
    expect(back.lease.token).toBe('retaken');
  });
});

describe('non-retryable failures', () => {
  const stoppers: ErrorCode[] = [
    'seat_lost',
    'seat_unavailable',
    'license_revoked',
    'license_expired',
    'unauthorized',
    // The server's verdict for seats (LicenseTampered); LicenseSpring opts in to retrying it below.
    'tampered',
    'invalid_key',
  ];

  it.each(stoppers)('%s on a fresh lease → lost, no more renews', async (code) => {
    const { clock, leaseFor, track } = setup();
    const probe = track('a', leaseFor(0), () => new LicensingError(code, 'No.'));
    await clock.advanceAsync(24 * HOUR);
    expect(probe.calls).toHaveLength(1);
    const lost = probe.last();
    expect(lost.state).toBe('lost');
    expect(lost.state === 'lost' && lost.error.code).toBe(code);
    expect(lost.state === 'lost' && lost.nextAt).toBeUndefined();
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('an unexpected throw (adapter bug) becomes a non-retryable internal error', async () => {
    const { clock, scheduler, leaseFor } = setup();
    const states: HeartbeatState<TestLease>[] = [];
    scheduler.track('a', leaseFor(0), {
      renew: () => {
        throw new TypeError('boom');
      },
      onChange: (state) => states.push(state),
    });
    await clock.advanceAsync(24 * HOUR);
    const last = states.at(-1);
    expect(last?.state === 'lost' && last.error.code).toBe('internal');
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('seat_unavailable after an outage-loss keeps retrying at lostRetryMs until a seat frees up', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(21) });
    let phase: 'outage' | 'full' | 'free' = 'outage';
    const probe = track('a', leaseFor(0), () =>
      phase === 'outage'
        ? offline()
        : phase === 'full'
          ? new LicensingError('seat_unavailable', 'All seats are taken.')
          : leaseFor(1),
    );
    await clock.advanceAsync(10 * MINUTE);
    expect(probe.last().state).toBe('lost');
    phase = 'full';
    const before = probe.calls.length;
    await clock.advanceAsync(10 * MINUTE);
    const full = probe.last();
    expect(full.state === 'lost' && full.error.code).toBe('seat_unavailable');
    expect(full.state === 'lost' && full.nextAt).toBeGreaterThan(clock.now());
    expect(probe.calls.length - before).toBeGreaterThanOrEqual(9);
    expect(probe.calls.length - before).toBeLessThanOrEqual(11);
    phase = 'free';
    await clock.advanceAsync(70 * SECOND);
    expect(probe.last().state).toBe('held');
  });

  it('a seat lost for good is not woken by resume, but a manual renew tries again', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    let revoked = true;
    const probe = track('a', leaseFor(0), (current) =>
      revoked ? new LicensingError('license_revoked', 'Revoked.') : leaseFor(current.version + 1),
    );
    await scheduler.renewNow('a');
    expect(probe.last().state).toBe('lost');
    scheduler.suspend();
    scheduler.resume();
    await clock.advanceAsync(HOUR);
    expect(probe.calls).toHaveLength(1);
    revoked = false;
    await scheduler.renewNow('a');
    expect(probe.calls).toHaveLength(2);
    expect(probe.last().state).toBe('held');
    expect(clock.pendingTimers()).toHaveLength(1);
  });
});

describe('replies that do not fit the contract (F9 malformed, F11 captive portal)', () => {
  const garbled = (): LicensingError =>
    new LicensingError('protocol', 'The server sent a web page instead of licensing data.');

  it('are retried with the same backoff as an outage, and the lease is kept while they last', async () => {
    const { clock, leaseFor, track } = setup({ random: () => 1 });
    const lease = leaseFor(0);
    let portal = true;
    const probe = track('a', lease, (current) =>
      portal ? garbled() : leaseFor(current.version + 1),
    );
    // First heartbeat at 60 s (random pinned: +10 %, capped at expiry − margin), then 1, 2, 4 s.
    await clock.advanceAsync(66 * SECOND + 7 * SECOND);
    expect(probe.calls).toHaveLength(4);
    expect(gaps(probe.calls)).toEqual([1, 2, 4].map((s) => s * SECOND));
    const retrying = probe.last();
    expect(retrying.state).toBe('retrying');
    expect(retrying.state === 'retrying' && retrying.error.code).toBe('protocol');
    expect(retrying.state === 'retrying' && retrying.attempt).toBe(4);
    // Still the lease we had: a refused reply replaces nothing.
    expect(retrying.lease).toBe(lease);

    portal = false;
    await clock.advanceAsync(8 * SECOND);
    const held = probe.last();
    expect(held.state).toBe('held');
    expect(held.lease.version).toBe(1);
    expect(probe.calls).toHaveLength(5);
  });

  it('outlasting the grace window: lost, still retaking at the lost-seat pace, held again once replies are good', async () => {
    const { clock, leaseFor, track } = setup({ random: seededRandom(5) });
    const lease = leaseFor(0);
    const windowEnd = lease.expiresAt + 5 * MINUTE;
    let portal = true;
    const probe = track('a', lease, () => (portal ? garbled() : { ...leaseFor(50), token: 'new' }));
    await clock.advanceAsync(20 * MINUTE);
    const firstLost = probe.states.findIndex((state) => state.state === 'lost');
    expect(firstLost).toBeGreaterThan(0);
    expect(probe.calls[firstLost - 1]?.at).toBeGreaterThan(windowEnd);
    for (const state of probe.states.slice(1, firstLost)) expect(state.state).toBe('retrying');
    const lost = probe.last();
    expect(lost.state).toBe('lost');
    expect(lost.state === 'lost' && lost.error.code).toBe('protocol');
    expect(lost.state === 'lost' && lost.nextAt).toBeGreaterThan(clock.now());
    expectLostRetryPace(probe.calls.slice(firstLost - 1));

    portal = false;
    const before = probe.calls.length;
    await clock.advanceAsync(67 * SECOND);
    expect(probe.calls.length - before).toBe(1);
    const back = probe.last();
    expect(back.state).toBe('held');
    expect(back.lease.token).toBe('new');
  });

  it('a seat lost to bad replies is woken by resume, unlike one the server refused', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const probe = track('a', leaseFor(0), () => garbled());
    await clock.advanceAsync(20 * MINUTE);
    expect(probe.last().state).toBe('lost');
    const before = probe.calls.length;
    scheduler.suspend();
    clock.setSystemTime(clock.now() + HOUR);
    scheduler.resume();
    await clock.advanceAsync(2 * SECOND);
    expect(probe.calls.length - before).toBe(1);
  });

  it('tampered: final as the server’s verdict, retried with backoff when a reply failed our signature check', async () => {
    const { clock, scheduler, leaseFor } = setup({ random: () => 1 });
    // The seat server says LicenseTampered; LicenseSpring's reply did not verify here.
    const forged = (id: 'seats' | 'licensespring') =>
      new LicensingError('tampered', 'The reply could not be verified.', {
        unverifiedReply: id === 'licensespring',
      });
    const runs = { seats: 0, licensespring: 0 };
    const states: Record<keyof typeof runs, HeartbeatState<TestLease>[]> = {
      seats: [],
      licensespring: [],
    };
    for (const id of ['seats', 'licensespring'] as const) {
      scheduler.track(id, leaseFor(0), {
        renew: () => {
          runs[id] += 1;
          return Promise.reject(forged(id));
        },
        onChange: (state) => states[id].push(state),
      });
    }
    await clock.advanceAsync(66 * SECOND + 7 * SECOND);
    expect(runs.seats).toBe(1);
    const seats = states.seats.at(-1);
    expect(seats?.state).toBe('lost');
    expect(seats?.nextAt).toBeUndefined();
    expect(clock.pendingTimers()).toHaveLength(1); // licensespring's retry only
    expect(runs.licensespring).toBe(4);
    expect(states.licensespring.at(-1)).toMatchObject({ state: 'retrying', attempt: 4 });
    expect([
      retriedInBackground(forged('seats')),
      retriedInBackground(forged('licensespring')),
    ]).toEqual([false, true]);
  });

  it.each([
    ['offline', true],
    ['timeout', true],
    ['server_error', true],
    ['rate_limited', true],
    ['protocol', true],
    ['tampered', false],
    ['seat_unavailable', false],
    ['seat_lost', false],
    ['license_revoked', false],
    ['license_expired', false],
    ['unauthorized', false],
    ['invalid_key', false],
    ['config', false],
    ['internal', false],
  ] as const)('%s → retriedInBackground %s', (code, retried) => {
    const error = new LicensingError(code, 'x');
    expect(retriedInBackground(error)).toBe(retried);
    // What a person is shown for a call they made does not change: protocol is not "temporary".
    expect(error.retryable).toBe(retried && code !== 'protocol');
  });
});

describe('sleep and resume (F14)', () => {
  it('suspend stops every timer; resume after a 3 h sleep renews within 2 s using the wall clock', async () => {
    const { clock, scheduler, leaseFor, track } = setup({ random: seededRandom(4) });
    const seen: number[] = [];
    const probe = track('a', leaseFor(0), (current) => {
      seen.push(current.expiresAt);
      // The lease lapsed server-side: the task retakes a seat.
      return clock.now() > current.expiresAt
        ? { ...leaseFor(50), token: 'retaken' }
        : leaseFor(current.version + 1);
    });
    await clock.advanceAsync(30 * SECOND);
    scheduler.suspend();
    expect(clock.pendingTimers()).toEqual([]);
    await clock.advanceAsync(HOUR);
    expect(probe.calls).toHaveLength(0);

    clock.setSystemTime(clock.now() + 3 * HOUR);
    const resumedAt = clock.now();
    scheduler.resume();
    const planned = probe.last();
    expect(planned.state === 'held' && planned.nextAt - resumedAt).toBeLessThanOrEqual(2 * SECOND);
    await clock.advanceAsync(2 * SECOND);
    expect(probe.calls).toHaveLength(1);
    expect(probe.calls[0]?.at).toBeGreaterThanOrEqual(resumedAt);
    expect(probe.calls[0]?.at).toBeLessThanOrEqual(resumedAt + 2 * SECOND);
    expect(probe.last().lease.token).toBe('retaken');
  });

  it('a missed suspend event: resume still renews at once although the timer did not tick', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const probe = track('a', leaseFor(0), (current) => leaseFor(current.version + 1));
    clock.setSystemTime(clock.now() + 3 * HOUR);
    const resumedAt = clock.now();
    scheduler.resume();
    await clock.advanceAsync(2 * SECOND);
    expect(probe.calls).toHaveLength(1);
    expect((probe.calls[0]?.at ?? Infinity) - resumedAt).toBeLessThanOrEqual(2 * SECOND);
    // Exactly one timer left: the old one was replaced, not doubled.
    expect(clock.pendingTimers()).toHaveLength(1);
  });

  it('network still down right after a 3 h sleep: lost at once (window long gone), retaking in the background', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    let online = false;
    const probe = track('a', leaseFor(0), () => (online ? leaseFor(9) : offline()));
    scheduler.suspend();
    clock.setSystemTime(clock.now() + 3 * HOUR);
    scheduler.resume();
    await clock.advanceAsync(2 * SECOND);
    const lost = probe.last();
    expect(lost.state).toBe('lost');
    expect(lost.state === 'lost' && lost.nextAt).toBeDefined();
    online = true;
    await clock.advanceAsync(67 * SECOND);
    expect(probe.last().state).toBe('held');
  });

  it('an in-flight renew that completes during suspension arms no timer', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const probe = track('a', leaseFor(0), () => pending.promise);
    void scheduler.renewNow('a');
    scheduler.suspend();
    pending.resolve(leaseFor(1));
    await clock.flush();
    expect(probe.last().state).toBe('held');
    expect(clock.pendingTimers()).toEqual([]);
    await clock.advanceAsync(24 * HOUR);
    expect(probe.calls).toHaveLength(1);
  });
});

describe('sleep and resume: missed intervals are not failures (F14)', () => {
  /** A lease that outlives the sleep, so only the counting of failures is at stake. */
  const DAY = 24 * HOUR;

  /** Sleeps `ms` of wall-clock time the way a laptop does: suspend, clock jump, resume. */
  const sleepFor = (
    clock: ManualClock,
    scheduler: ReturnType<typeof createHeartbeatScheduler>,
    ms: number,
  ): number => {
    scheduler.suspend();
    clock.setSystemTime(clock.now() + ms);
    scheduler.resume();
    return clock.now();
  };

  it('a 3 h sleep that skipped 180 heartbeats is one renew on waking, not 180 failures', async () => {
    const { clock, scheduler, leaseFor, track } = setup({ random: () => 1 });
    let failNext = true;
    const probe = track('a', leaseFor(0, DAY), (current) => {
      if (!failNext) return leaseFor(current.version + 1, DAY);
      failNext = false;
      return offline();
    });
    const resumedAt = sleepFor(clock, scheduler, 3 * HOUR);
    await clock.advanceAsync(2 * SECOND);
    // The first renew after waking failed: it is failure number 1, with the first backoff step.
    expect(probe.calls).toHaveLength(1);
    expect(probe.calls[0]?.at).toBeLessThanOrEqual(resumedAt + 2 * SECOND);
    const retrying = probe.last();
    expect(retrying.state === 'retrying' && retrying.attempt).toBe(1);
    expect(retrying.state === 'retrying' && retrying.nextAt - clock.now()).toBeLessThanOrEqual(
      SECOND,
    );
    await clock.advanceAsync(SECOND);
    expect(probe.last().state).toBe('held');
    expect(probe.calls).toHaveLength(2);
  });

  it('a sleep in the middle of an outage neither adds failures nor stretches the backoff', async () => {
    const { clock, scheduler, leaseFor, track } = setup({ random: () => 1 });
    let online = false;
    const probe = track('a', leaseFor(0, DAY), (current) =>
      online ? leaseFor(current.version + 1, DAY) : offline(),
    );
    await scheduler.renewNow('a');
    await clock.advanceAsync(SECOND);
    const before = probe.last();
    expect(before.state === 'retrying' && before.attempt).toBe(2);

    sleepFor(clock, scheduler, 3 * HOUR);
    await clock.advanceAsync(2 * SECOND);
    const after = probe.last();
    // One more real failure, and the backoff goes on from where it was (ceiling 2^2 s), not
    // from three hours of timers that never ran.
    expect(after.state === 'retrying' && after.attempt).toBe(3);
    expect(after.state === 'retrying' && after.nextAt - clock.now()).toBeLessThanOrEqual(
      4 * SECOND,
    );
    online = true;
    await clock.advanceAsync(4 * SECOND);
    expect(probe.last().state).toBe('held');
  });

  it('a seat lost to an outage, waiting a minute to retake, is retaken at once on waking', async () => {
    const { clock, scheduler, leaseFor, track } = setup({ random: seededRandom(3) });
    let online = false;
    const probe = track('a', leaseFor(0), () => (online ? leaseFor(1) : offline()));
    await clock.advanceAsync(10 * MINUTE);
    const lost = probe.last();
    expect(lost.state === 'lost' && lost.nextAt).toBeGreaterThan(clock.now() + 2 * SECOND);
    online = true;
    sleepFor(clock, scheduler, HOUR);
    await clock.advanceAsync(2 * SECOND);
    expect(probe.last().state).toBe('held');
  });

  it('many seats wake inside resumeSpreadMs, spread out rather than in one burst', async () => {
    const { clock, scheduler, leaseFor, track } = setup({
      random: seededRandom(12),
      policy: { resumeSpreadMs: 10 * SECOND },
    });
    const probes = Array.from({ length: 20 }, (_, i) =>
      track(`seat-${i}`, leaseFor(0), (current) => leaseFor(current.version + 1)),
    );
    const resumedAt = sleepFor(clock, scheduler, 3 * HOUR);
    await clock.advanceAsync(10 * SECOND);
    const firstRenews = probes.map((probe) => (probe.calls[0]?.at ?? Infinity) - resumedAt);
    for (const delay of firstRenews) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(10 * SECOND);
    }
    expect(new Set(firstRenews).size).toBeGreaterThan(15);
    for (const probe of probes) expect(probe.last().state).toBe('held');
  });
});

describe('releaseAll on quit (F16)', () => {
  it('releases in parallel, bounded by the timeout, and never throws', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const probes = ['ok', 'rejects', 'hangs', 'throws'].map((id) =>
      track(id, leaseFor(0), (current) => leaseFor(current.version + 1)),
    );
    const releasedWith: { id: string; lease: LeaseTiming }[] = [];
    const release = (id: string, lease: LeaseTiming): Promise<void> => {
      releasedWith.push({ id, lease });
      if (id === 'rejects') return Promise.reject(new LicensingError('offline', 'down'));
      if (id === 'throws') throw new Error('sync bug');
      if (id === 'hangs') return new Promise<void>(() => undefined);
      return Promise.resolve();
    };
    let result: Awaited<ReturnType<typeof scheduler.releaseAll>> | undefined;
    void scheduler.releaseAll(release, 2_500).then((value) => (result = value));
    await clock.advanceAsync(2_499);
    expect(result).toBeUndefined();
    await clock.advanceAsync(1);
    expect(result?.released).toEqual(['ok']);
    expect(result?.failed.sort()).toEqual(['rejects', 'throws']);
    expect(result?.timedOut).toEqual(['hangs']);
    expect(releasedWith.map((entry) => entry.id).sort()).toEqual([
      'hangs',
      'ok',
      'rejects',
      'throws',
    ]);
    expect(scheduler.ids()).toEqual([]);
    await clock.advanceAsync(24 * HOUR);
    for (const probe of probes) expect(probe.calls).toHaveLength(0);
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('resolves as soon as every release is done, without waiting for the timeout', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    track('a', leaseFor(0), (current) => current);
    const result = await scheduler.releaseAll(() => Promise.resolve(), 60 * SECOND);
    expect(result).toEqual({ released: ['a'], failed: [], timedOut: [] });
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('waits for an in-flight renew and releases the freshest lease, once', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const probe = track('a', leaseFor(0), () => pending.promise);
    void scheduler.renewNow('a');
    const released: LeaseTiming[] = [];
    const done = scheduler.releaseAll(async (_id, lease) => {
      released.push(lease);
    }, 3_000);
    const statesBefore = probe.states.length;
    pending.resolve({ ...leaseFor(1), token: 'retaken' });
    await clock.advanceAsync(0);
    expect(await done).toEqual({ released: ['a'], failed: [], timedOut: [] });
    expect(released).toHaveLength(1);
    expect((released[0] as TestLease).token).toBe('retaken');
    // The late renew neither notified nor rescheduled.
    expect(probe.states).toHaveLength(statesBefore);
    expect(clock.pendingTimers()).toEqual([]);
    // A second quit finds nothing to release.
    const again = scheduler.releaseAll(async () => {
      released.push(leaseFor(9));
    }, 3_000);
    expect(await again).toEqual({
      released: [],
      failed: [],
      timedOut: [],
    });
    expect(released).toHaveLength(1);
  });

  it('a hanging in-flight renew gets half the budget, then the last known lease is released', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const initial = leaseFor(0);
    track('a', initial, () => new Promise<TestLease>(() => undefined));
    void scheduler.renewNow('a');
    const releasedAt: number[] = [];
    const released: LeaseTiming[] = [];
    const done = scheduler.releaseAll(async (_id, lease) => {
      releasedAt.push(clock.now());
      released.push(lease);
    }, 3_000);
    await clock.advanceAsync(3_000);
    expect(await done).toEqual({ released: ['a'], failed: [], timedOut: [] });
    expect(released).toEqual([initial]);
    expect(releasedAt).toEqual([START + 1_500]);
  });
});

describe('races and robustness', () => {
  it('no renew and no notification after untrack, even when a renew was in flight (F30)', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const probe = track('a', leaseFor(0), () => pending.promise);
    void scheduler.renewNow('a');
    scheduler.untrack('a');
    const statesBefore = probe.states.length;
    pending.resolve(leaseFor(1));
    await clock.advanceAsync(24 * HOUR);
    expect(probe.states).toHaveLength(statesBefore);
    expect(probe.calls).toHaveLength(1);
    expect(clock.pendingTimers()).toEqual([]);
    expect(scheduler.snapshot('a')).toBeUndefined();
    await scheduler.renewNow('a');
    expect(probe.calls).toHaveLength(1);
  });

  it('a failing in-flight renew after untrack is dropped too', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const probe = track('a', leaseFor(0), () => pending.promise);
    void scheduler.renewNow('a');
    scheduler.untrack('a');
    pending.reject(offline());
    await clock.advanceAsync(HOUR);
    expect(probe.states.map((state) => state.state)).toEqual(['held']);
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('renewNow coalesces with a renew in flight', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const probe = track('a', leaseFor(0), () => pending.promise);
    const first = scheduler.renewNow('a');
    const second = scheduler.renewNow('a');
    // Also the timer firing while the manual renew is in flight joins it.
    await clock.advanceAsync(2 * MINUTE);
    expect(probe.calls).toHaveLength(1);
    pending.resolve(leaseFor(1));
    await Promise.all([first, second]);
    expect(probe.last().lease.version).toBe(1);
    expect(clock.pendingTimers()).toHaveLength(1);
  });

  it('track replaces an entry: the old renew and timer are silenced', async () => {
    const { clock, scheduler, leaseFor, track } = setup();
    const pending = deferred<TestLease>();
    const old = track('a', leaseFor(0), () => pending.promise);
    void scheduler.renewNow('a');
    const fresh = track('a', leaseFor(10), (current) => leaseFor(current.version + 1));
    pending.resolve(leaseFor(1));
    await clock.advanceAsync(5 * MINUTE);
    expect(old.calls).toHaveLength(1);
    expect(old.states).toHaveLength(1);
    expect(fresh.calls.length).toBeGreaterThanOrEqual(4);
    expect(scheduler.ids()).toEqual(['a']);
    expect(clock.pendingTimers()).toHaveLength(1);
  });

  it('a throwing onChange is reported and does not stop the heartbeats', async () => {
    const { clock, scheduler, errors, leaseFor } = setup();
    let renews = 0;
    scheduler.track('a', leaseFor(0), {
      renew: async (current) => {
        renews++;
        return leaseFor(current.version + 1);
      },
      onChange: () => {
        throw new Error('UI bug');
      },
    });
    await clock.advanceAsync(10 * MINUTE);
    expect(renews).toBeGreaterThanOrEqual(9);
    expect(errors.length).toBe(renews + 1);
    expect(scheduler.snapshot('a')?.state).toBe('held');
  });

  it('a renew resolving with no lease is treated as a bug, not scheduled from undefined', async () => {
    const { clock, scheduler, leaseFor } = setup();
    scheduler.track('a', leaseFor(0), {
      renew: () => Promise.resolve(undefined as unknown as TestLease),
      onChange: () => undefined,
    });
    await scheduler.renewNow('a');
    const state = scheduler.snapshot('a');
    expect(state?.state === 'lost' && state.error.code).toBe('internal');
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('unknown or invalid policy values fall back to safe defaults', () => {
    const { clock, leaseFor, track } = setup({
      random: () => 0.5,
      policy: { minDelayMs: Number.NaN, jitterRatio: -3 },
    });
    const probe = track('a', leaseFor(0, 0, 0), (current) => current);
    const state = probe.last();
    expect(state.state === 'held' && state.nextAt - clock.now()).toBe(SECOND);
  });
});
