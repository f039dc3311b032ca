import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorRecordSchema,
  createTimeAnchor,
  describeAnchor,
  type AnchorRecord,
  type AnchorStorage,
} from '../../src/main/offline/time-anchor';
import { createMemorySecretStore, type SecretStore } from '../../src/main/store/secret-store';
import { createManualClock } from '../support/manual-clock';

const START = Date.UTC(2026, 2, 12, 10, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TOLERANCE = 10 * MINUTE;
const KEY_NAME = 'time-anchor-key';

function memoryStorage() {
  const state: { record: AnchorRecord | undefined; writes: AnchorRecord[] } = {
    record: undefined,
    writes: [],
  };
  const storage: AnchorStorage = {
    read: () => state.record,
    write: (record) => {
      state.record = record;
      state.writes.push(record);
    },
  };
  return { state, storage };
}

function setup(options: { secrets?: SecretStore } = {}) {
  const clock = createManualClock(START);
  const secrets = createMemorySecretStore();
  const { state, storage } = memoryStorage();
  const anchor = createTimeAnchor({ storage, secrets: options.secrets ?? secrets, clock });
  return { clock, secrets, state, storage, anchor };
}

describe('time anchor', () => {
  it('on first use makes a 32-byte key and a record at now', async () => {
    const { anchor, secrets, state } = setup();
    expect(await anchor.check()).toEqual({ state: 'ok', latest: START });
    expect(state.writes).toHaveLength(0);
    expect(secrets.entries.size).toBe(0);

    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START });
    expect(Buffer.from(secrets.entries.get(KEY_NAME) ?? '', 'base64')).toHaveLength(32);
    expect(state.record?.latest).toBe(START);
    expect(anchorRecordSchema.safeParse(state.record).success).toBe(true);
  });

  it('moves the record forward with the clock', async () => {
    const { anchor, clock, state } = setup();
    await anchor.observe();
    clock.advance(5 * MINUTE);
    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START + 5 * MINUTE });
    expect(state.record?.latest).toBe(START + 5 * MINUTE);
  });

  it('accepts a clock a little behind the record, without moving the record', async () => {
    const { anchor, clock, state } = setup();
    await anchor.observe();
    clock.setSystemTime(START - TOLERANCE);
    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START });
    expect(state.writes).toHaveLength(1);
  });

  it('reports a clock beyond the tolerance as rolled back, by how much', async () => {
    const { anchor, clock } = setup();
    await anchor.observe();
    clock.setSystemTime(START - 3 * DAY);
    expect(await anchor.observe()).toEqual({
      state: 'rolled-back',
      latest: START,
      behindMs: 3 * DAY,
    });
    clock.setSystemTime(START - TOLERANCE - 1);
    expect(await anchor.check()).toEqual({
      state: 'rolled-back',
      latest: START,
      behindMs: TOLERANCE + 1,
    });
  });

  it('recovers by itself once the clock is right again', async () => {
    const { anchor, clock } = setup();
    await anchor.observe();
    clock.setSystemTime(START - DAY);
    expect((await anchor.observe()).state).toBe('rolled-back');
    clock.setSystemTime(START + HOUR);
    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START + HOUR });
  });

  it('never moves the record backwards', async () => {
    const { anchor, clock, state } = setup();
    await anchor.observe();
    for (const back of [TOLERANCE / 2, TOLERANCE * 2, DAY, 365 * DAY]) {
      clock.setSystemTime(START - back);
      await anchor.observe();
      await anchor.check();
    }
    expect(state.writes.map((record) => record.latest)).toEqual([START]);
  });

  it('detects an edited latest time, and stays tampered', async () => {
    const { anchor, clock, state } = setup();
    await anchor.observe();
    state.record = { ...state.record!, latest: START - 30 * DAY };
    clock.setSystemTime(START - 20 * DAY);
    expect(await anchor.observe()).toEqual({ state: 'tampered' });
    clock.setSystemTime(START + DAY);
    expect(await anchor.observe()).toEqual({ state: 'tampered' });
    expect(await anchor.check()).toEqual({ state: 'tampered' });
    expect(state.writes).toHaveLength(1);
  });

  it('detects an edited MAC', async () => {
    const { anchor, state } = setup();
    await anchor.observe();
    const mac = state.record!.mac;
    state.record = { ...state.record!, mac: (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1) };
    expect(await anchor.check()).toEqual({ state: 'tampered' });
    state.record = { ...state.record, mac: '' };
    expect(await anchor.check()).toEqual({ state: 'tampered' });
  });

  it('treats a missing key, or a missing record beside a key, as tampered', async () => {
    const { anchor, secrets, state } = setup();
    await anchor.observe();
    await secrets.delete(KEY_NAME);
    expect(await anchor.observe()).toEqual({ state: 'tampered' });
    // observe must not quietly start over with a new key, nor rewrite the record.
    expect(secrets.entries.has(KEY_NAME)).toBe(false);
    expect(state.writes).toHaveLength(1);

    const second = setup();
    await second.anchor.observe();
    second.state.record = undefined;
    expect(await second.anchor.observe()).toEqual({ state: 'tampered' });
    expect(second.state.record).toBeUndefined();
  });

  it('confirm() clears a mark left by a clock that ran ahead', async () => {
    const { anchor, clock, state } = setup();
    await anchor.observe();
    clock.setSystemTime(START + 365 * DAY);
    await anchor.observe();
    clock.setSystemTime(START + HOUR);
    expect((await anchor.observe()).state).toBe('rolled-back');

    await anchor.confirm(START + HOUR);
    expect(state.record?.latest).toBe(START + HOUR);
    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START + HOUR });
  });

  it('confirm() clears a tampered record, making a key when the old one is gone', async () => {
    const { anchor, secrets } = setup();
    await anchor.observe();
    await secrets.delete(KEY_NAME);
    expect((await anchor.check()).state).toBe('tampered');
    await anchor.confirm(START);
    expect(secrets.entries.has(KEY_NAME)).toBe(true);
    expect(await anchor.check()).toEqual({ state: 'ok', latest: START });
  });

  it('confirm() refuses a time that is not an epoch time in ms', async () => {
    const { anchor } = setup();
    for (const bad of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY]) {
      await expect(anchor.confirm(bad)).rejects.toThrow(RangeError);
    }
  });

  it('reset() starts again at now with a fresh key', async () => {
    const { anchor, clock, secrets, state } = setup();
    await anchor.observe();
    const oldKey = secrets.entries.get(KEY_NAME);
    state.record = { ...state.record!, latest: START + 100 * DAY };
    expect((await anchor.check()).state).toBe('tampered');

    clock.setSystemTime(START - DAY);
    await anchor.reset();
    expect(secrets.entries.get(KEY_NAME)).not.toBe(oldKey);
    expect(state.record?.latest).toBe(START - DAY);
    expect(await anchor.observe()).toEqual({ state: 'ok', latest: START - DAY });
  });

  it('writes at most once a minute while the clock moves forward', async () => {
    const { anchor, clock, state } = setup();
    for (let second = 0; second <= 600; second += 10) {
      await anchor.observe();
      clock.advance(10_000);
    }
    // The first use, then one write once the record is more than a minute old: 70 s, 140 s… 560 s.
    expect(state.writes.map((record) => (record.latest - START) / 1000)).toEqual([
      0, 70, 140, 210, 280, 350, 420, 490, 560,
    ]);
    expect(await anchor.check()).toEqual({ state: 'ok', latest: clock.now() });
  });

  it('lets secret store failures through', async () => {
    const failing: SecretStore = {
      ...createMemorySecretStore(),
      get: () => Promise.reject(new Error('keychain locked')),
    };
    const { anchor } = setup({ secrets: failing });
    await expect(anchor.observe()).rejects.toThrow('keychain locked');
    await expect(anchor.check()).rejects.toThrow('keychain locked');
  });

  it('takes the new key back when the first record cannot be written', async () => {
    const clock = createManualClock(START);
    const secrets = createMemorySecretStore();
    const anchor = createTimeAnchor({
      storage: {
        read: () => undefined,
        write: () => {
          throw new Error('disk full');
        },
      },
      secrets,
      clock,
    });
    await expect(anchor.observe()).rejects.toThrow('disk full');
    expect(secrets.entries.size).toBe(0);
  });

  it('keeps racing first uses consistent', async () => {
    const { anchor } = setup();
    await Promise.all([anchor.observe(), anchor.observe(), anchor.reset(), anchor.observe()]);
    expect((await anchor.check()).state).toBe('ok');
  });

  it('describes every outcome in words', () => {
    expect(describeAnchor({ state: 'rolled-back', latest: START, behindMs: 3 * DAY + HOUR })).toBe(
      "This computer's clock is 3 days behind the latest time it has shown (2026-03-12 10:00 UTC). " +
        'Offline licences are suspended until the clock is set right. If it already is, connect ' +
        'to the licensing server once.',
    );
    expect(describeAnchor({ state: 'rolled-back', latest: START, behindMs: HOUR })).toContain(
      'is 1 hour behind',
    );
    expect(
      describeAnchor({ state: 'rolled-back', latest: START, behindMs: 11 * MINUTE }),
    ).toContain('is 11 minutes behind');
    expect(describeAnchor({ state: 'tampered' })).toBe(
      'The record of the latest time this computer has seen was altered. Offline licences are ' +
        'suspended: connect to the licensing server once, or re-import the licence file.',
    );
    expect(describeAnchor({ state: 'ok', latest: START }, (ms) => `<${ms}>`)).toBe(
      `This computer's clock agrees with the latest time it has shown (<${START}>).`,
    );
  });

  it('has a record schema that refuses what cannot be a record', () => {
    const mac = Buffer.alloc(32).toString('base64');
    expect(anchorRecordSchema.safeParse({ latest: START, mac }).success).toBe(true);
    expect(anchorRecordSchema.safeParse({ latest: -1, mac }).success).toBe(false);
    expect(anchorRecordSchema.safeParse({ latest: START + 0.5, mac }).success).toBe(false);
    expect(anchorRecordSchema.safeParse({ latest: START, mac: 'x' }).success).toBe(false);
  });

  it('never moves the record back except by confirm/reset, and flags exactly the rolled-back clocks', async () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('move' as const),
        by: fc.integer({ min: -2 * DAY, max: DAY }),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        by: fc.integer({ min: -2 * TOLERANCE, max: 2 * MINUTE }),
      }),
      // Steps that land exactly on the tolerance and write-step boundaries.
      fc.record({
        kind: fc.constant('move' as const),
        by: fc.constantFrom(-TOLERANCE, -TOLERANCE - 1, 30_000, MINUTE, MINUTE + 1),
      }),
      fc.record({ kind: fc.constantFrom('observe' as const, 'check' as const, 'reset' as const) }),
      fc.record({
        kind: fc.constant('confirm' as const),
        offset: fc.integer({ min: -DAY, max: DAY }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { anchor, clock, state } = setup();
        // The latest time an observe accepted; the stored mark lags it by at most the write step.
        let maxSeen: number | undefined;
        for (const current of steps) {
          const before = state.record?.latest;
          const now = clock.now();
          switch (current.kind) {
            case 'move':
              clock.setSystemTime(Math.max(0, now + current.by));
              break;
            case 'confirm':
              await anchor.confirm(Math.max(0, now + current.offset));
              maxSeen = state.record?.latest;
              break;
            case 'reset':
              await anchor.reset();
              maxSeen = now;
              break;
            case 'observe':
            case 'check': {
              const result = await anchor[current.kind]();
              const stored = state.record?.latest;
              if (stored === undefined) {
                expect(result).toEqual({ state: 'ok', latest: now });
                break;
              }
              if (before !== undefined) expect(stored).toBeGreaterThanOrEqual(before);
              expect(result).toEqual(
                now < stored - TOLERANCE
                  ? { state: 'rolled-back', latest: stored, behindMs: stored - now }
                  : { state: 'ok', latest: Math.max(stored, now) },
              );
              if (current.kind === 'observe' && result.state === 'ok') {
                maxSeen = Math.max(maxSeen ?? now, now);
              }
              if (maxSeen !== undefined) {
                expect(stored).toBeLessThanOrEqual(maxSeen);
                expect(stored).toBeGreaterThanOrEqual(maxSeen - MINUTE);
                if (result.state === 'rolled-back') expect(now).toBeLessThan(maxSeen - TOLERANCE);
                if (now < maxSeen - TOLERANCE - MINUTE) expect(result.state).toBe('rolled-back');
              }
              break;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
