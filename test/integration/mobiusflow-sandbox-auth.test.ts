import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mobiusFlowDemo,
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * Engine API authentication of emulated hubs over real HTTP (contract 1.2): login, HS256 tokens
 * that are really verified, expiry on a manual clock, refresh rotation, per-hub token namespaces
 * and the admin "expire tokens" back door.
 */

const START = Date.UTC(2030, 0, 15, 9, 0, 0);
const SECOND = 1000;
const demo = mobiusFlowDemo();

let sandbox: MobiusFlowSandbox;
let clock: ManualClock;
let hubA: SandboxHub;
let hubB: SandboxHub;

async function call(url: string, method: string, init: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown> };
}

const login = (hub: SandboxHub, username = hub.username, password = hub.password) =>
  call(`${hub.baseUrl}/api/v1/auth/login`, 'POST', { body: { username, password } });
const refresh = (hub: SandboxHub, refreshToken: string) =>
  call(`${hub.baseUrl}/api/v1/auth/refresh`, 'POST', { body: { refreshToken } });
const getLicence = (hub: SandboxHub, token?: string) =>
  call(`${hub.baseUrl}/api/v2/mobius/licence/${hub.hid}`, 'GET', token ? { token } : {});
async function pairOf(hub: SandboxHub): Promise<{ token: string; refreshToken: string }> {
  const res = await login(hub);
  expect(res.status).toBe(200);
  return res.json() as { token: string; refreshToken: string };
}
const admin = (route: string, body: unknown) =>
  call(`${sandbox.url}/__sandbox/${route}`, 'POST', { body });

const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const fastify = (statusCode: number, error: string, message: string) => ({
  statusCode,
  error,
  message,
});
const unauthorized = (message: string) => fastify(401, 'Unauthorized', message);

beforeEach(async () => {
  clock = createManualClock(START);
  sandbox = await startMobiusFlowSandbox({ clock });
  [hubA, hubB] = sandbox.hubs as [SandboxHub, SandboxHub];
});
afterEach(() => sandbox.close());

describe('MobiusFlow sandbox: login', () => {
  it('issues an HS256 access/refresh pair with the documented payloads', async () => {
    const res = await login(hubA);
    expect(res.status).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['token', 'refreshToken']);
    const [header, access] = String(body.token).split('.');
    const refreshPayload = decode(String(body.refreshToken).split('.')[1]);
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = START / SECOND;
    expect(decode(access)).toEqual({
      _id: 'bae7949a-5ea7-4841-9372-031530a92cc1',
      roles: 255,
      iat,
      exp: iat + 600,
    });
    expect(refreshPayload).toEqual({
      _id: 'bae7949a-5ea7-4841-9372-031530a92cc1',
      refreshToken: true,
      iat,
      exp: iat + 43_200,
      jti: expect.any(String),
    });
    expect(String(body.token)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]{43}$/);
    expect((await getLicence(hubA, String(body.token))).status).toBe(200);
  });

  it('keeps the vendor default admin/admin123 on hub 000001 and own credentials elsewhere', () => {
    expect(hubA).toMatchObject({ hid: '000001', username: 'admin', password: 'admin123' });
    expect(demo.hubs.map((h) => h.password)).toEqual(sandbox.hubs.map((h) => h.password));
    expect(new Set(sandbox.hubs.map((h) => h.password)).size).toBe(sandbox.hubs.length);
  });

  it('answers 401 alike for a wrong password, an unknown user and another hub’s account', async () => {
    for (const res of [
      await login(hubA, hubA.username, 'wrong'),
      await login(hubA, 'nobody', hubA.password),
      await login(hubA, hubB.username, hubB.password),
    ]) {
      expect(res.status).toBe(401);
      expect(res.json()).toEqual(unauthorized('Invalid username or password'));
    }
  });

  it.each([
    [{ password: 'x' }, "body must have required property 'username'"],
    [{ username: 'x' }, "body must have required property 'password'"],
    [{ username: 7, password: 'x' }, 'body/username must be string'],
    [['admin', 'admin123'], 'body must be object'],
  ])('refuses the body %j with 400', async (body, message) => {
    const res = await call(`${hubA.baseUrl}/api/v1/auth/login`, 'POST', { body });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(fastify(400, 'Bad Request', message));
  });

  it('refuses a non-JSON body with 415 and an empty JSON body with 400', async () => {
    const url = `${hubA.baseUrl}/api/v1/auth/login`;
    const text = await fetch(url, { method: 'POST', body: 'admin:admin123' });
    expect(text.status).toBe(415);
    const empty = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(empty.status).toBe(400);
  });
});

