import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../../src/main/http/http-client';
import { createEnirisClient } from '../../src/main/licensing/backends/eniris';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import {
  createFakeEniris,
  createMemoryVault,
  DAY,
  fastify,
  PASSWORD,
  setup,
  T0,
  USERNAME,
} from './eniris-fake-api';

/** Sign-in and sign-out (contract §4.2): what is sent, what is stored, what each refusal means. */

const LOOPBACK = 'http://127.0.0.1:9';

describe('eniris client: login', () => {
  it('posts the credentials as JSON and stores the text/plain refresh token with its issue time', async () => {
    const { client, server, peek } = await setup();
    await client.login(`  ${USERNAME} `, PASSWORD);
    expect(server.sent[0]).toMatchObject({
      method: 'POST',
      url: 'https://authentication.eniris.example/auth/login',
      body: { username: USERNAME, password: PASSWORD },
    });
    expect(server.sent[0]?.headers?.Authorization).toBeUndefined();
    expect(peek()).toEqual({ token: 'rt.1', issuedAt: T0 });
    expect(await client.isSignedIn()).toBe(true);
  });

  it('takes the token verbatim, without the trailing newline some servers add', async () => {
    const { client, server, peek } = await setup();
    server.override(() => ({ status: 200, text: 'eyJhbGciOiJIUzI1NiJ9.e30.sig\n' }));
    await client.login(USERNAME, PASSWORD);
    expect(peek()?.token).toBe('eyJhbGciOiJIUzI1NiJ9.e30.sig');
  });

  it.each([
    ['a JSON object', { status: 200, body: { refreshToken: 'rt' } }, /data \(JSON\)/],
    [
      'a JSON string',
      { status: 200, text: '"rt"', headers: { 'content-type': 'application/json' } },
      /data \(JSON\)/,
    ],
    ['an empty body', { status: 200 }, /an empty reply/],
    ['a blank body', { status: 200, text: '  \n' }, /an empty reply/],
    ['a web page', { status: 200, text: '<html><body>Log in to Wi-Fi</body></html>' }, /web page/],
    ['text with spaces', { status: 200, text: 'not a token at all' }, /not a token/],
  ])('refuses %s where the token should be, as a protocol error', async (_, reply, message) => {
    const { client, server, peek } = await setup();
    server.override(() => reply);
    const error = await licensingFailure(client.login(USERNAME, PASSWORD));
    expect(error.code).toBe('protocol');
    expect(error.message).toMatch(message);
    expect(peek()).toBeUndefined();
  });

  it.each([
    ['', PASSWORD, /Enter your Eniris username/],
    ['   ', PASSWORD, /Enter your Eniris username/],
    [USERNAME, '', /Enter your Eniris password/],
    ['a\u0000b', PASSWORD, /control characters/],
    ['u'.repeat(257), PASSWORD, /at most 256/],
    [USERNAME, 'p'.repeat(257), /at most 256/],
  ])('refuses username %j / a bad password before sending', async (username, password, message) => {
    const { client, server } = await setup();
    const error = await licensingFailure(client.login(username, password));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(server.sent).toHaveLength(0);
  });

  it('accepts credentials of exactly 256 characters, and keeps spaces in passwords', async () => {
    const { client, server } = await setup();
    server.override(() => ({ status: 200, text: 'rt.x' }));
    await client.login('u'.repeat(256), ` ${'p'.repeat(254)} `);
    expect(server.sent[0]?.body).toEqual({
      username: 'u'.repeat(256),
      password: ` ${'p'.repeat(254)} `,
    });
  });

  it('maps a wrong password to invalid_credentials and keeps an earlier session', async () => {
    const { client, peek } = await setup({ signedIn: true });
    const error = await licensingFailure(client.login(USERNAME, 'wrong'));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toMatch(/did not accept this username and password/);
    expect(error.message).not.toContain('wrong');
    expect(peek()?.token).toBe('rt.1');
  });

  it('maps TOO_MANY_FAILED_PASSWORD_CHECKS to rate_limited with the wait from the body', async () => {
    const { client, server } = await setup();
    server.override(() =>
      fastify(429, 'Too many requests', 'TOO_MANY_FAILED_PASSWORD_CHECKS', { retryAfter: 300 }),
    );
    const error = await licensingFailure(client.login(USERNAME, PASSWORD));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(300);
    expect(error.message).toBe(
      'There were too many failed sign-in attempts for this Eniris account. Try again in 5 minutes.',
    );
    expect(server.sent).toHaveLength(1);
  });

  it.each([
    [
      fastify(400, 'Bad Request', "body must have required property 'username'"),
      'invalid_input',
      /required property 'username'/,
    ],
    [
      fastify(500, 'Internal Server Error', 'NO_PASSWORD_INFO'),
      'invalid_credentials',
      /no password for this account/,
    ],
    [fastify(503, 'Service Unavailable', 'down'), 'server_error', /HTTP 503/],
    [{ status: 302, headers: { location: 'https://x' } }, 'protocol', /redirected/],
    [
      { status: 404, body: { message: 'Route POST:/auth/login not found' } },
      'protocol',
      /does not offer/,
    ],
  ] as const)('maps a refused login (%#) to %s', async (reply, code, message) => {
    const { client, server } = await setup();
    server.override(() => reply);
    const error = await licensingFailure(client.login(USERNAME, PASSWORD));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('eniris client: logout', () => {
  it('revokes the refresh token on the server and clears the vault', async () => {
    const { client, server, events } = await setup({ signedIn: true });
    await client.logout();
    expect(events).toEqual(['vault.clear', 'POST /auth/logout']);
    expect(server.sent[0]?.headers?.Authorization).toBe('Bearer rt.1');
    expect(await client.isSignedIn()).toBe(false);
  });

  it.each([401, 503])('treats a %i on logout as done: signed out locally', async (status) => {
    const { client, server, peek } = await setup({ signedIn: true });
    server.override(() => fastify(status, 'x', 'NO_TOKEN_PROVIDED'));
    await client.logout();
    expect(peek()).toBeUndefined();
  });

  it('signs out locally at once, even when the network is down or the server hangs', async () => {
    for (const outcome of ['offline', 'hang'] as const) {
      const clock = createManualClock(T0);
      const { vault, peek } = createMemoryVault();
      const server = createFakeEniris(clock);
      const http: HttpClient = {
        request: (request) => {
          if (!request.url.endsWith('/auth/logout')) return server.http.request(request);
          if (outcome === 'hang') return new Promise(() => undefined);
          return Promise.reject(new LicensingError('offline', 'Cannot reach the server.'));
        },
      };
      const client = createEnirisClient({
        authUrl: LOOPBACK,
        apiUrl: LOOPBACK,
        clock,
        vault,
        http,
      });
      await client.login(USERNAME, PASSWORD);
      const done = client.logout();
      if (outcome === 'offline') await expect(done).resolves.toBeUndefined();
      else await clock.flush();
      expect(peek()).toBeUndefined();
      expect(await client.isSignedIn()).toBe(false);
    }
  });

  it('does not call the server for a token older than 14 days, nor when signed out', async () => {
    const { client, server, clock } = await setup({ signedIn: true });
    await clock.advanceAsync(14 * DAY + 1);
    await client.logout();
    await client.logout();
    expect(server.sent).toHaveLength(0);
  });
});
