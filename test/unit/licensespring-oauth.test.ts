import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/main/http/http-client';
import { createLsApi } from '../../src/main/licensing/backends/licensespring-api';
import {
  createOAuthTokenSource,
  RENEW_AT_FRACTION,
} from '../../src/main/licensing/backends/licensespring-oauth';
import { createResponseVerifier } from '../../src/main/licensing/backends/licensespring-verify';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';

/**
 * OAuth client credentials (contract §5.3) on a manual clock: one token in memory, renewed at
 * 80% of expires_in, one request shared by concurrent callers, one renewal and retry on a 401.
 */

const TOKEN_URL = 'https://auth.example/realms/user-portal/protocol/openid-connect/token';
const SECRET = 'client-secret-value-42';
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const LIFETIME_S = 480;

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
  rawBody: JSON.stringify(body),
});

/** A token endpoint (and, for API tests, one API route) answering from a script. */
function fakeServer(api?: (req: HttpRequest, n: number) => HttpResponse) {
  const sent: HttpRequest[] = [];
  let issued = 0;
  let tokenReply: (() => HttpResponse) | undefined;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const http: HttpClient = {
    async request(req) {
      sent.push(req);
      if (req.url !== TOKEN_URL) return api ? api(req, sent.length) : json(404, {});
      if (gate) await gate;
      if (tokenReply) return tokenReply();
      issued += 1;
      return json(200, {
        access_token: `tok-${issued}`,
        expires_in: LIFETIME_S,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: 'profile email',
      });
    },
  };
  return {
    http,
    sent,
    tokenRequests: () => sent.filter((r) => r.url === TOKEN_URL).length,
    answerTokens: (reply: (() => HttpResponse) | undefined) => (tokenReply = reply),
    hold: () => (gate = new Promise<void>((resolve) => (release = resolve))),
    letGo: () => {
      gate = undefined;
      release?.();
    },
  };
}

function setup() {
  const clock = createManualClock(T0);
  const server = fakeServer();
  const tokens = createOAuthTokenSource({
    tokenUrl: TOKEN_URL,
    clientId: 'license-manager',
    clientSecret: SECRET,
    http: server.http,
    clock,
  });
  return { clock, server, tokens };
}