describe('MobiusFlow sandbox: bearer tokens', () => {
  it('expires access tokens after accessTtlSeconds by the injected clock', async () => {
    const { token } = await pairOf(hubA);
    clock.advance(600 * SECOND - 1);
    expect((await getLicence(hubA, token)).status).toBe(200);
    clock.advance(1);
    const expired = await getLicence(hubA, token);
    expect(expired.status).toBe(401);
    expect(expired.json()).toEqual(unauthorized('Authorization token expired'));
  });

  it('honours a custom accessTtlSeconds', async () => {
    await sandbox.close();
    sandbox = await startMobiusFlowSandbox({ clock, accessTtlSeconds: 60 });
    [hubA] = sandbox.hubs as [SandboxHub];
    const { token } = await pairOf(hubA);
    clock.advance(59 * SECOND);
    expect((await getLicence(hubA, token)).status).toBe(200);
    clock.advance(SECOND);
    expect((await getLicence(hubA, token)).status).toBe(401);
  });

  it('verifies the signature: a token with an edited payload is refused', async () => {
    const { token } = await pairOf(hubA);
    const [header, payload, signature] = token.split('.');
    const longer = { ...decode(payload), exp: 4_000_000_000 };
    const forged = `${header}.${Buffer.from(JSON.stringify(longer)).toString('base64url')}.${signature}`;
    const res = await getLicence(hubA, forged);
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(
      unauthorized('Authorization token is invalid: The token signature is invalid.'),
    );
    expect((await getLicence(hubA, 'not.a.jwt')).status).toBe(401);
  });

  it('refuses a token of hub A on hub B, for the licence and for refresh', async () => {
    const pair = await pairOf(hubA);
    expect((await getLicence(hubA, pair.token)).status).toBe(200);
    const foreign = await call(`${hubB.baseUrl}/api/v2/mobius/licence/${hubB.hid}`, 'GET', {
      token: pair.token,
    });
    expect(foreign.status).toBe(401);
    expect((await refresh(hubB, pair.refreshToken)).status).toBe(401);
    // Refused on B, the refresh token was not spent: A still takes it.
    expect((await refresh(hubA, pair.refreshToken)).status).toBe(200);
  });

  it('answers 401 without an Authorization header or with another scheme', async () => {
    const missing = await getLicence(hubA);
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual(unauthorized('No Authorization was found in request.headers'));
    const basic = await fetch(`${hubA.baseUrl}/api/v2/mobius/licence/${hubA.hid}`, {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4xMjM=' },
    });
    expect(basic.status).toBe(401);
  });

  it('does not take a refresh token as a bearer, nor an access token as a refresh token', async () => {
    const pair = await pairOf(hubA);
    expect((await getLicence(hubA, pair.refreshToken)).status).toBe(401);
    const swapped = await refresh(hubA, pair.token);
    expect(swapped.status).toBe(401);
    expect(swapped.json()).toEqual(unauthorized('Invalid refresh token'));
  });
});

describe('MobiusFlow sandbox: refresh', () => {
  it('rotates: a new pair, the old refresh token spent, old access tokens still live', async () => {
    const first = await pairOf(hubA);
    clock.advance(300 * SECOND);
    const renewed = await refresh(hubA, first.refreshToken);
    expect(renewed.status).toBe(200);
    const second = renewed.json() as { token: string; refreshToken: string };
    expect(Object.keys(second)).toEqual(['token', 'refreshToken']);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(decode(second.token.split('.')[1]).exp).toBe((START + 300 * SECOND) / SECOND + 600);

    const reused = await refresh(hubA, first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.json()).toEqual(unauthorized('Refresh token has already been used'));
    expect((await getLicence(hubA, first.token)).status).toBe(200);
    expect((await getLicence(hubA, second.token)).status).toBe(200);
    expect((await refresh(hubA, second.refreshToken)).status).toBe(200);
  });

  it('rotates even within the same second', async () => {
    const first = await pairOf(hubA);
    const second = (await refresh(hubA, first.refreshToken)).json();
    const third = await refresh(hubA, String(second.refreshToken));
    expect(third.status).toBe(200);
    expect((await refresh(hubA, String(second.refreshToken))).status).toBe(401);
  });

  it('expires refresh tokens after 12 hours', async () => {
    const { refreshToken } = await pairOf(hubA);
    clock.advance(43_200 * SECOND);
    const res = await refresh(hubA, refreshToken);
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(unauthorized('Refresh token expired'));
  });

  it('refuses a body without refreshToken with 400', async () => {
    const res = await call(`${hubA.baseUrl}/api/v1/auth/refresh`, 'POST', { body: {} });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(
      fastify(400, 'Bad Request', "body must have required property 'refreshToken'"),
    );
  });
});

describe('MobiusFlow sandbox: admin expire-tokens', () => {
  it('kills the hub’s access tokens only; its refresh token buys a working one', async () => {
    const a = await pairOf(hubA);
    const b = await pairOf(hubB);
    const res = await admin('expire-tokens', { hid: hubA.hid });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ hid: '000001', expired: 'access' });

    expect((await getLicence(hubA, a.token)).status).toBe(401);
    expect((await getLicence(hubB, b.token)).status).toBe(200);
    const renewed = await refresh(hubA, a.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await getLicence(hubA, String(renewed.json().token))).status).toBe(200);
  });

  it('with refresh: true kills refresh tokens too, so only a new login helps', async () => {
    const a = await pairOf(hubA);
    expect((await admin('expire-tokens', { hid: hubA.hid, refresh: true })).status).toBe(200);
    expect((await refresh(hubA, a.refreshToken)).status).toBe(401);
    const again = await pairOf(hubA);
    expect((await getLicence(hubA, again.token)).status).toBe(200);
  });

  it('answers 404 for an unknown hub and 400 for a bad body', async () => {
    expect((await admin('expire-tokens', { hid: 'ffffff' })).status).toBe(404);
    expect((await admin('expire-tokens', { hub: '000001' })).status).toBe(400);
  });
});
