import { describe, expect, it } from 'vitest';
import { flecsDemo, startFlecsSandbox } from '../../src/sandbox/flecs/server';
import { demoRoles, demoSeed } from '../../src/sandbox/flecs/seed';
import { FLECS_START as START, flecsSandboxPerTest } from '../support/flecs-sandbox';

/**
 * FLECS licence validation and session-id rotation, over real HTTP with a manual clock: the
 * response header carries the current id as JSON, ids rotate after the TTL, the previous one
 * lasts the grace window, then it is unknown. Every exchange is checked against the OpenAPI file.
 */

const TTL_MS = 3600_000;
const GRACE_MS = 300_000;
const UUID = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const VALIDATE = '/api/v2/device/license/validate';
const demo = flecsDemo();
const roles = demoRoles();
const sessionOf = (licenseKey: string) =>
  demoSeed().devices.find((d) => d.licenseKey === licenseKey)?.sessionId ?? 'missing';
const UNKNOWN_SESSION = '00000000-0000-4000-8000-000000000000';

const rig = flecsSandboxPerTest();
const { call } = rig;

const validate = (sessionId: string) =>
  call('POST', VALIDATE, { headers: { 'x-session-id': sessionId } });
const isValid = async (sessionId: string) =>
  ((await validate(sessionId)).body as { data: { isValid: boolean } }).data.isValid;
/** The X-Session-Id response header, parsed: the id the client must use from now on. */
const headerSession = (res: { headers: Headers }) =>
  JSON.parse(res.headers.get('x-session-id') ?? 'null') as { id: string; timestamp: number } | null;

async function activateDemoKey(): Promise<string> {
  const res = await call('POST', '/api/v2/device/license/activate', {
    body: { licenseKey: demo.licenseKey },
  });
  return (res.body as { data: { sessionId: { id: string } } }).data.sessionId.id;
}

describe('FLECS sandbox: licence validation', () => {
  it('answers isValid true and the current session as a JSON header', async () => {
    const session = sessionOf(demo.usedKey);
    const res = await validate(session);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { isValid: true }, statusCode: 200, statusText: 'OK' });
    expect(headerSession(res)).toEqual({ id: session, timestamp: START });
  });

  it('answers isValid false for a revoked licence and for an inactive device', async () => {
    const revoked = await validate(sessionOf(roles.revokedKey));
    expect(revoked.body).toEqual({ data: { isValid: false }, statusCode: 200, statusText: 'OK' });
    expect(headerSession(revoked)?.id).toBe(sessionOf(roles.revokedKey));
    expect(await isValid(sessionOf(roles.idleKey))).toBe(false);
  });

  it('answers isValid false without a header for an unknown session', async () => {
    const res = await validate(UNKNOWN_SESSION);
    expect(res.body).toEqual({ data: { isValid: false }, statusCode: 200, statusText: 'OK' });
    expect(res.headers.get('x-session-id')).toBeNull();
  });

  it('follows revocation from the admin route both ways', async () => {
    const admin = (revoked: boolean) =>
      fetch(`${rig.sandbox.url}/__sandbox/revoke`, {
        method: 'POST',
        body: JSON.stringify({ licenseKey: demo.usedKey, revoked }),
      });
    expect((await admin(true)).status).toBe(200);
    expect(await isValid(sessionOf(demo.usedKey))).toBe(false);
    expect(rig.sandbox.devices().find((d) => d.licenseKey === demo.usedKey)?.active).toBe(false);
    await admin(false);
    expect(await isValid(sessionOf(demo.usedKey))).toBe(true);
  });

  it('answers 403 to a missing or malformed X-Session-Id (statuses the route does not describe)', async () => {
    const gap =
      'response: status 403 is not described for POST /api/v2/device/license/validate (only 200, 500)';
    const missing = await call('POST', VALIDATE, {}, [
      'request: header parameter X-Session-Id is required but missing',
      gap,
    ]);
    expect(missing.body).toEqual({
      reason: 'Missing Header: X-Session-Id',
      statusCode: 403,
      statusText: 'Forbidden',
    });
    const upper = sessionOf(demo.usedKey).toUpperCase();
    const malformed = await call('POST', VALIDATE, { headers: { 'x-session-id': upper } }, [
      'request: header parameter X-Session-Id: must match pattern "^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$"',
      gap,
    ]);
    expect(malformed.body).toMatchObject({ reason: 'Invalid Header: X-Session-Id' });
  });
});

