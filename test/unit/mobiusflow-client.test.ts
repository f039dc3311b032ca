import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createMobiusFlowClient } from '../../src/main/licensing/backends/mobiusflow';
import { accessTokenUseMs } from '../../src/main/licensing/backends/mobiusflow-session';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { refusedUrl } from '../support/refused-url';

/**
 * The MobiusFlow adapter against a tiny hub on loopback, written from the contract (§1.2, §1.3):
 * JWTs whose iat/exp follow a manual clock, a rotating refresh token, the `{ts, uri, data}`
 * envelope. A test can replace any answer with `answer`. The sandbox suite covers the rest.
 */

const MINUTE = 60_000;
const HID = '00A1F3';
const CODE = 'c2480687816cf833-20e44db08a00df1c-62fff13ac04f16e4-9066e16d9b185417';
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('signature')
    .join('.');

interface Hit {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly auth?: string;
}
type Reply = { status: number; body: unknown } | 'hang';

async function startHub(clock: ManualClock, accessTtlSeconds = 600) {
  const hits: Hit[] = [];
  const live = new Set<string>();
  let refreshTokens = new Set<string>();
  let serial = 0;
  let code = CODE;
  let answer: ((hit: Hit) => Reply | undefined) | undefined;
  const now = () => Math.floor(clock.now() / 1000);
  const pair = () => {
    serial += 1;
    const token = jwt({
      _id: 'u1',
      roles: 255,
      iat: now(),
      exp: now() + accessTtlSeconds,
      n: serial,
    });
    const refreshToken = jwt({
      _id: 'u1',
      refreshToken: true,
      iat: now(),
      exp: now() + 43_200,
      n: serial,
    });
    live.add(token);
    refreshTokens.add(refreshToken);
    return { token, refreshToken };
  };
  const envelope = (data: unknown) => ({ ts: new Date(clock.now()).toISOString(), uri: HID, data });
  const route = (hit: Hit): Reply => {
    const body = hit.body ? (JSON.parse(hit.body) as Record<string, string>) : {};
    if (hit.path === '/api/v1/auth/login') {
      return body.username === 'admin' && body.password === 'pw'
        ? { status: 200, body: pair() }
        : {
            status: 401,
            body: {
              statusCode: 401,
              error: 'Unauthorized',
              message: 'Invalid username or password',
            },
          };
    }
    if (hit.path === '/api/v1/auth/refresh') {
      // Rotation: a refresh token works once.
      if (!refreshTokens.delete(body.refreshToken ?? ''))
        return { status: 401, body: { message: 'invalid' } };
      return { status: 200, body: pair() };
    }
    const token = hit.auth?.replace(/^Bearer /, '') ?? '';
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}',
    ) as { exp?: number };
    if (!live.has(token) || (claims.exp ?? 0) <= now())
      return { status: 401, body: { message: 'Authorization token expired' } };
    if (hit.method === 'PUT') {
      code = body.licenceCode ?? '';
      return { status: 200, body: envelope({ licenceCode: code }) };
    }
    return {
      status: 200,
      body: envelope({
        licenceCode: code,
        size: 500,
        used: 120,
        isActive: true,
        isValid: true,
        type: 'production',
        objectCount: 12,
        isObjectBased: true,
        pointsPerObject: 10,
        useCustomPointsMap: false,
      }),
    };
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const hit = {
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        auth: req.headers.authorization,
      };
      hits.push(hit);
      const reply = answer?.(hit) ?? route(hit);
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    count: (path: string) => hits.filter((hit) => hit.path === path).length,
    answer: (next: typeof answer) => (answer = next),
    forgetTokens: () => {
      live.clear();
      refreshTokens = new Set();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(options: { accessTtlSeconds?: number; password?: string; url?: string } = {}) {
  const clock = createManualClock(T0);
  const hub = await startHub(clock, options.accessTtlSeconds);
  servers.push(hub);
  const vault: { value?: string; log: string[] } = { log: [] };
  const client = createMobiusFlowClient({
    baseUrl: options.url ?? hub.url,
    http: createAxiosHttpClient({ defaultTimeoutMs: 2_000 }),
    clock,
    hubLabel: '"Plant room"',
    credentials: async () => ({ username: 'admin', password: options.password ?? 'pw' }),
    tokens: {
      get: async () => vault.value,
      set: async (value) => {
        vault.log.push(`set after ${hub.hits.length} requests`);
        vault.value = value;
      },
      clear: async () => void (vault.value = undefined),
    },
  });
  return { clock, hub, vault, client };
}

describe('mobiusflow: when to renew the access token', () => {
  it('uses 80% of the life the token states, and never more than 10 minutes', () => {
    const at = (life: number) => jwt({ iat: 1_000, exp: 1_000 + life });
    expect(accessTokenUseMs(at(60), T0)).toBe(48_000);
    expect(accessTokenUseMs(at(600), T0)).toBe(8 * MINUTE);
    expect(accessTokenUseMs(at(3_600), T0)).toBe(10 * MINUTE); // the docs' sample tokens
  });

  it('assumes the documented 10 minutes when the token says nothing usable', () => {
    expect(accessTokenUseMs('opaque-token', T0)).toBe(8 * MINUTE);
    expect(accessTokenUseMs(jwt({ iat: 5, exp: 5 }), T0)).toBe(8 * MINUTE);
    // exp alone is read against our clock (the hub's may differ: it only plans a renewal).
    expect(accessTokenUseMs(jwt({ exp: T0 / 1000 + 100 }), T0)).toBe(80_000);
  });
});

describe('mobiusflow: sign-in and token refresh on a manual clock', () => {
  it('signs in once, then reuses the access token while it is young', async () => {
    const { client, hub, clock } = await setup();
    const licence = await client.getLicence(HID);
    expect(licence).toMatchObject({ licenceCode: CODE, size: 500, used: 120, reportedAt: T0 });
    await clock.advanceAsync(7 * MINUTE);
    await client.getLicence(HID);
    expect(hub.count('/api/v1/auth/login')).toBe(1);
    expect(hub.count('/api/v1/auth/refresh')).toBe(0);
  });

  it('renews at 80% of a short life through the refresh route, storing the rotated token first', async () => {
    const { client, hub, clock, vault } = await setup({ accessTtlSeconds: 60 });
    await client.getLicence(HID);
    const first = vault.value;
    await clock.advanceAsync(47_000);
    await client.getLicence(HID);
    expect(hub.count('/api/v1/auth/refresh')).toBe(0);
    await clock.advanceAsync(2_000);
    await client.getLicence(HID);
    expect(hub.count('/api/v1/auth/refresh')).toBe(1);
    expect(hub.count('/api/v1/auth/login')).toBe(1);
    expect(vault.value).not.toBe(first);
    // Saved after the refresh answered (request 4) and before the licence request went out.
    expect(vault.log).toEqual(['set after 1 requests', 'set after 4 requests']);
    expect(hub.hits.map((hit) => hit.path).slice(3)).toEqual([
      '/api/v1/auth/refresh',
      `/api/v2/mobius/licence/${HID}`,
    ]);
  });

  it('keeps working across many lifetimes of a 1-hour token, renewing every 10 minutes', async () => {
    const { client, hub, clock } = await setup({ accessTtlSeconds: 3_600 });
    for (let step = 0; step < 7; step++) {
      await client.getLicence(HID);
      await clock.advanceAsync(5 * MINUTE + 1);
    }
    expect(hub.count('/api/v1/auth/login')).toBe(1);
    expect(hub.count('/api/v1/auth/refresh')).toBe(3);
  });

  it('signs in again when the hub refuses the refresh token', async () => {
    const { client, hub, clock } = await setup({ accessTtlSeconds: 60 });
    await client.getLicence(HID);
    hub.forgetTokens(); // the hub restarted with a new secret
    await clock.advanceAsync(MINUTE);
    await expect(client.getLicence(HID)).resolves.toMatchObject({ size: 500 });
    expect(hub.count('/api/v1/auth/refresh')).toBe(1);
    expect(hub.count('/api/v1/auth/login')).toBe(2);
  });

  it('shares one sign-in between many concurrent calls', async () => {
    const { client, hub } = await setup();
    await Promise.all(Array.from({ length: 25 }, () => client.getLicence(HID)));
    expect(hub.count('/api/v1/auth/login')).toBe(1);
    expect(hub.count(`/api/v2/mobius/licence/${HID}`)).toBe(25);
  });

  it('after a 401 drops the token, renews once and retries once', async () => {
    const { client, hub } = await setup();
    await client.getLicence(HID);
    hub.forgetTokens();
    await client.getLicence(HID);
    expect(hub.count('/api/v1/auth/login')).toBe(2);
    expect(hub.count(`/api/v2/mobius/licence/${HID}`)).toBe(3);
  });

  it('gives up after a second 401 with fresh tokens, naming the account', async () => {
    const { client, hub } = await setup();
    hub.answer((hit) => (hit.path.startsWith('/api/v2/') ? { status: 401, body: {} } : undefined));
    const error = await licensingFailure(client.getLicence(HID));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe(
      'Hub "Plant room" refused the account "admin": check the user name and password saved for this hub.',
    );
    expect(hub.count(`/api/v2/mobius/licence/${HID}`)).toBe(2);
  });
});

describe('mobiusflow: refusals and broken answers', () => {
  it('says which account a hub refused for a wrong password, and sends no licence request', async () => {
    const { client, hub } = await setup({ password: 'wrong' });
    const error = await licensingFailure(client.getLicence(HID));
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringMatching(/refused the account "admin"/),
    });
    expect(hub.count(`/api/v2/mobius/licence/${HID}`)).toBe(0);
  });

  it('refuses a malformed hid or code before sending anything', async () => {
    const { client, hub } = await setup();
    for (const call of [
      client.getLicence('00A1F'),
      client.getLicence('../x'),
      client.setLicence(HID, 'not-a-code!'),
      client.setLicence(HID, 'abcdef'),
      client.setLicence('zzzzzz', CODE),
    ]) {
      expect((await licensingFailure(call)).code).toBe('invalid_input');
    }
    expect(hub.hits).toEqual([]);
  });

  it("reads a 400 as invalid input with the hub's words, the code blanked out", async () => {
    const { client, hub } = await setup();
    hub.answer((hit) =>
      hit.method === 'PUT'
        ? {
            status: 400,
            body: {
              statusCode: 400,
              error: 'Bad Request',
              message: `licence ${CODE} already in use\non another device`,
            },
          }
        : undefined,
    );
    const error = await licensingFailure(client.setLicence(HID, CODE));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'Hub "Plant room" refused the new licence code. (The server said: "licence ••• already in use on another device")',
    );
  });

  it('puts a code and returns the echo', async () => {
    const { client, hub } = await setup();
    const next = CODE.replace('c248', 'd248').toUpperCase();
    await expect(client.setLicence(HID, ` ${next} `)).resolves.toEqual({ licenceCode: next });
    expect(JSON.parse(hub.hits.at(-1)?.body ?? '')).toEqual({ licenceCode: next });
  });

  it.each([
    [
      '500',
      { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'boom' } },
      'server_error',
      /internal problem \(HTTP 500\)/,
    ],
    [
      "another hub's answer",
      { status: 200, body: { ts: '2026-01-01T00:00:00Z', uri: '000002', data: {} } },
      'protocol',
      /answered for hub "000002" instead of 00A1F3/,
    ],
    [
      'a negative count',
      { status: 200, body: { ts: '2026-01-01T00:00:00Z', uri: HID, data: { size: -1 } } },
      'protocol',
      /does not understand/,
    ],
    [
      'a zone-less timestamp',
      { status: 200, body: { ts: '2026-01-01T00:00:00', uri: HID, data: {} } },
      'protocol',
      /ts:/,
    ],
    ['a web page', { status: 200, body: '<html>portal</html>' }, 'protocol', /captive portal/],
  ] as const)('maps %s', async (_label, reply, code, message) => {
    const { client, hub } = await setup();
    hub.answer((hit) => (hit.path.startsWith('/api/v2/') ? reply : undefined));
    const error = await licensingFailure(client.getLicence(HID));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('reports an unreachable hub as offline', async () => {
    const { client } = await setup({ url: await refusedUrl() });
    expect((await licensingFailure(client.getLicence(HID))).code).toBe('offline');
  });

  it('stops a hanging call when its signal aborts', async () => {
    const { client, hub } = await setup();
    hub.answer(() => 'hang');
    const controller = new AbortController();
    const call = client.getLicence(HID, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await licensingFailure(call)).code).toBe('timeout');
  });
});
