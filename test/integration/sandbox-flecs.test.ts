import { describe, expect, it } from 'vitest';
import { flecsDemo } from '../../src/sandbox/flecs/server';
import { demoRoles } from '../../src/sandbox/flecs/seed';
import { FLECS_START as START, flecsSandboxPerTest } from '../support/flecs-sandbox';

/**
 * The FLECS sandbox over real loopback HTTP: user login, and the three activation modes with each
 * refusal. Every request and response is checked against FLECS's OpenAPI file; where the sandbox
 * answers something the file does not describe, the test names that gap explicitly.
 */

const UUID = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const KEY = /^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/;
const ACTIVATE = '/api/v2/device/license/activate';
const VALIDATE = '/api/v2/device/license/validate';
const demo = flecsDemo();
const roles = demoRoles();

interface Activation {
  data: { sessionId: { id: string; timestamp: number }; licenseKey: string };
}

const rig = flecsSandboxPerTest();
const { call } = rig;

const forbidden = (reason: string) => ({ reason, statusCode: 403, statusText: 'Forbidden' });
const undocumented = (status: number, path: string, only: string) =>
  `response: status ${status} is not described for POST ${path} (only ${only})`;

async function loginToken(username = demo.username, password = demo.password): Promise<string> {
  const res = await call('POST', '/api/v2/auth/login', {
    body: { username, password, issueJWT: true },
  });
  return (res.body as { data: { jwt: { token: string } } }).data.jwt.token;
}

async function activate(headers: Record<string, string>, body?: unknown) {
  return call('POST', ACTIVATE, { headers, ...(body === undefined ? {} : { body }) });
}

const activation = (res: { body: unknown }) => (res.body as Activation).data;
const sessionHeader = (res: { headers: Headers }) =>
  JSON.parse(res.headers.get('x-session-id') ?? 'null') as unknown;

describe('FLECS sandbox: user login', () => {
  it('issues a JWT with the documented envelope, expiry in epoch seconds and user fields', async () => {
    const res = await call('POST', '/api/v2/auth/login', {
      body: { username: demo.username, password: demo.password, issueJWT: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        jwt: {
          token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
          token_expires: START / 1000 + 3600,
        },
        user: {
          ID: 6,
          display_name: 'Demo Operator',
          user_email: 'demo@flecs.example',
          user_login: 'demo',
        },
        feature_flags: { isVendor: false, isWhitelabeled: false },
      },
      statusCode: 200,
      statusText: 'OK',
    });
  });

  it('issues no JWT without issueJWT, and reports vendor flags', async () => {
    const res = await call('POST', '/api/v2/auth/login', {
      body: { username: 'vendor', password: 'flecs-vendor-pass' },
    });
    expect(res.status).toBe(200);
    const data = (res.body as { data: Record<string, unknown> }).data;
    expect(data.jwt).toBeUndefined();
    expect(data.feature_flags).toEqual({ isVendor: true, isWhitelabeled: true });
  });

  it('refuses a wrong password or unknown user with the documented 403 body', async () => {
    for (const [username, password] of [
      [demo.username, 'wrong'],
      ['nobody', demo.password],
    ]) {
      const res = await call('POST', '/api/v2/auth/login', {
        body: { username, password, issueJWT: true },
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(
        forbidden(
          'Sorry, the password you entered is incorrect. Please verify your input or let us help you <a href="https://flecs.tech/my-account/lost-password/">recover your account</a>.',
        ),
      );
    }
  });

  it('answers 400 to missing fields, a status the OpenAPI file does not describe', async () => {
    const gap = undocumented(400, '/api/v2/auth/login', '200, 403');
    const missing = await call('POST', '/api/v2/auth/login', { body: { username: 'demo' } }, [gap]);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      reason: 'Missing username or password',
      statusCode: 400,
      statusText: 'Bad Request',
    });
    const wrongType = await call(
      'POST',
      '/api/v2/auth/login',
      { body: { username: 'demo', password: demo.password, issueJWT: 'yes' } },
      ['request: request of POST /api/v2/auth/login body/issueJWT: must be boolean', gap],
    );
    expect(wrongType.status).toBe(400);
  });

  it('validates a JWT until it expires, by the injected clock', async () => {
    const token = await loginToken('vendor', 'flecs-vendor-pass');
    const check = (t: string) =>
      call('POST', '/api/v2/auth/validate', { body: { jwt: { token: t } } });
    const flags = { isVendor: true, isWhitelabeled: true };
    expect((await check(token)).body).toEqual({
      data: { isValid: true, feature_flags: { ff: flags } },
      statusCode: 200,
      statusText: 'OK',
    });
    rig.clock.advance(3600_000 - 1);
    expect((await check(token)).body).toMatchObject({ data: { isValid: true } });
    rig.clock.advance(1);
    const expired = {
      isValid: false,
      feature_flags: { ff: { isVendor: false, isWhitelabeled: false } },
    };
    expect((await check(token)).body).toMatchObject({ data: expired });
    expect((await check('not-a-token')).body).toMatchObject({ data: expired });
  });

  it('honours jwtTtlSeconds', async () => {
    await rig.restart({ jwtTtlSeconds: 60 });
    const res = await call('POST', '/api/v2/auth/login', {
      body: { username: demo.username, password: demo.password, issueJWT: true },
    });
    expect(res.body).toMatchObject({ data: { jwt: { token_expires: START / 1000 + 60 } } });
  });
});

