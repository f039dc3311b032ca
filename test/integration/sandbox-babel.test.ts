import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import { demoKeys } from '../../src/sandbox/babel/seed';

/**
 * The Babel sandbox over real loopback HTTP: auth, body validation, activation licences, revoked
 * and expired licences, omitted defaults. Floating seats and faults have their own files.
 */

type Body = Record<string, unknown>;
const keys = demoKeys();
const START = Date.UTC(2030, 0, 15, 9, 0, 0); // whole second: every nanos is 0, hence omitted
const NEVER_USED_KEY = 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ';

let sandbox: BabelSandbox;
let now = START;

async function post(route: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sandbox.url}/v1/license/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Body };
}

const seatCall = (userKey: string, machineId = 'machine-a', clientId = 'app-1') => ({
  userKey,
  machineId,
  clientId,
  clientName: `PC-${machineId}`,
});

beforeEach(async () => {
  now = START;
  sandbox = await startBabelSandbox({ clock: { now: () => now } });
});
afterEach(() => sandbox.close());

describe('Babel sandbox: transport and auth', () => {
  it('starts on an ephemeral loopback port with the documented demo key format', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.apiKey).toMatch(/^api_[a-z0-9]{24}$/);
  });

  it('refuses a missing or wrong x-api-key with 401 Unauthenticated', async () => {
    for (const headers of [{ 'x-api-key': '' }, { 'x-api-key': 'api_wrongwrongwrongwrongwron' }]) {
      const res = await post('activate', seatCall(keys.activationKey), headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'Unauthenticated', message: expect.any(String) });
    }
    expect(sandbox.poolCounts()[keys.activationKey]).toEqual({ activation: 0, floating: 0 });
  });

  it('accepts a configured Bearer token instead of the API key, and only then', async () => {
    const withBearer = await startBabelSandbox({
      bearerToken: 'jwt-123',
      clock: { now: () => now },
    });
    try {
      const call = (token: string) =>
        fetch(`${withBearer.url}/v1/license/info`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(seatCall(keys.floatingKey)),
        });
      expect((await call('jwt-123')).status).toBe(200);
      expect((await call('jwt-124')).status).toBe(401);
    } finally {
      await withBearer.close();
    }
    const res = await post('info', seatCall(keys.floatingKey), {
      'x-api-key': '',
      authorization: 'Bearer x',
    });
    expect(res.status).toBe(401);
  });

  it('answers 404 NotFound for unknown routes and 405 for the wrong method', async () => {
    const unknown = await post('transfer', seatCall(keys.floatingKey));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NotFound');

    const get = await fetch(`${sandbox.url}/v1/license/activate`, {
      headers: { 'x-api-key': sandbox.apiKey },
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('accepts application/json-patch+json (the vendor samples) and refuses text/plain', async () => {
    const patch = await post('info', seatCall(keys.floatingKey), {
      'content-type': 'application/json-patch+json',
    });
    expect(patch.status).toBe(200);
    const plain = await post('info', seatCall(keys.floatingKey), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });
});

describe('Babel sandbox: request validation', () => {
  it.each([
    ['activate', '{not json', 'not valid JSON'],
    ['activate', '[1,2]', 'must be a JSON object'],
    ['activate', { machineId: 'm', clientId: 'c' }, 'userKey is required'],
    ['request', { userKey: keys.floatingKey, clientId: 'c' }, 'machineId is required'],
    [
      'validate',
      { userKey: keys.floatingKey, machineId: 'm', clientId: '' },
      'clientId is required',
    ],
    ['info', { userKey: 42, machineId: 'm', clientId: 'c' }, 'userKey must be a string'],
    [
      'heartbeat',
      { userKey: keys.floatingKey, machineId: 'm', clientId: 'c' },
      'licenseToken is required',
    ],
    ['release', { machineId: 'm', clientId: 'c' }, 'licenseToken is required'],
  ])('%s with %j -> 400 "%s"', async (route, body, message) => {
    const res = await post(route, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('InvalidArgument');
    expect(res.body.message).toContain(message);
  });

  it('answers 404 LicenseKeyNotFound for a key it does not know', async () => {
    for (const route of ['activate', 'request', 'validate', 'info', 'deactivate']) {
      const res = await post(route, seatCall(NEVER_USED_KEY));
      expect([route, res.status, res.body.code]).toEqual([route, 404, 'LicenseKeyNotFound']);
    }
  });
});

describe('Babel sandbox: activation licences', () => {
  it('activates a machine with an actk_ token and the licence document', async () => {
    const res = await post('activate', seatCall(keys.activationKey));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, activeClientCount: 1, maxClientCount: 3 });
    expect(res.body.licenseToken).toMatch(/^actk_[a-z0-9]{12}$/);
    // A perpetual licence: no expiry anywhere, so these defaults are simply absent.
    expect(res.body).not.toHaveProperty('tokenExpireAt');
    const license = res.body.license as Body;
    expect(license).toMatchObject({ licenseId: 'lic7B3D0E91', licensingMode: 1 });
    expect(license).not.toHaveProperty('expireAt');
    expect(license.supportExpireAt).toEqual({ seconds: (START + 275 * 86_400_000) / 1000 });
    const xml = Buffer.from(license.licenseKey as number[]).toString('utf8');
    expect(xml).toMatch(/^<\?xml[^>]*>\n<License Id="lic7B3D0E91">/);
    expect(xml).toMatch(/<Signature Algorithm="Ed25519">[A-Za-z0-9+/=]{88}<\/Signature>/);
  });

  it('is idempotent per machine: the same machine gets the same token and no new slot', async () => {
    const first = await post('activate', seatCall(keys.activationKey, 'machine-a', 'app-1'));
    const again = await post('activate', seatCall(keys.activationKey, 'machine-a', 'app-2'));
    expect(again.body.licenseToken).toBe(first.body.licenseToken);
    expect(again.body.activeClientCount).toBe(1);
    expect(sandbox.poolCounts()[keys.activationKey]).toEqual({ activation: 1, floating: 0 });
  });

  it('refuses a fourth machine with 409 ServerReachedMaxTokenAllowed, until one deactivates', async () => {
    for (const machine of ['m1', 'm2', 'm3']) {
      expect((await post('activate', seatCall(keys.activationKey, machine))).status).toBe(200);
    }
    const full = await post('activate', seatCall(keys.activationKey, 'm4'));
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('ServerReachedMaxTokenAllowed');
    expect(full.body.message).toContain('active 3, max 3');

    const freed = await post('deactivate', seatCall(keys.activationKey, 'm2'));
    expect(freed.body).toEqual({
      licenseId: 'lic7B3D0E91',
      activeClientCount: 2,
      maxClientCount: 3,
    });
    expect((await post('activate', seatCall(keys.activationKey, 'm4'))).status).toBe(200);
  });

  it('deactivates only an existing activation, and omits a zero activeClientCount', async () => {
    expect((await post('deactivate', seatCall(keys.activationKey))).body.code).toBe(
      'TokenNotFound',
    );
    await post('activate', seatCall(keys.activationKey));
    const res = await post('deactivate', seatCall(keys.activationKey));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ licenseId: 'lic7B3D0E91', maxClientCount: 3 });
  });

  it('validates only a machine that activated', async () => {
    const before = await post('validate', seatCall(keys.activationKey));
    expect([before.status, before.body.code]).toEqual([404, 'TokenNotFound']);
    const activated = await post('activate', seatCall(keys.activationKey));
    const after = await post('validate', seatCall(keys.activationKey));
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ success: true, licenseToken: activated.body.licenseToken });
  });

  it('refuses to hand out floating seats from an activation licence', async () => {
    const res = await post('request', seatCall(keys.activationKey));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'InvalidArgument',
      message: 'this licence is not a floating licence',
    });
  });

  it('only verifies a floating licence on activate: no token, no slot taken', async () => {
    const res = await post('activate', seatCall(keys.floatingKey));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, activeClientCount: 2, maxClientCount: 5 });
    expect(res.body).not.toHaveProperty('licenseToken');
    expect((res.body.license as Body).licensingMode).toBe(2);
    expect(sandbox.poolCounts()[keys.floatingKey]).toEqual({ activation: 0, floating: 2 });
  });
});

