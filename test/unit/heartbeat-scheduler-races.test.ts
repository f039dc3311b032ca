import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHeartbeatScheduler,
  type HeartbeatScheduler,
  type LeaseTiming,
  type ReleaseAllResult,
} from '../../src/main/licensing/heartbeat-scheduler';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createManualClock } from '../support/manual-clock';

/**
 * F30: quit, resume, sleep, manual renews and in-flight heartbeats racing each other. fast-check's
 * scheduler decides when each renew and release resolves; the commands decide everything else.
 * Invariants: no heartbeat and no notification after untrack/quit, at most one renew in flight
 * per lease, at most one release per lease (never of an untracked one), the freshest lease is the
 * one released, every quit accounts for exactly the leases it took, nothing is left scheduled.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const IDS = ['a', 'b', 'c'] as const;
type Id = (typeof IDS)[number];

interface TestLease extends LeaseTiming {
  readonly version: number;
}

type Command =
  | { readonly kind: 'renewNow'; readonly id: Id }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'settle'; readonly count: number }
  | { readonly kind: 'network'; readonly up: boolean }
  | { readonly kind: 'suspend' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'sleep'; readonly ms: number }
  | { readonly kind: 'untrack'; readonly id: Id }
  | { readonly kind: 'quit'; readonly timeoutMs: number };

const idArb = fc.constantFrom(...IDS);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  idArb.map((id) => ({ kind: 'renewNow', id }) as const),
  fc.integer({ min: 0, max: 3 * MINUTE }).map((ms) => ({ kind: 'advance', ms }) as const),
  fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: 'settle', count }) as const),
  fc.boolean().map((up) => ({ kind: 'network', up }) as const),
  fc.constant({ kind: 'suspend' } as const),
  fc.constant({ kind: 'resume' } as const),
  fc.integer({ min: MINUTE, max: 5 * 60 * MINUTE }).map((ms) => ({ kind: 'sleep', ms }) as const),
  idArb.map((id) => ({ kind: 'untrack', id }) as const),
  fc
    .integer({ min: 0, max: 5 * SECOND })
    .map((timeoutMs) => ({ kind: 'quit', timeoutMs }) as const),
);

type Wrap = (scheduler: HeartbeatScheduler) => HeartbeatScheduler;

async function runScenario(
  s: fc.Scheduler,
  commands: readonly Command[],
  releaseHangs: boolean,
  wrap: Wrap = (scheduler) => scheduler,
): Promise<string[]> {
  const clock = createManualClock(Date.UTC(2025, 0, 1));
  const scheduler = wrap(createHeartbeatScheduler({ clock, random: () => 0.5 }));
  const violations: string[] = [];
  const retired = new Map<Id, 'untracked' | 'quit'>();
  const inFlight = new Map<Id, number>();
  const newestResolved = new Map<Id, number>();
  const releases = new Map<Id, number>();
  const quits: { readonly took: string[]; result?: ReleaseAllResult }[] = [];
  let networkUp = true;
  let version = 0;

  const grant = (): TestLease => ({
    version: ++version,
    expiresAt: clock.now() + 2 * MINUTE,
    heartbeatIntervalMs: MINUTE,
  });

  for (const id of IDS) {
    scheduler.track(id, grant(), {
      renew: async () => {
        if (retired.has(id)) violations.push(`renew of ${id} after ${retired.get(id)}`);
        inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
        if ((inFlight.get(id) ?? 0) > 1) violations.push(`two renews of ${id} in flight`);
        try {
          await s.schedule(Promise.resolve(), `renew ${id}`);
          if (!networkUp) throw new LicensingError('offline', 'No network.');
          const lease = grant();
          newestResolved.set(id, lease.version);
          return lease;
        } finally {
          inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        }
      },
      onChange: (state) => {
        if (retired.has(id)) violations.push(`onChange(${state.state}) of ${id} after retiring`);
      },
    });
  }

  const release = async (raw: string, lease: LeaseTiming): Promise<void> => {
    const id = raw as Id;
    if (retired.get(id) !== 'quit') violations.push(`release of ${id} that was not quit`);
    releases.set(id, (releases.get(id) ?? 0) + 1);
    if ((releases.get(id) ?? 0) > 1) violations.push(`double release of ${id}`);
    const released = (lease as TestLease).version;
    if (released < (newestResolved.get(id) ?? 0)) {
      violations.push(`released stale lease v${released} of ${id}`);
    }
    if (releaseHangs) return new Promise<void>(() => undefined);
    await s.schedule(Promise.resolve(), `release ${id}`);
    if (!networkUp) throw new LicensingError('offline', 'No network.');
  };

  const quit = (timeoutMs: number): void => {
    const took = scheduler.ids();
    for (const id of took) retired.set(id as Id, 'quit');
    const record: (typeof quits)[number] = { took };
    quits.push(record);
    void scheduler.releaseAll(release, timeoutMs).then((result) => (record.result = result));
  };

  for (const command of commands) {
    switch (command.kind) {
      case 'renewNow':
        void scheduler.renewNow(command.id);
        break;
      case 'advance':
        await clock.advanceAsync(command.ms);
        break;
      case 'settle':
        for (let i = 0; i < command.count && s.count() > 0; i++) await s.waitNext(1);
        break;
      case 'network':
        networkUp = command.up;
        break;
      case 'suspend':
        scheduler.suspend();
        break;
      case 'resume':
        scheduler.resume();
        break;
      case 'sleep':
        clock.setSystemTime(clock.now() + command.ms);
        break;
      case 'untrack':
        if (scheduler.ids().includes(command.id)) retired.set(command.id, 'untracked');
        scheduler.untrack(command.id);
        break;
      case 'quit':
        quit(command.timeoutMs);
        break;
    }
    await clock.flush();
  }

  // The app quits for good: everything still tracked is released, then time runs on.
  quit(3 * SECOND);
  for (let round = 0; round < 1_000; round++) {
    if (s.count() > 0) await s.waitNext(1);
    else await clock.advanceAsync(SECOND);
    await clock.flush();
    if (s.count() === 0 && quits.every((q) => q.result)) break;
  }
  await clock.advanceAsync(24 * 60 * MINUTE);
  await s.waitIdle();
  await clock.flush();

  for (const { took, result } of quits) {
    if (!result) {
      violations.push(`a quit never finished (took ${took.join(',')})`);
      continue;
    }
    const accounted = [...result.released, ...result.failed, ...result.timedOut];
    if (accounted.slice().sort().join() !== took.slice().sort().join()) {
      violations.push(`quit took [${took.join()}] but reported [${accounted.join()}]`);
    }
    for (const id of result.released) {
      if (releases.get(id as Id) !== 1)
        violations.push(`${id} reported released, not released once`);
    }
  }
  for (const id of IDS) {
    if (!retired.has(id)) violations.push(`${id} was neither untracked nor quit`);
  }
  if (scheduler.ids().length > 0) violations.push(`still tracked: ${scheduler.ids().join()}`);
  if (clock.pendingTimers().length > 0) violations.push('timers left after quit');
  return violations;
}

describe('quit / resume / in-flight heartbeat races (F30)', () => {
  it('never heartbeats after release and never releases twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(commandArb, { maxLength: 40 }),
        fc.boolean(),
        async (s, commands, releaseHangs) => {
          expect(await runScenario(s, commands, releaseHangs)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  // A property that cannot fail proves nothing: run the same harness against deliberately broken
  // schedulers and check that fast-check finds the race each one has.
  it.each<{ name: string; wrap: Wrap }>([
    {
      name: 'untrack that forgets to stop the heartbeats',
      wrap: (inner) => ({ ...inner, untrack: () => undefined }),
    },
    {
      name: 'a quit that releases each lease twice',
      wrap: (inner) => ({
        ...inner,
        releaseAll: (release, timeoutMs) =>
          inner.releaseAll(async (id, lease) => {
            await release(id, lease);
            await release(id, lease);
          }, timeoutMs),
      }),
    },
    {
      name: 'a quit that releases the lease it had before the in-flight renew',
      wrap: (inner) => ({
        ...inner,
        releaseAll: (release, timeoutMs) => {
          const stale = new Map(inner.ids().map((id) => [id, inner.snapshot(id)?.lease]));
          return inner.releaseAll((id, lease) => release(id, stale.get(id) ?? lease), timeoutMs);
        },
      }),
    },
  ])(
    'the harness catches $name',
    async ({ wrap }) => {
      const outcome = await fc.check(
        fc.asyncProperty(
          fc.scheduler(),
          fc.array(commandArb, { maxLength: 40 }),
          async (s, commands) => {
            expect(await runScenario(s, commands, false, wrap)).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
      expect(outcome.failed).toBe(true);
    },
    120_000,
  );
});
