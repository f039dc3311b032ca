import { describe, expect, it } from 'vitest';
import { flecsDemo } from '../../src/sandbox/flecs/server';
import { demoRoles, demoSeed } from '../../src/sandbox/flecs/seed';
import { fetchChecked } from '../support/flecs-openapi';
import { FLECS_START as START, flecsSandboxPerTest } from '../support/flecs-sandbox';

/**
 * FLECS activation by licence key and by device serial, the 204 "already active" answer, and the
 * refusals, over real HTTP. Every exchange is checked against FLECS's OpenAPI file.
 */

const GRACE_MS = 300_000;
const UUID = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const ACTIVATE = '/api/v2/device/license/activate';
const demo = flecsDemo();
const roles = demoRoles();
const seed = demoSeed();
const holderOf = (licenseKey: string) => seed.devices.find((d) => d.licenseKey === licenseKey);
const sessionOf = (licenseKey: string) => holderOf(licenseKey)?.sessionId ?? 'missing';
const serialKey = seed.devices.find((d) => d.serialNumber === demo.serialNumber)?.licenseKey;

interface Activation {
  data: { sessionId: { id: string; timestamp: number }; licenseKey: string };
}

const rig = flecsSandboxPerTest();

/** One checked activation; `specGaps` lists the OpenAPI problems it is known to have. */
const activate = (
  sent: { headers?: Record<string, string>; body?: unknown } = {},
  specGaps: string[] = [],
) => rig.call('POST', ACTIVATE, sent, specGaps);

const withKey = (licenseKey: string, sessionId?: string) =>
  activate({
    body: { licenseKey },
    ...(sessionId ? { headers: { 'x-session-id': sessionId } } : {}),
  });
const forbidden = (reason: string) => ({ reason, statusCode: 403, statusText: 'Forbidden' });
const data = (res: { body: unknown }) => (res.body as Activation).data;
const device = (deviceId: string | undefined) =>
  rig.sandbox.devices().find((d) => d.deviceId === deviceId);