describe('FLECS sandbox: activation via user licence (Bearer JWT)', () => {
  it('consumes a user licence, mints a key and a session, and answers 200', async () => {
    const token = await loginToken();
    const res = await activate({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        sessionId: { id: expect.stringMatching(UUID), timestamp: START },
        licenseKey: expect.stringMatching(KEY),
      },
      statusCode: 200,
      statusText: 'OK',
    });
    const { sessionId, licenseKey } = activation(res);
    expect(sessionHeader(res)).toEqual(sessionId);
    expect(rig.sandbox.userLicences()[demo.username]).toBe(1);
    expect(rig.sandbox.devices()).toContainEqual({
      deviceId: expect.any(String),
      licenseKey,
      active: true,
      sessionId: sessionId.id,
    });
    const valid = await call('POST', VALIDATE, { headers: { 'x-session-id': sessionId.id } });
    expect(valid.body).toEqual({ data: { isValid: true }, statusCode: 200, statusText: 'OK' });
  });

  it('answers 403 "No user license available" once the licences are spent', async () => {
    const token = await loginToken();
    for (let i = 0; i < 2; i++)
      expect((await activate({ authorization: `Bearer ${token}` })).status).toBe(200);
    const res = await activate({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(forbidden('No user license available'));
    expect(rig.sandbox.userLicences()[demo.username]).toBe(0);

    const spent = await activate({
      authorization: `Bearer ${await loginToken(roles.exhaustedUsername, 'flecs-demo-pass')}`,
    });
    expect(spent.body).toEqual(forbidden('No user license available'));
  });

  it('refuses an unknown or expired JWT with 403 (the route documents no 401)', async () => {
    const token = await loginToken();
    expect((await activate({ authorization: 'Bearer made-up' })).body).toEqual(
      forbidden('Invalid or expired token'),
    );
    rig.clock.advance(3600_000);
    expect((await activate({ authorization: `Bearer ${token}` })).body).toEqual(
      forbidden('Invalid or expired token'),
    );
    expect(rig.sandbox.userLicences()[demo.username]).toBe(2);
  });

  it('refuses an Authorization header that is not Bearer', async () => {
    const res = await call('POST', ACTIVATE, { headers: { authorization: 'Basic ZGVtbzpkZW1v' } }, [
      'request: header parameter Authorization: must match pattern "Bearer .+"',
    ]);
    expect(res.body).toEqual(forbidden('Invalid Header: Authorization'));
  });
});