describe('Babel sandbox: revoked, expired and tampered licences', () => {
  it('refuses a revoked licence with 403 LicenseRevoked, but info still shows it', async () => {
    for (const route of ['activate', 'request', 'validate']) {
      const res = await post(route, seatCall(keys.revokedKey));
      expect([route, res.status, res.body.code]).toEqual([route, 403, 'LicenseRevoked']);
    }
    const info = await post('info', seatCall(keys.revokedKey));
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ revoked: true, licenseId: 'lic2C8E5A17', licensingMode: 1 });
  });

  it('refuses an expired licence with 403 LicenseExpired; expiry follows the injected clock', async () => {
    for (const route of ['activate', 'request', 'validate']) {
      const res = await post(route, seatCall(keys.expiredKey));
      expect([route, res.status, res.body.code]).toEqual([route, 403, 'LicenseExpired']);
    }
    const info = await post('info', seatCall(keys.expiredKey));
    expect(info.body.expireAt).toEqual({ seconds: (START - 10 * 86_400_000) / 1000 });

    // The floating licence runs 365 days from start: a year and a day later it has expired too.
    now = START + 366 * 86_400_000;
    expect((await post('request', seatCall(keys.floatingKey))).body.code).toBe('LicenseExpired');
  });

  it('reports a tampered licence as 500 LicenseTampered', async () => {
    const tampered = await startBabelSandbox({
      seed: {
        licenses: [
          {
            userKey: 'TAMPR-00000-00000-00001',
            licensingMode: 1,
            maxClientCount: 1,
            tampered: true,
          },
        ],
      },
    });
    try {
      const res = await fetch(`${tampered.url}/v1/license/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': tampered.apiKey },
        body: JSON.stringify(seatCall('TAMPR-00000-00000-00001')),
      });
      expect(res.status).toBe(500);
      expect(((await res.json()) as Body).code).toBe('LicenseTampered');
    } finally {
      await tampered.close();
    }
  });
});
