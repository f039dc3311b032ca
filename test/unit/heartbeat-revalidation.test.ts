import { describe, expect, it } from 'vitest';
import { createHeartbeatScheduler } from '../../src/main/licensing/heartbeat-scheduler';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createRevalidation } from '../../src/main/licensing/revalidation';
import { createManualClock } from '../support/manual-clock';

/**
 * The periodic re-checks (FLECS's hourly validate) follow the scheduler's rule for failures: a
 * reply that does not fit the contract (a captive portal's page) is retried like an outage, while
 * a refusal the server decided ends the checks until the next start.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function setup(answer: (call: number) => LicensingError | undefined) {
  const clock = createManualClock(Date.UTC(2026, 0, 5));
  const scheduler = createHeartbeatScheduler({ clock, random: () => 0.5 });
  const calls: number[] = [];
  const revalidation = createRevalidation({
    scheduler,
    clock,
    enabled: true,
    everyMsOf: () => HOUR,
    validate: async () => {
      calls.push(clock.now());
      const error = answer(calls.length);
      if (error) throw error;
      return undefined;
    },
  });
  revalidation.start('flecs');
  return { clock, scheduler, calls };
}

describe('periodic re-checks (revalidation)', () => {
  it('a captive portal answering the hourly check: retried with backoff, then checked hourly again', async () => {
    const portal = new LicensingError('protocol', 'The server sent a web page instead of data.');
    const { clock, scheduler, calls } = setup((call) => (call <= 3 ? portal : undefined));
    await clock.advanceAsync(HOUR + 10 * SECOND);
    // The hourly check, then two retries a few seconds apart, then the one that works.
    expect(calls).toHaveLength(4);
    const [first = 0, ...rest] = calls;
    for (const at of rest) expect(at - first).toBeLessThan(10 * SECOND);
    expect(scheduler.snapshot('validate:flecs')?.state).toBe('held');
    await clock.advanceAsync(HOUR + 10 * MINUTE);
    expect(calls).toHaveLength(5);
  });

  it('a revoked licence ends the checks: no retry, no timer left', async () => {
    const { clock, scheduler, calls } = setup(
      () => new LicensingError('license_revoked', 'This licence has been revoked.'),
    );
    await clock.advanceAsync(24 * HOUR);
    expect(calls).toHaveLength(1);
    expect(scheduler.snapshot('validate:flecs')?.state).toBe('lost');
    expect(clock.pendingTimers()).toEqual([]);
  });
});
