import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enirisDemoSeed,
  parseEnirisSeed,
  resolveSeedInstant,
  type EnirisSeed,
} from '../../src/sandbox/eniris/seed';
import { enirisDemo } from '../../src/sandbox/eniris/server';
import { createLoginThrottle, createTokenStore } from '../../src/sandbox/eniris/tokens';

const CUSTOMER = '11111111-2222-4333-8444-555555555555';
const base = (): EnirisSeed => ({
  users: [{ id: 1, username: 'u', password: 'p', customers: [CUSTOMER] }],
  customers: [{ id: CUSTOMER, name: 'C' }],
  nodes: [
    { nodeId: 'n1', datalinkId: '66666666-7777-4888-8999-000000000000', customerId: CUSTOMER },
  ],
  licenses: [
    {
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      key: 'K-1',
      customerId: CUSTOMER,
      duration: 30,
      creationDate: { daysAgo: 1 },
    },
  ],
});
const withLicence = (extra: Record<string, unknown>): EnirisSeed => {
  const seed = base();
  return { ...seed, licenses: [{ ...seed.licenses?.[0], ...extra } as never] };
};

describe('the Eniris demo seed', () => {
  it('gives every demo role an entry that fits it', () => {
    const seed = enirisDemoSeed();
    const demo = enirisDemo();
    const byKey = (key: string) => seed.licenses.find((l) => l.key === key);
    expect(byKey(demo.freeKey)).toMatchObject({ activationDate: null, nodeId: null });
    expect(byKey(demo.activeKey)).toMatchObject({ nodeId: demo.nodeId, deactivationDate: null });
    expect(byKey(demo.claimedKey)).toMatchObject({ nodeId: demo.nodeId, activationDate: null });
    expect(byKey(demo.forbiddenKey)?.customerId).toBe(demo.forbiddenCustomerId);
    expect(
      seed.users.find((u) => u.username === demo.noPasswordUsername)?.password,
    ).toBeUndefined();
    expect(demo.customerId).not.toBe(demo.forbiddenCustomerId);
  });
});

describe('parseEnirisSeed', () => {
  it('fills defaults', () => {
    const licence = parseEnirisSeed(base()).licenses[0];
    expect(licence).toMatchObject({
      gridKw: null,
      evKw: null,
      type: 'residential',
      activationDate: null,
      deactivationDate: null,
      nodeId: null,
    });
  });

  it.each([
    [{ ...base(), users: [] }, /users: /],
    [{ ...base(), customers: [{ id: 'nope', name: 'C' }] }, /customers\.0\.id: must be a uuid/],
    [withLicence({ key: 'K'.repeat(51) }), /licenses\.0\.key/],
    [
      withLicence({ customerId: '99999999-2222-4333-8444-555555555555' }),
      /licenses\.0\.customerId: names no customer/,
    ],
    [withLicence({ nodeId: 'n9' }), /licenses\.0\.nodeId: names no node/],
    [
      withLicence({ deactivationDate: { daysAgo: 1 } }),
      /deactivationDate: a licence that was never activated/,
    ],
    [withLicence({ creationDate: 'last week' }), /licenses\.0\.creationDate/],
    [withLicence({ seats: 3 }), /seats/],
    [
      { ...base(), users: [...(base().users ?? []), { id: 1, username: 'v' }] },
      /users\.1\.id: duplicate id/,
    ],
    [
      { ...base(), demo: { ...enirisDemo() } },
      /demo\.password: must be the password of the demo username/,
    ],
  ])('refuses a broken seed (%#)', (seed, message) => {
    expect(() => parseEnirisSeed(seed)).toThrow(message);
  });

  it('refuses a demo role that names the wrong kind of licence', () => {
    const demoSeed = enirisDemoSeed();
    const demo = enirisDemo();
    const swapped = { ...demoSeed, demo: { ...demo, freeKey: demo.claimedKey } };
    expect(() => parseEnirisSeed(swapped)).toThrow(/demo\.freeKey: must name an unclaimed/);
    const expired = { ...demoSeed, demo: { ...demo, expiredKey: demo.activeKey } };
    expect(() => parseEnirisSeed(expired)).toThrow(/demo\.expiredKey/);
  });

  it('resolves dates against the start clock at second precision', () => {
    const now = Date.UTC(2030, 0, 15, 9, 0, 0, 750);
    expect(resolveSeedInstant({ daysAgo: 2 }, now)).toBe(Date.UTC(2030, 0, 13, 9, 0, 0));
    expect(resolveSeedInstant('2030-01-01T00:00:00.999+01:00', now)).toBe(
      Date.UTC(2029, 11, 31, 23, 0, 0),
    );
  });
});

describe('Eniris tokens and login throttle', () => {
  it('a token is live exactly until issue + TTL, and only for its own kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.nat(2 * 10 ** 9), (ttl, elapsed) => {
        const store = createTokenStore({ access: ttl, refresh: ttl * 2 });
        const token = store.issue('access', 42, 1000);
        expect(store.verify(token, 'refresh', 1000)).toBeUndefined();
        expect(store.verify(token, 'access', 1000 + elapsed)).toBe(elapsed < ttl ? 42 : undefined);
      }),
    );
  });

  it('locks after exactly max consecutive failures, for the lockout, in whole seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 3600 }),
        (max, lockoutSeconds) => {
          const throttle = createLoginThrottle(max, lockoutSeconds * 1000);
          for (let i = 1; i < max; i += 1) {
            throttle.failed('u', 0);
            expect(throttle.lockedFor('u', 0)).toBeUndefined();
          }
          throttle.failed('u', 0);
          expect(throttle.lockedFor('u', 0)).toBe(lockoutSeconds);
          expect(throttle.lockedFor('u', lockoutSeconds * 1000 - 1)).toBe(1);
          expect(throttle.lockedFor('other', 0)).toBeUndefined();
          expect(throttle.lockedFor('u', lockoutSeconds * 1000)).toBeUndefined();
        },
      ),
    );
  });
});