describe('licensespring oauth token', () => {
  it('asks with a client-credentials form and caches the token in memory', async () => {
    const { server, tokens, clock } = setup();
    expect(await tokens.token()).toBe('tok-1');
    clock.advance(60_000);
    expect(await tokens.token()).toBe('tok-1');
    expect(server.sent).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: TOKEN_URL,
        form: {
          grant_type: 'client_credentials',
          client_id: 'license-manager',
          client_secret: SECRET,
        },
      }),
    ]);
  });

  it('renews at 80% of expires_in by the injected clock, before the token can lapse', async () => {
    const { server, tokens, clock } = setup();
    await tokens.token();
    const renewAt = LIFETIME_S * 1000 * RENEW_AT_FRACTION;
    clock.advance(renewAt - 1);
    expect(await tokens.token()).toBe('tok-1');
    clock.advance(1);
    expect(await tokens.token()).toBe('tok-2');
    expect(server.tokenRequests()).toBe(2);
  });

  it('fetches afresh when the clock was turned back', async () => {
    const { server, tokens, clock } = setup();
    await tokens.token();
    clock.setSystemTime(T0 - 3_600_000);
    expect(await tokens.token()).toBe('tok-2');
    expect(server.tokenRequests()).toBe(2);
  });

  it('shares one token request between concurrent callers', async () => {
    const { server, tokens } = setup();
    server.hold();
    const waiting = Array.from({ length: 20 }, () => tokens.token());
    server.letGo();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['tok-1']));
    expect(server.tokenRequests()).toBe(1);
  });

  it('hands a failed request to every waiter, then tries again on the next call', async () => {
    const { server, tokens } = setup();
    server.answerTokens(() => json(503, { error: 'unavailable' }));
    const results = await Promise.allSettled([tokens.token(), tokens.token(), tokens.token()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(server.tokenRequests()).toBe(1);
    server.answerTokens(undefined);
    expect(await tokens.token()).toBe('tok-1');
  });

  it('forgets a refused token, but not a newer one', async () => {
    const { tokens } = setup();
    const first = await tokens.token();
    tokens.discard(first);
    const second = await tokens.token();
    expect(second).toBe('tok-2');
    tokens.discard(first);
    expect(await tokens.token()).toBe(second);
  });

  it.each([
    [400, { error: 'unauthorized_client', error_description: `Bad secret ${SECRET}` }],
    [401, { error: 'invalid_client', error_description: 'Invalid client credentials' }],
  ])('turns a %i refusal into a configuration error without the secret', async (status, body) => {
    const { server, tokens } = setup();
    server.answerTokens(() => json(status, body));
    const error = await licensingFailure(tokens.token());
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/refused this application's OAuth client id or secret/);
    expect(error.message).not.toContain(SECRET);
  });

  it.each([
    ['a web page', { status: 200, headers: {}, body: '<html>portal</html>', rawBody: '' }],
    ['no token', json(200, { expires_in: 480 })],
    ['a non-bearer token', json(200, { access_token: 'x', expires_in: 480, token_type: 'mac' })],
    ['no lifetime', json(200, { access_token: 'x' })],
  ])('refuses %s as a protocol error', async (_, reply) => {
    const { server, tokens } = setup();
    server.answerTokens(() => reply);
    expect((await licensingFailure(tokens.token())).code).toBe('protocol');
  });

  it('passes 5xx and 429 on as retryable errors', async () => {
    const { server, tokens } = setup();
    server.answerTokens(() => json(429, {}, { 'retry-after': '30' }));
    expect(await licensingFailure(tokens.token())).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
    });
  });
});

describe('licensespring api with oauth: a 401 from the API', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signed = (body: unknown): HttpResponse => {
    const raw = JSON.stringify(body);
    return json(200, body, {
      licensesignature: sign('sha256', Buffer.from(raw), privateKey).toString('base64'),
    });
  };
  const invalidToken = json(401, { status: 401, code: 'invalid_token', message: 'Token expired' });
  const product = { product_name: 'P', short_code: 'p', authorization_method: 'license-key' };

  function apiWith(route: (req: HttpRequest) => HttpResponse) {
    const server = fakeServer(route);
    const api = createLsApi({
      baseUrl: 'https://api.example',
      productCode: 'p',
      hardwareId: 'hw',
      userProduct: false,
      auth: { kind: 'oauth', tokenUrl: TOKEN_URL, clientId: 'c', clientSecret: SECRET },
      verifier: createResponseVerifier(
        publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ),
      http: server.http,
      clock: createManualClock(T0),
    });
    return { api, server };
  }

  it('forces one renewal and one retry with the new token', async () => {
    const { api, server } = apiWith((req) =>
      req.headers?.Authorization === 'Bearer tok-1' ? invalidToken : signed(product),
    );
    const reply = await api.send({ operation: 'product', params: {}, secrets: [] });
    expect(reply.response.body).toEqual(product);
    expect(server.sent.map((r) => r.headers?.Authorization ?? 'token request')).toEqual([
      'token request',
      'Bearer tok-1',
      'token request',
      'Bearer tok-2',
    ]);
    // Date goes with OAuth requests too, as the official SDK sends it.
    expect(server.sent[1]?.headers?.Date).toBe(new Date(T0).toUTCString());
  });

  it('gives up after that one retry, with a message that does not blame the person', async () => {
    const { api, server } = apiWith(() => invalidToken);
    const error = await licensingFailure(
      api.send({ operation: 'product', params: {}, secrets: [] }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/even right after renewing it/);
    expect(server.tokenRequests()).toBe(2);
    expect(server.sent).toHaveLength(4);
  });
});