describe('FLECS sandbox: activation by licence key', () => {
  it('binds an unbound key to a new device and answers 200 with a session', async () => {
    const res = await withKey(demo.licenseKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        sessionId: { id: expect.stringMatching(UUID), timestamp: START },
        licenseKey: demo.licenseKey,
      },
      statusCode: 200,
      statusText: 'OK',
    });
    expect(rig.sandbox.devices()).toContainEqual({
      deviceId: expect.any(String),
      licenseKey: demo.licenseKey,
      active: true,
      sessionId: data(res).sessionId.id,
    });
  });

  it('answers 204 with only an X-Session-Id header once the device is active', async () => {
    const first = data(await withKey(demo.licenseKey));
    const before = rig.sandbox.devices();
    const again = await withKey(demo.licenseKey, first.sessionId.id);
    expect(again.status).toBe(204);
    expect(again.body).toBeUndefined();
    expect(JSON.parse(again.headers.get('x-session-id') ?? '')).toEqual(first.sessionId);
    expect(rig.sandbox.devices()).toEqual(before);
  });

  it('answers 204 to a Bearer activation of an active device and spends no licence', async () => {
    const login = await fetchChecked(rig.sandbox.url, 'POST', '/api/v2/auth/login', {
      body: { username: demo.username, password: demo.password, issueJWT: true },
    });
    const token = (login.body as { data: { jwt: { token: string } } }).data.jwt.token;
    const res = await activate({
      headers: { authorization: `Bearer ${token}`, 'x-session-id': sessionOf(demo.usedKey) },
    });
    expect(res.status).toBe(204);
    expect(rig.sandbox.userLicences()[demo.username]).toBe(2);
  });

  it('refuses unknown and revoked keys with 403 (the route documents no 404)', async () => {
    expect((await withKey('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).body).toEqual(forbidden('Invalid license key'));
    expect((await withKey(roles.revokedKey)).body).toEqual(forbidden('License key revoked'));
  });

  it('refuses a key bound to another device that still holds its session', async () => {
    const res = await withKey(demo.usedKey);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(forbidden('License key is bound to another device'));
    // The session of some other (inactive, so no 204) device proves nothing about this key.
    const other = sessionOf(roles.revokedKey);
    expect((await withKey(demo.usedKey, other)).body).toEqual(
      forbidden('License key is bound to another device'),
    );
  });

  it('re-activates an inactive device that presents its own session, keeping that session', async () => {
    const idleSession = sessionOf(roles.idleKey);
    expect((await withKey(roles.idleKey)).body).toEqual(
      forbidden('License key is bound to another device'),
    );
    const res = await withKey(roles.idleKey, idleSession);
    expect(res.status).toBe(200);
    expect(data(res)).toEqual({
      sessionId: { id: idleSession, timestamp: START },
      licenseKey: roles.idleKey,
    });
    expect(device(holderOf(roles.idleKey)?.deviceId)).toMatchObject({
      active: true,
      sessionId: idleSession,
    });
  });

  it('activates the key of a registered device that never had a session, on that device', async () => {
    const serialDevice = seed.devices.find((d) => d.serialNumber === demo.serialNumber);
    const res = await withKey(serialKey ?? 'missing');
    expect(res.status).toBe(200);
    expect(device(serialDevice?.deviceId)).toEqual({
      deviceId: serialDevice?.deviceId,
      licenseKey: serialKey,
      active: true,
      sessionId: data(res).sessionId.id,
    });
    // From now on the key is held: nobody else gets it without that session.
    expect((await withKey(serialKey ?? 'missing')).body).toEqual(
      forbidden('License key is bound to another device'),
    );
  });
});

describe('FLECS sandbox: activation by device serial', () => {
  it('activates a registered serial with its assigned licence (serialNumber body field)', async () => {
    const res = await activate({ body: { serialNumber: demo.serialNumber } });
    expect(res.status).toBe(200);
    expect(data(res)).toEqual({
      sessionId: { id: expect.stringMatching(UUID), timestamp: START },
      licenseKey: serialKey,
    });
    const again = await activate({
      body: { serialNumber: demo.serialNumber },
      headers: { 'x-session-id': data(res).sessionId.id },
    });
    expect(again.status).toBe(204);
  });

  it('accepts the serial in the licenseKey field, as the FLECS core sends it', async () => {
    const res = await withKey(demo.serialNumber);
    expect(res.status).toBe(200);
    expect(data(res).licenseKey).toBe(serialKey);
  });

  it('issues a fresh session to a serial activation without one; the old id lasts the grace window', async () => {
    const first = data(await activate({ body: { serialNumber: demo.serialNumber } })).sessionId.id;
    const second = data(await activate({ body: { serialNumber: demo.serialNumber } })).sessionId.id;
    expect(second).not.toBe(first);
    const validate = (id: string) =>
      fetchChecked(rig.sandbox.url, 'POST', '/api/v2/device/license/validate', {
        headers: { 'x-session-id': id },
      });
    expect((await validate(first)).body).toMatchObject({ data: { isValid: true } });
    rig.clock.advance(GRACE_MS);
    expect((await validate(first)).body).toMatchObject({ data: { isValid: false } });
    expect((await validate(second)).body).toMatchObject({ data: { isValid: true } });
  });

  it('refuses unregistered serials and serials without a licence', async () => {
    expect((await activate({ body: { serialNumber: 'FLX-NOPE' } })).body).toEqual(
      forbidden('Device serial number not registered'),
    );
    expect((await activate({ body: { serialNumber: roles.unlicensedSerial } })).body).toEqual(
      forbidden('No license assigned to this device'),
    );
  });
});

describe('FLECS sandbox: activation without usable credentials', () => {
  it('answers the documented 403 "Missing Header: Authorization" to an empty request', async () => {
    const res = await activate();
    expect(res.status).toBe(403);
    expect(res.body).toEqual(forbidden('Missing Header: Authorization'));
    expect((await activate({ body: {} })).body).toEqual(forbidden('Missing Header: Authorization'));
  });

  it('ignores a body that is not sent as JSON, as a JSON body parser would', async () => {
    const res = await activate(
      { headers: { 'content-type': 'text/plain' }, body: { licenseKey: demo.licenseKey } },
      [
        'request: request of POST /api/v2/device/license/activate has Content-Type text/plain, not application/json',
      ],
    );
    expect(res.body).toEqual(forbidden('Missing Header: Authorization'));
  });

  it('refuses an X-Session-Id that is the JSON response header echoed back', async () => {
    const echoed = JSON.stringify({ id: sessionOf(demo.usedKey), timestamp: START });
    const res = await activate(
      { headers: { 'x-session-id': echoed }, body: { licenseKey: demo.usedKey } },
      [
        `request: header parameter X-Session-Id: must match pattern "^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$"`,
      ],
    );
    expect(res.body).toEqual(forbidden('Invalid Header: X-Session-Id'));
  });

  it('answers 400 to a licenseKey that is not a string (undocumented status)', async () => {
    const res = await activate({ body: { licenseKey: 42 } }, [
      'request: request of POST /api/v2/device/license/activate body/licenseKey: must be string',
      'response: status 400 is not described for POST /api/v2/device/license/activate (only 200, 204, 403, 500)',
    ]);
    expect(res.body).toEqual({
      reason: 'licenseKey must be a string',
      statusCode: 400,
      statusText: 'Bad Request',
    });
  });
});
