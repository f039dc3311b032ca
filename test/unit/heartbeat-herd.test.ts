import { describe, expect, it } from 'vitest';
import {
  createHeartbeatScheduler,
  type HeartbeatState,
  type LeaseTiming,
} from '../../src/main/licensing/heartbeat-scheduler';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createManualClock } from '../support/manual-clock';
import { seededRandom } from '../support/seeded-random';

/**
 * F26, thundering herd after an outage: 1,000 machines (one scheduler each) that took their seats
 * at the same instant, on one manual clock. The server goes away for 15 minutes, long enough for
 * every seat to count as lost, then comes back. We count renew calls per second of simulated time.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const CLIENTS = 1_000;

interface Run {
  readonly peakDuringOutageAndRecovery: number;
  readonly peakAfterNetworkReturned: number;
  readonly heldAtEnd: number;
  readonly lostDuringOutage: number;
}

async function simulate(randomFor: (client: number) => () => number): Promise<Run> {
  const clock = createManualClock(Date.UTC(2025, 0, 1));
  let serverUp = true;
  const calls: number[] = [];
  const latest = new Map<number, HeartbeatState<LeaseTiming>>();
  const everLost = new Set<number>();
  const grant = (): LeaseTiming => ({
    expiresAt: clock.now() + 2 * MINUTE,
    heartbeatIntervalMs: MINUTE,
  });
  for (let client = 0; client < CLIENTS; client++) {
    const scheduler = createHeartbeatScheduler({ clock, random: randomFor(client) });
    scheduler.track('seat', grant(), {
      renew: async () => {
        calls.push(clock.now());
        if (!serverUp) throw new LicensingError('server_error', 'The licence server is down.');
        return grant();
      },
      onChange: (state) => {
        latest.set(client, state);
        if (state.state === 'lost') everLost.add(client);
      },
    });
  }
  await clock.advanceAsync(10 * MINUTE);
  const outageStart = clock.now();
  serverUp = false;
  await clock.advanceAsync(15 * MINUTE);
  const lostDuringOutage = everLost.size;
  const back = clock.now();
  serverUp = true;
  await clock.advanceAsync(3 * MINUTE);

  const perSecond = (from: number): number => {
    const buckets = new Map<number, number>();
    for (const at of calls) {
      if (at < from) continue;
      const second = Math.floor((at - from) / SECOND);
      buckets.set(second, (buckets.get(second) ?? 0) + 1);
    }
    return Math.max(0, ...buckets.values());
  };
  return {
    peakDuringOutageAndRecovery: perSecond(outageStart),
    peakAfterNetworkReturned: perSecond(back),
    heldAtEnd: [...latest.values()].filter((state) => state.state === 'held').length,
    lostDuringOutage,
  };
}

describe('thundering herd after an outage (F26)', () => {
  it('1,000 schedulers spread their retries and their recovery', async () => {
    const run = await simulate((client) => seededRandom(client + 1));
    // The outage was long enough to lose every seat, and every seat came back.
    expect(run.lostDuringOutage).toBe(CLIENTS);
    expect(run.heldAtEnd).toBe(CLIENTS);
    // Measured here: ~170 per second at worst during the outage, ~35 once the server is back.
    expect(run.peakDuringOutageAndRecovery).toBeLessThan(300);
    expect(run.peakAfterNetworkReturned).toBeLessThan(100);
  }, 60_000);

  it('the same measurement does see a herd when jitter is taken away', async () => {
    // Every client draws the same "random" number: their plans coincide to the millisecond.
    const run = await simulate(() => () => 0.5);
    expect(run.heldAtEnd).toBe(CLIENTS);
    expect(run.peakDuringOutageAndRecovery).toBeGreaterThanOrEqual(CLIENTS);
    expect(run.peakAfterNetworkReturned).toBeGreaterThanOrEqual(CLIENTS);
  }, 60_000);
});