describe('FLECS sandbox: session rotation', () => {
  it('keeps the id until the TTL, then rotates; the old id lasts the grace window', async () => {
    const first = await activateDemoKey();
    rig.clock.advance(TTL_MS - 1);
    expect(headerSession(await validate(first))).toEqual({ id: first, timestamp: START });

    rig.clock.advance(1);
    const rotated = headerSession(await validate(first));
    expect(rotated).toEqual({ id: expect.stringMatching(UUID), timestamp: START + TTL_MS });
    const second = rotated?.id ?? '';
    expect(second).not.toBe(first);
    expect(rig.sandbox.devices().find((d) => d.licenseKey === demo.licenseKey)?.sessionId).toBe(
      second,
    );

    // During the grace window both ids work and both point the client at the new one.
    rig.clock.advance(GRACE_MS - 1);
    const old = await validate(first);
    expect(old.body).toMatchObject({ data: { isValid: true } });
    expect(headerSession(old)?.id).toBe(second);
    expect(headerSession(await validate(second))?.id).toBe(second);

    rig.clock.advance(1);
    const expired = await validate(first);
    expect(expired.body).toMatchObject({ data: { isValid: false } });
    expect(expired.headers.get('x-session-id')).toBeNull();
    expect(await isValid(second)).toBe(true);
  });

  it('rotates on the 204 of an activation as well', async () => {
    const first = await activateDemoKey();
    rig.clock.advance(TTL_MS);
    const res = await call('POST', '/api/v2/device/license/activate', {
      headers: { 'x-session-id': first },
      body: { licenseKey: demo.licenseKey },
    });
    expect(res.status).toBe(204);
    const second = headerSession(res);
    expect(second).toEqual({ id: expect.stringMatching(UUID), timestamp: START + TTL_MS });
    expect(second?.id).not.toBe(first);
    expect(await isValid(first)).toBe(true);
  });

  it('accepts and rotates an id presented long after its TTL (a device back from being offline)', async () => {
    const first = await activateDemoKey();
    rig.clock.advance(7 * 24 * TTL_MS);
    const res = await validate(first);
    expect(res.body).toMatchObject({ data: { isValid: true } });
    expect(headerSession(res)).toEqual({
      id: expect.stringMatching(UUID),
      timestamp: rig.clock.now(),
    });
    expect(headerSession(res)?.id).not.toBe(first);
  });

  it('loses the session of a client that ignores the rotated header', async () => {
    const first = await activateDemoKey();
    rig.clock.advance(TTL_MS);
    await validate(first); // rotated here; this client keeps using `first`
    rig.clock.advance(GRACE_MS);
    expect(await isValid(first)).toBe(false);
    const res = await call('GET', '/api/v2/manifests/tech.flecs.mqtt-bridge/2.2.0', {
      headers: { 'x-session-id': first },
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      reason: 'Session not found',
      statusCode: 403,
      statusText: 'Forbidden',
    });
  });

  it('honours sessionTtlSeconds and sessionGraceSeconds (grace 0: the old id dies at once)', async () => {
    await rig.restart({ sessionTtlSeconds: 60, sessionGraceSeconds: 0 });
    const first = await activateDemoKey();
    rig.clock.advance(60_000);
    const second = headerSession(await validate(first))?.id ?? '';
    expect(second).not.toBe(first);
    expect(await isValid(first)).toBe(false);
    expect(await isValid(second)).toBe(true);
  });

  it('rejects nonsensical timing options', async () => {
    await expect(startFlecsSandbox({ sessionTtlSeconds: 0 })).rejects.toThrow(/sessionTtlSeconds/);
    await expect(startFlecsSandbox({ sessionGraceSeconds: -1 })).rejects.toThrow(
      /sessionGraceSeconds/,
    );
    await expect(startFlecsSandbox({ jwtTtlSeconds: Number.NaN })).rejects.toThrow(/jwtTtlSeconds/);
  });
});
