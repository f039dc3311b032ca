import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
  type EnirisSeed,
} from '../../src/sandbox/eniris/server';
import { createManualClock } from '../support/manual-clock';

/**
 * The Eniris sandbox as a Fastify-like server: unknown routes, media types and broken bodies in
 * the {statusCode,error,message} envelope; the shared fault layer and admin routes; custom seeds.
 */

const demo = enirisDemo();
let sandbox: EnirisSandbox;

const raw = (path: string, init: RequestInit = {}) => fetch(`${sandbox.url}${path}`, init);
const loginWith = (body: string, type?: string) =>
  raw('/auth/login', {
    method: 'POST',
    body,
    ...(type ? { headers: { 'content-type': type } } : {}),
  });
async function accessToken(target = sandbox): Promise<string> {
  const refresh = await (
    await fetch(`${target.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: demo.username, password: demo.password }),
    })
  ).text();
  return (
    await fetch(`${target.url}/auth/accesstoken`, {
      headers: { authorization: `Bearer ${refresh}` },
    })
  ).text();
}

beforeEach(async () => {
  sandbox = await startEnirisSandbox();
});
afterEach(() => sandbox.close());

describe('Eniris sandbox: transport', () => {
  it('starts on an ephemeral loopback port serving both services', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it.each([
    ['GET', '/v1/license/unknown'],
    ['GET', '/v1/license/activate'],
    ['DELETE', '/auth/logout'],
    ['POST', '/auth/accesstoken'],
    ['GET', '/v1/license/controller/'],
    ['GET', '/auth/login/'],
  ])('answers %s %s with Fastify’s 404', async (method, path) => {
    const res = await raw(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `Route ${method}:${path} not found`,
    });
  });

  it('refuses non-JSON, empty and broken bodies in the envelope', async () => {
    const form = await loginWith('username=a&password=b', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Unsupported Media Type: application/x-www-form-urlencoded',
    });
    const empty = await loginWith('', 'application/json');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const broken = await loginWith('{"username": "a",', 'application/json; charset=utf-8');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
    });
    const none = await raw('/auth/login', { method: 'POST' });
    expect(await none.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'body must be object',
    });
    const huge = await loginWith(
      JSON.stringify({ username: 'u'.repeat(70_000), password: 'p' }),
      'application/json',
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('accepts a logout with or without a body', async () => {
    for (const init of [{}, { body: '{}', headers: { 'content-type': 'application/json' } }]) {
      const refresh = await (
        await loginWith(
          JSON.stringify({ username: demo.username, password: demo.password }),
          'application/json',
        )
      ).text();
      const res = await raw('/auth/logout', {
        method: 'POST',
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${refresh}` },
      });
      expect(res.status).toBe(204);
    }
  });
});

