import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
} from '../../src/sandbox/eniris/server';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * The Eniris auth service over real loopback HTTP (contract 4.2): login and its error bodies,
 * text/plain tokens, access-token expiry on a manual clock, renewal, logout. The 429 lockout: -lockout.test.ts.
 */

const demo = enirisDemo();
const START = Date.UTC(2030, 0, 15, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

let sandbox: EnirisSandbox;
let clock: ManualClock;

interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  json: () => unknown;
}

async function call(method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  const answer: Answer = {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  };
  return answer;
}

const login = (username = demo.username, password = demo.password) =>
  call('POST', '/auth/login', { body: { username, password } });
async function refreshToken(): Promise<string> {
  const res = await login();
  expect(res.status).toBe(200);
  return res.text;
}
const accessToken = (refresh: string) => call('GET', '/auth/accesstoken', { token: refresh });
const envelope = (statusCode: number, error: string, message: string) => ({
  statusCode,
  error,
  message,
});
const UNAUTHORIZED = envelope(401, 'Unauthorized', 'Failed to verify token');

beforeEach(async () => {
  clock = createManualClock(START);
  sandbox = await startEnirisSandbox({ clock });
});
afterEach(() => sandbox.close());

describe('Eniris auth: login', () => {
  it('answers the raw refresh token as text/plain, JWT-shaped, and counts the login', async () => {
    const res = await login();
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain; charset=utf-8');
    expect(res.text).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.text).not.toContain('"');
    expect(sandbox.counters()).toEqual({
      logins: 1,
      accessTokens: 0,
      refreshRenewals: 0,
      logouts: 0,
    });
    const again = await login();
    expect(again.text).not.toBe(res.text);
  });

  it.each([
    [{ password: 'x' }, "body must have required property 'username'"],
    [{ username: 'x' }, "body must have required property 'password'"],
    [{}, "body must have required property 'username'"],
    [
      { username: 'u'.repeat(257), password: 'x' },
      'body/username must NOT have more than 256 characters',
    ],
    [
      { username: 'x', password: 'p'.repeat(257) },
      'body/password must NOT have more than 256 characters',
    ],
    [{ username: 42, password: 'x' }, 'body/username must be string'],
    [['username', 'password'], 'body must be object'],
  ])('refuses the body %j with 400 and ajv wording', async (body, message) => {
    const res = await call('POST', '/auth/login', { body });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.json()).toEqual(envelope(400, 'Bad Request', message));
  });

  it('accepts exactly 256 characters', async () => {
    const res = await login('u'.repeat(256), 'p'.repeat(256));
    expect(res.status).toBe(401); // valid shape, unknown account
  });

  it('answers 401 PASSWORD_INCORRECT for a wrong password and an unknown user alike', async () => {
    for (const res of [await login(demo.username, 'wrong'), await login('nobody@x.example', 'x')]) {
      expect(res.status).toBe(401);
      expect(res.json()).toEqual(envelope(401, 'Unauthorized', 'PASSWORD_INCORRECT'));
    }
    expect(sandbox.counters().logins).toBe(0);
  });

  it('answers 500 NO_PASSWORD_INFO for an account without a password', async () => {
    const res = await login(demo.noPasswordUsername, 'anything');
    expect(res.status).toBe(500);
    expect(res.json()).toEqual(envelope(500, 'Internal Server Error', 'NO_PASSWORD_INFO'));
  });
});

