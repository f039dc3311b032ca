import { describe, expect, it } from 'vitest';
import type { Lease } from '../../src/main/licensing/backend';
import { createSeatsBackend } from '../../src/main/licensing/backends/seats';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import type { ErrorCode } from '../../src/shared/errors';
import { licensingFailure } from '../support/licensing-failure';
import { API_KEY, backendWith, fakeHttp, fixedClock, IDENTITY, NOW } from './seats-fake-http';

const KEY = 'ADSQH-89GGJ-J7CJY-3FQFK-DF48H';
const LEASE: Lease = {
  licenseId: 'lic0A1B2C3D',
  token: 'fltk_abcdefabcdef',
  expiresAt: NOW,
  heartbeatIntervalMs: 60_000,
  activeClients: 1,
  maxClients: 5,
};

describe('seats adapter: requests', () => {
  it('posts the key or token with the identity, API key and bearer token', async () => {
    const { backend, sent } = backendWith(
      () => ({ body: { success: true, licenseToken: 'actk_1', active: true, granted: true } }),
      'bearer-xyz',
    );
    await backend.activate({ method: 'key', key: `  ${KEY}\n` });
    await backend.seats.renew(LEASE);
    expect(sent.map((r) => r.url)).toEqual([
      'https://licence.example.com:5455/v1/license/activate',
      'https://licence.example.com:5455/v1/license/heartbeat',
    ]);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'x-api-key': API_KEY,
        Authorization: 'Bearer bearer-xyz',
      },
      body: { userKey: KEY, ...IDENTITY },
    });
    expect(sent[1]?.body).toEqual({ licenseToken: LEASE.token, ...IDENTITY });
  });

  it.each([
    ['', /Enter a licence key/],
    ['   ', /Enter a licence key/],
    ['ABC\u0000DEF', /control characters/],
    ['ABC\nDEF', /control characters/],
    ['K'.repeat(257), /257 characters/],
  ])('refuses the malformed key %j before sending anything', async (key, message) => {
    const { backend, sent } = backendWith(() => ({ body: {} }));
    for (const run of [
      (bad: string) => backend.activate({ method: 'key', key: bad }),
      backend.validate,
      backend.deactivate,
      backend.seats.request,
      backend.seats.info,
    ]) {
      const error = await licensingFailure(run(key));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
    expect(sent).toHaveLength(0);
  });

  it('refuses a base URL that is not http(s) with a config error', () => {
    const { http } = fakeHttp(() => ({}));
    const make = (baseUrl: string) => () =>
      createSeatsBackend({ baseUrl, apiKey: 'k', http, identity: IDENTITY, clock: fixedClock });
    expect(make('licence.example.com')).toThrow(LicensingError);
    expect(make('file:///etc')).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('seats adapter: 200 replies that refuse', () => {
  it('treats success:false (or missing) on activate and validate as invalid_key', async () => {
    const { backend } = backendWith(() => ({ body: {} }));
    expect((await licensingFailure(backend.activate({ method: 'key', key: KEY }))).code).toBe(
      'invalid_key',
    );
    expect((await licensingFailure(backend.validate(KEY))).message).toMatch(/Activate it again/);
  });

  it('lets an error code in a success:false reply say more', async () => {
    const { backend } = backendWith(() => ({ body: { success: false, code: 'LicenseExpired' } }));
    expect((await licensingFailure(backend.activate({ method: 'key', key: KEY }))).code).toBe(
      'license_expired',
    );
  });

  it('reports a refused seat request with the pool counts', async () => {
    const { backend } = backendWith(() => ({ body: { activeClientCount: 5, maxClientCount: 5 } }));
    const error = await licensingFailure(backend.seats.request(KEY));
    expect(error.code).toBe('seat_unavailable');
    expect(error.message).toBe(
      'All 5 seats are in use. Try again when a colleague releases one, or ask your administrator for more seats.',
    );
  });

  it('treats a heartbeat without active:true as a lost seat', async () => {
    const { backend } = backendWith(() => ({ body: { activeClientCount: 2, maxClientCount: 5 } }));
    expect((await licensingFailure(backend.seats.renew(LEASE))).code).toBe('seat_lost');
  });

  it('extends the lease from the heartbeat reply', async () => {
    const expiry = { seconds: Math.floor(NOW / 1000) + 600 };
    const { backend } = backendWith(() => ({
      body: {
        active: true,
        tokenExpireAt: expiry,
        heartbeatInterval: { seconds: 120 },
        activeClientCount: 2,
        maxClientCount: 5,
      },
    }));
    expect(await backend.seats.renew(LEASE)).toEqual({
      ...LEASE,
      expiresAt: expiry.seconds * 1000,
      heartbeatIntervalMs: 120_000,
      activeClients: 2,
    });
  });
});

describe('seats adapter: error replies', () => {
  type Case = [op: string, status: number, body: unknown, code: ErrorCode, message?: RegExp];
  const cases: Case[] = [
    ['activate', 401, { code: 'Unauthenticated' }, 'unauthorized', /API key/],
    ['activate', 401, undefined, 'unauthorized', /vendor configuration/],
    ['activate', 403, { code: 'Whatever' }, 'unauthorized'],
    [
      'activate',
      404,
      { code: 'LicenseKeyNotFound', message: `No licence ${KEY}` },
      'invalid_key',
      /typos/,
    ],
    ['validate', 403, { code: 'LicenseRevoked' }, 'license_revoked'],
    ['request', 403, { code: 'LicenseExpired' }, 'license_expired'],
    ['renew', 403, { code: 'TokenExpired' }, 'seat_lost'],
    ['renew', 404, { code: 'TokenNotFound' }, 'seat_lost'],
    ['validate', 404, { code: 'TokenNotFound' }, 'not_activated'],
    ['validate', 500, { code: 'LicenseTampered' }, 'tampered'],
    ['renew', 500, { code: 'TokenTampered' }, 'tampered'],
    [
      'activate',
      409,
      { code: 'ServerReachedMaxTokenAllowed', maxClientCount: 3 },
      'seat_unavailable',
      /All 3 activations of this licence are in use: deactivate it on another computer first\./,
    ],
    [
      'request',
      403,
      { code: 'ServerReachedMaxTokenAllowed' },
      'seat_unavailable',
      /All seats are in use/,
    ],
    [
      'activate',
      400,
      { code: 'InvalidArgument', message: 'machineId is required' },
      'invalid_input',
      /machineId is required/,
    ],
    ['activate', 429, undefined, 'rate_limited', /Wait a minute/],
    [
      'info',
      503,
      undefined,
      'server_error',
      /had a problem \(HTTP 503\)\. Try again in a few minutes\./,
    ],
    ['info', 500, '<html>oops</html>', 'server_error'],
    ['info', 404, undefined, 'protocol', /does not offer the licensing service/],
    ['info', 418, { message: 'teapot' }, 'protocol', /teapot/],
    ['info', 302, undefined, 'protocol', /redirected/],
    // No code field: the error name in the message is enough.
    [
      'activate',
      403,
      { message: 'Status(StatusCode="PermissionDenied", Detail="LicenseRevoked")' },
      'license_revoked',
    ],
  ];

  it.each(cases)('%s %i %j → %s', async (op, status, body, code, message) => {
    const { backend } = backendWith(() => ({ status, body }));
    const run =
      op === 'renew'
        ? backend.seats.renew(LEASE)
        : op === 'request' || op === 'info'
          ? backend.seats[op](KEY)
          : op === 'activate'
            ? backend.activate({ method: 'key', key: KEY })
            : backend.validate(KEY);
    const error = await licensingFailure(run);
    expect(error.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(API_KEY);
  });

  it('reads Retry-After as seconds or as a date', async () => {
    const seconds = backendWith(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    expect(
      (await licensingFailure(seconds.backend.activate({ method: 'key', key: KEY })))
        .retryAfterSeconds,
    ).toBe(30);
    const date = new Date(NOW + 90_000).toUTCString();
    const dated = backendWith(() => ({ status: 429, headers: { 'retry-after': date } }));
    const error = await licensingFailure(dated.backend.activate({ method: 'key', key: KEY }));
    expect(error.retryAfterSeconds).toBe(90);
    expect(error.message).toMatch(/Wait 90 seconds/);
  });

  it('blanks secrets the server echoes back', async () => {
    const { backend } = backendWith(() => ({
      status: 400,
      body: { code: 'InvalidArgument', message: `bad key ${KEY} for api key ${API_KEY}` },
    }));
    const error = await licensingFailure(backend.activate({ method: 'key', key: KEY }));
    expect(error.message).toContain('bad key ••• for api key •••');
  });
});

describe('seats adapter: letting go is idempotent', () => {
  it.each([
    [404, { code: 'TokenNotFound' }],
    [403, { code: 'TokenExpired' }],
  ])('release and deactivate succeed on %i %j', async (status, body) => {
    const { backend } = backendWith(() => ({ status, body }));
    await expect(backend.seats.release(LEASE)).resolves.toBeUndefined();
    await expect(backend.deactivate(KEY)).resolves.toBeUndefined();
  });

  it('accepts an empty 2xx reply but not a web page', async () => {
    await expect(
      backendWith(() => ({ status: 204 })).backend.seats.release(LEASE),
    ).resolves.toBeUndefined();
    const portal = backendWith(() => ({ body: '<html>Sign in to Wi-Fi</html>' }));
    expect((await licensingFailure(portal.backend.seats.release(LEASE))).code).toBe('protocol');
  });

  it('still reports other failures', async () => {
    const { backend } = backendWith(() => ({ status: 503 }));
    expect((await licensingFailure(backend.seats.release(LEASE))).code).toBe('server_error');
    expect((await licensingFailure(backend.deactivate(KEY))).code).toBe('server_error');
  });
});