describe('Eniris sandbox: faults and admin', () => {
  it('injects faults through the shared layer, scoped by path', async () => {
    const token = await accessToken();
    sandbox.faults.inject({ kind: 'status', status: 503, times: 1, path: '/v1/license/activate' });
    const activate = () =>
      raw('/v1/license/activate', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: demo.freeKey }),
      });
    expect(
      (
        await raw(`/v1/license/controller/${demo.nodeId}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(200);
    expect((await activate()).status).toBe(503);
    expect((await activate()).status).toBe(200);

    sandbox.faults.inject({ kind: 'reset', times: 1, path: '/auth/accesstoken' });
    await expect(raw('/auth/accesstoken')).rejects.toThrow('fetch failed');
    expect(sandbox.faults.active).toEqual([]);
  });

  it('reports counters and licences and clears faults over /__sandbox/', async () => {
    await accessToken();
    const added = await raw('/__sandbox/faults', {
      method: 'POST',
      body: JSON.stringify({ kind: 'status', status: 500 }),
    });
    expect(added.status).toBe(200);
    expect((await raw('/auth/login', { method: 'POST' })).status).toBe(500);
    const state = (await (await raw('/__sandbox/state')).json()) as {
      counters: unknown;
      liveTokens: unknown;
      licenses: { key: string; nodeId: string | null }[];
    };
    expect(state.counters).toEqual({ logins: 1, accessTokens: 1, refreshRenewals: 0, logouts: 0 });
    expect(state.liveTokens).toEqual({ refresh: 1, access: 1 });
    expect(state.licenses.find((l) => l.key === demo.activeKey)?.nodeId).toBe(demo.nodeId);
    expect((await raw('/__sandbox/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await raw('/auth/login', { method: 'POST' })).status).toBe(400);
  });

  it('deactivates a licence as the vendor console would', async () => {
    const res = await raw('/__sandbox/deactivate', {
      method: 'POST',
      body: JSON.stringify({ key: demo.activeKey }),
    });
    expect(res.status).toBe(200);
    expect(sandbox.licence(demo.activeKey)?.deactivationDate).toEqual(expect.any(Number));
    const token = await accessToken();
    const list = (await (
      await raw(`/v1/license/controller/${demo.nodeId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { licenses: { key: string; deactivationDate: string | null }[] };
    expect(list.licenses.find((l) => l.key === demo.activeKey)?.deactivationDate).toMatch(/Z$/);
    expect(
      (await raw('/__sandbox/deactivate', { method: 'POST', body: '{"key":"nope"}' })).status,
    ).toBe(404);
  });

  it('ends every session on revoke-tokens: the next token call is 401', async () => {
    const token = await accessToken();
    const res = await raw('/__sandbox/revoke-tokens', { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ revoked: 2 });
    const after = await raw('/auth/accesstoken/validate', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });
});

describe('Eniris sandbox: options', () => {
  const customer = '11111111-2222-4333-8444-555555555555';
  const seed: EnirisSeed = {
    users: [{ id: 7, username: 'u', password: 'p', customers: [customer] }],
    customers: [{ id: customer, name: 'C' }],
    nodes: [
      {
        nodeId: 'node/with space',
        datalinkId: '66666666-7777-4888-8999-000000000000',
        customerId: customer,
      },
    ],
    licenses: [
      {
        id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        key: 'K-1',
        customerId: customer,
        duration: 30,
        creationDate: '2029-12-31T23:59:59.900Z',
        nodeId: 'node/with space',
      },
    ],
  };

  it('serves a custom seed with absolute dates and URL-encoded controller ids', async () => {
    const custom = await startEnirisSandbox({
      seed,
      clock: createManualClock(Date.UTC(2030, 0, 1)),
    });
    try {
      const login = await fetch(`${custom.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'u', password: 'p' }),
      });
      const refresh = await login.text();
      const access = await (
        await fetch(`${custom.url}/auth/accesstoken`, {
          headers: { authorization: `Bearer ${refresh}` },
        })
      ).text();
      const res = await fetch(
        `${custom.url}/v1/license/controller/${encodeURIComponent('node/with space')}`,
        {
          headers: { authorization: `Bearer ${access}` },
        },
      );
      expect(await res.json()).toEqual({
        licenses: [
          {
            id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
            key: 'K-1',
            gridKw: null,
            solarKw: null,
            batteryKw: null,
            evKw: null,
            creationDate: '2029-12-31T23:59:59Z',
            activationDate: null,
            duration: 30,
            deactivationDate: null,
            type: 'residential',
          },
        ],
      });
    } finally {
      await custom.close();
    }
  });

  it('refuses an invalid seed or option before listening', async () => {
    await expect(startEnirisSandbox({ seed: { ...seed, customers: [] } })).rejects.toThrow(
      /Invalid Eniris sandbox seed: customers/,
    );
    await expect(startEnirisSandbox({ accessTokenTtlSeconds: 0 })).rejects.toThrow(
      /accessTokenTtlSeconds/,
    );
    await expect(startEnirisSandbox({ maxFailedLogins: 2.5 })).rejects.toThrow(/maxFailedLogins/);
  });
});

describe('injected faults in the Fastify envelope', () => {
  it('answers a 5xx and a 429 as an Eniris server would, with retryAfter on the 429', async () => {
    sandbox.faults.inject({ kind: 'status', status: 503, times: 1 });
    const unavailable = await raw('/auth/login', { method: 'POST' });
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({
      statusCode: 503,
      error: expect.any(String),
      message: expect.any(String),
    });
    sandbox.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 });
    const limited = await raw('/auth/login', { method: 'POST' });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({ statusCode: 429, retryAfter: 7 });
  });
});