describe('Eniris auth: tokens', () => {
  it('issues text/plain access tokens that expire after 10 minutes', async () => {
    const refresh = await refreshToken();
    const res = await accessToken(refresh);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain; charset=utf-8');
    const access = res.text;
    expect(access).not.toBe(refresh);
    expect(sandbox.counters().accessTokens).toBe(1);

    const validate = () => call('GET', '/auth/accesstoken/validate', { token: access });
    const api = () => call('GET', `/v1/license/controller/${demo.nodeId}`, { token: access });
    expect((await validate()).json()).toEqual({ userId: 1042 });
    expect((await api()).status).toBe(200);
    clock.advance(10 * MINUTE - 1);
    expect((await api()).status).toBe(200);
    clock.advance(1);
    const expired = await api();
    expect(expired.status).toBe(401);
    expect(expired.json()).toEqual(UNAUTHORIZED);
    expect((await validate()).status).toBe(401);
    // The refresh token still buys a new one.
    const fresh = await accessToken(refresh);
    expect(
      (await call('GET', `/v1/license/controller/${demo.nodeId}`, { token: fresh.text })).status,
    ).toBe(200);
  });

  it('honours accessTokenTtlSeconds', async () => {
    const short = await startEnirisSandbox({ clock, accessTokenTtlSeconds: 5 });
    try {
      const post = await fetch(`${short.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: demo.username, password: demo.password }),
      });
      const refresh = await post.text();
      const access = await (
        await fetch(`${short.url}/auth/accesstoken`, {
          headers: { authorization: `Bearer ${refresh}` },
        })
      ).text();
      const check = () =>
        fetch(`${short.url}/auth/accesstoken/validate`, {
          headers: { authorization: `Bearer ${access}` },
        });
      expect((await check()).status).toBe(200);
      clock.advance(5_000);
      expect((await check()).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('answers NO_TOKEN_PROVIDED without a Bearer header, and refuses unknown or wrong-kind tokens', async () => {
    const refresh = await refreshToken();
    const access = (await accessToken(refresh)).text;
    for (const path of ['/auth/accesstoken', '/auth/refreshtoken', '/auth/refreshtoken/validate']) {
      const missing = await call('GET', path);
      expect(missing.status).toBe(401);
      expect(missing.json()).toEqual(envelope(401, 'Unauthorized', 'NO_TOKEN_PROVIDED'));
      const basic = await fetch(`${sandbox.url}${path}`, {
        headers: { authorization: 'Basic dTpw' },
      });
      expect(await basic.json()).toEqual(envelope(401, 'Unauthorized', 'NO_TOKEN_PROVIDED'));
      for (const token of ['not-a-token', access]) {
        const res = await call('GET', path, { token });
        expect(res.status).toBe(401);
        expect(res.json()).toEqual(UNAUTHORIZED);
      }
    }
    const tooLong = await call('GET', '/auth/accesstoken', { token: 'x'.repeat(5000) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json()).toEqual(envelope(400, 'Bad Request', 'id_token is too long'));
  });

  it('validates a refresh token to its numeric userId', async () => {
    const res = await call('GET', '/auth/refreshtoken/validate', { token: await refreshToken() });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ userId: 1042 });
  });

  it('expires refresh tokens after 14 days', async () => {
    const refresh = await refreshToken();
    clock.advance(14 * DAY - 1);
    expect((await accessToken(refresh)).status).toBe(200);
    clock.advance(1);
    const res = await accessToken(refresh);
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
  });

  it('renews a refresh token; the old one stays valid until its own expiry', async () => {
    const old = await refreshToken();
    clock.advance(13 * DAY);
    const renewal = await call('GET', '/auth/refreshtoken', { token: old });
    expect(renewal.status).toBe(200);
    expect(renewal.type).toBe('text/plain; charset=utf-8');
    const renewed = renewal.text;
    expect(renewed).not.toBe(old);
    expect(sandbox.counters().refreshRenewals).toBe(1);
    expect((await accessToken(old)).status).toBe(200);

    clock.advance(DAY);
    expect((await accessToken(old)).status).toBe(401);
    expect((await accessToken(renewed)).status).toBe(200);
    clock.advance(13 * DAY - 1);
    expect((await call('GET', '/auth/refreshtoken/validate', { token: renewed })).status).toBe(200);
    clock.advance(1);
    expect((await call('GET', '/auth/refreshtoken/validate', { token: renewed })).status).toBe(401);
  });

  it('logs out with 204, revoking only that refresh token; a second logout is 401', async () => {
    const refresh = await refreshToken();
    const other = await refreshToken();
    const access = (await accessToken(refresh)).text;
    const res = await call('POST', '/auth/logout', { token: refresh });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(sandbox.counters().logouts).toBe(1);

    expect((await accessToken(refresh)).json()).toEqual(UNAUTHORIZED);
    expect((await call('GET', '/auth/refreshtoken/validate', { token: refresh })).status).toBe(401);
    expect((await accessToken(other)).status).toBe(200);
    // Access tokens already issued live out their 10 minutes (documented ASSUME).
    expect((await call('GET', '/auth/accesstoken/validate', { token: access })).status).toBe(200);

    const again = await call('POST', '/auth/logout', { token: refresh });
    expect(again.status).toBe(401);
    expect(again.json()).toEqual(UNAUTHORIZED);
    expect((await call('POST', '/auth/logout')).json()).toEqual(
      envelope(401, 'Unauthorized', 'NO_TOKEN_PROVIDED'),
    );
    expect(sandbox.counters().logouts).toBe(1);
  });

  it('counts every access token issued, also when requested concurrently', async () => {
    const refresh = await refreshToken();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => accessToken(refresh)));
    expect(new Set(tokens.map((t) => t.text)).size).toBe(8);
    expect(sandbox.counters()).toMatchObject({ logins: 1, accessTokens: 8 });
  });
});
