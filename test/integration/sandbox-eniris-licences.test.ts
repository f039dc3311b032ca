import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enirisDemo } from '../../src/sandbox/eniris/server';
import {
  BAD_REQUEST,
  DAY,
  envelope,
  ENIRIS_START as START,
  enirisLicenceApiPerTest,
  FORBIDDEN,
  LICENSE_KEYS,
  NOT_FOUND,
  UNAUTHORIZED,
  UUID,
  type License,
} from '../support/eniris-licence-api';

/**
 * The Eniris licence API over real loopback HTTP (contract 4.3, the vendor's sample payload):
 * activation, its error bodies, rights and idempotence. Claims and listings: -claims.test.ts.
 */

const demo = enirisDemo();
const eniris = enirisLicenceApiPerTest();
const { api, tokenFor } = eniris;
const activate = (body: unknown, token?: string) => api('POST', 'activate', body, token);

describe('Eniris API: activate', () => {
  it('activates a free licence now and answers the vendor-shaped License', async () => {
    eniris.clock.advance(1234); // a fraction of a second: the wire still carries whole seconds
    const res = await activate({ key: demo.freeKey });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['success', 'license']);
    expect(res.body.success).toBe(true);
    const license = res.body.license as License;
    expect(Object.keys(license)).toEqual(LICENSE_KEYS);
    expect(license).toEqual({
      id: expect.stringMatching(UUID),
      key: demo.freeKey,
      gridKw: 17,
      solarKw: 10,
      batteryKw: 10,
      evKw: null,
      creationDate: new Date(START - 20 * DAY).toISOString().replace('.000Z', 'Z'),
      activationDate: '2030-01-15T09:00:01Z',
      duration: 365,
      deactivationDate: null,
      type: 'residential',
    });
    expect(eniris.sandbox.licence(demo.freeKey)?.activationDate).toBe(START + 1000);
  });

  it('uses activationIso when given, normalised to UTC, and ignores unknown properties', async () => {
    const res = await activate({
      key: demo.freeKey,
      activationIso: '2030-02-01T12:30:00+02:00',
      extra: 1,
    });
    expect(res.status).toBe(200);
    expect((res.body.license as License).activationDate).toBe('2030-02-01T10:30:00Z');
  });

  it('is idempotent: an activated licence keeps its first activation date', async () => {
    const first = (await activate({ key: demo.freeKey })).body.license as License;
    eniris.clock.advance(3 * DAY);
    await eniris.signInAgain();
    const again = await activate({ key: demo.freeKey, activationIso: '2031-01-01T00:00:00Z' });
    expect(again.status).toBe(200);
    expect(again.body.license).toEqual(first);

    for (const key of [demo.activeKey, demo.expiredKey, demo.deactivatedKey]) {
      const before = eniris.sandbox.licence(key);
      const res = await activate({ key });
      expect(res.status).toBe(200);
      expect(eniris.sandbox.licence(key)).toEqual(before);
    }
  });

  it.each([
    ['no key', {}],
    ['an empty key', { key: '' }],
    ['a 51-character key', { key: 'K'.repeat(51) }],
    ['a numeric key', { key: 12345 }],
    ['activationIso in words', { key: 'K', activationIso: 'yesterday' }],
    ['activationIso without a zone', { key: 'K', activationIso: '2030-01-01T10:00:00' }],
    ['an array', [{ key: 'K' }]],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await activate(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(BAD_REQUEST);
  });

  it('answers 401 without or with a wrong token, before looking at the body', async () => {
    const none = await activate({}, '');
    expect(none.status).toBe(401);
    expect(none.body).toEqual(envelope(401, 'Unauthorized', 'NO_TOKEN_PROVIDED'));
    const refresh = await (
      await fetch(`${eniris.sandbox.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: demo.username, password: demo.password }),
      })
    ).text();
    for (const token of ['garbage', refresh]) {
      const res = await activate({ key: demo.freeKey }, token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED);
    }
    expect(eniris.sandbox.licence(demo.freeKey)?.activationDate).toBeNull();
  });

  it('answers 403 on another customer’s licence and 404 on an unknown key', async () => {
    const forbidden = await activate({ key: demo.forbiddenKey });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual(FORBIDDEN);
    expect(eniris.sandbox.licence(demo.forbiddenKey)?.activationDate).toBeNull();
    const unknown = await activate({ key: 'NO-SUCH-KEY' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(NOT_FOUND);
  });

  it('lets that other customer’s installer activate it', async () => {
    const other = await tokenFor('installer@other-installer.example', 'OtherDemo!2024');
    expect((await activate({ key: demo.forbiddenKey }, other)).status).toBe(200);
    expect((await activate({ key: demo.freeKey }, other)).status).toBe(403);
  });

  it('answers 404 for any unknown key of 1..50 characters and 400 beyond', async () => {
    const known = new Set([demo.freeKey, demo.activeKey, demo.expiredKey, demo.claimedKey]);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }),
        async (key) => {
          fc.pre(!known.has(key) && key !== demo.deactivatedKey && key !== demo.forbiddenKey);
          const res = await activate({ key });
          // Counted in code points, as ajv counts maxLength: an emoji is one character.
          expect(res.status).toBe([...key].length <= 50 ? 404 : 400);
        },
      ),
      { numRuns: 40 },
    );
    expect((await activate({ key: '🔑'.repeat(50) })).status).toBe(404);
    expect((await activate({ key: '🔑'.repeat(51) })).status).toBe(400);
  });
});
