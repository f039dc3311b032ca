import type { HttpClient, HttpRequest, HttpResponse } from '../../src/main/http/http-client';
import {
  createEnirisClient,
  type EnirisClient,
  type RefreshTokenVault,
} from '../../src/main/licensing/backends/eniris';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * An in-memory Eniris for the client's unit tests, written from the contract (§4): text/plain
 * tokens with their lifetimes on a manual clock, Fastify error envelopes, and the licence routes.
 * A test replaces any answer with `override`. Real sockets are the integration suite's job.
 */

export const USERNAME = 'installer@example.com';
export const PASSWORD = 'correct horse battery';
export const FREE_KEY = 'ENI-FREE-0001';
export const NODE_ID = 'node-7f3a';
export const CUSTOMER_ID = '2b1f0c8e-5d4a-4c3b-9a2f-0e1d2c3b4a59';
export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  /** A text/plain body (tokens). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const fastify = (status: number, error: string, message: string, extra = {}): FakeReply => ({
  status,
  body: { statusCode: status, error, message, ...extra },
});

export const wireLicence = (key: string, overrides: Record<string, unknown> = {}) => ({
  id: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
  key,
  gridKw: null,
  solarKw: 6.5,
  batteryKw: null,
  evKw: null,
  creationDate: '2019-08-24T14:15:22Z',
  activationDate: null,
  duration: 365,
  deactivationDate: null,
  type: 'residential',
  ...overrides,
});

type Override = (request: HttpRequest, path: string) => FakeReply | undefined;

export function createMemoryVault(events: string[] = []) {
  let value: { token: string; issuedAt: number } | undefined;
  const vault: RefreshTokenVault = {
    get: async () => value,
    set: async (next) => {
      events.push(`vault.set ${next.token}`);
      value = next;
    },
    clear: async () => {
      events.push('vault.clear');
      value = undefined;
    },
  };
  return { vault, peek: () => value };
}

export function createFakeEniris(clock: ManualClock, events: string[] = []) {
  const sent: HttpRequest[] = [];
  const overrides: Override[] = [];
  const refreshTokens = new Map<string, number>(); // token → issued at
  const accessTokens = new Map<string, number>(); // token → expires at
  const activations = new Map<string, string>(); // key → activationDate
  let serial = 0;

  const bearer = (request: HttpRequest): string =>
    (request.headers?.Authorization ?? '').replace(/^Bearer /, '');
  const refreshValid = (token: string): boolean => {
    const issued = refreshTokens.get(token);
    return issued !== undefined && clock.now() - issued < 14 * DAY;
  };
  const issueRefresh = (): FakeReply => {
    const token = `rt.${++serial}`;
    refreshTokens.set(token, clock.now());
    return { status: 200, text: token };
  };
  const unauthorized = fastify(401, 'Unauthorized', 'Failed to verify token');

  function route(request: HttpRequest, path: string): FakeReply {
    const body = (request.body ?? {}) as Record<string, unknown>;
    switch (`${request.method} ${path}`) {
      case 'POST /auth/login':
        return body.username === USERNAME && body.password === PASSWORD
          ? issueRefresh()
          : fastify(401, 'Unauthorized', 'PASSWORD_INCORRECT');
      case 'GET /auth/accesstoken': {
        if (!refreshValid(bearer(request))) return unauthorized;
        const token = `at.${++serial}`;
        accessTokens.set(token, clock.now() + 10 * MINUTE);
        return { status: 200, text: token };
      }
      case 'GET /auth/refreshtoken':
        return refreshValid(bearer(request)) ? issueRefresh() : unauthorized;
      case 'POST /auth/logout':
        return refreshTokens.delete(bearer(request)) ? { status: 204 } : unauthorized;
    }
    if (!((accessTokens.get(bearer(request)) ?? 0) > clock.now())) return unauthorized;
    return licenceRoute(request, path, body);
  }

  function licenceRoute(request: HttpRequest, path: string, body: Record<string, unknown>) {
    const notFound = fastify(404, 'Not Found', 'Resource not found');
    if (path === '/v1/license/activate') {
      if (body.key !== FREE_KEY) return notFound;
      const date =
        activations.get(FREE_KEY) ?? String(body.activationIso ?? '2026-01-15T09:00:00Z');
      activations.set(FREE_KEY, date);
      return {
        status: 200,
        body: { success: true, license: wireLicence(FREE_KEY, { activationDate: date }) },
      };
    }
    if (path === '/v1/license/claim') {
      if (body.licenseKey !== FREE_KEY) return notFound;
      return {
        status: 200,
        body: { success: true, license: { id: 'lic-1', key: FREE_KEY, nodeId: body.nodeId } },
      };
    }
    const withLinks = request.url.endsWith('?includeDatalinks=true');
    if (
      path === `/v1/license/controller/${NODE_ID}` ||
      path === `/v1/license/customer/${CUSTOMER_ID}`
    ) {
      const licence = wireLicence(FREE_KEY, withLinks ? { datalinks: ['d-1', 'd-2'] } : {});
      return { status: 200, body: { licenses: [licence] } };
    }
    return notFound;
  }

  const http: HttpClient = {
    async request(request): Promise<HttpResponse> {
      sent.push(request);
      const url = new URL(request.url);
      events.push(`${request.method} ${url.pathname}`);
      // A real network answers later: concurrent callers must be able to pile up meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      let reply: FakeReply | undefined;
      for (const override of overrides) reply ??= override(request, url.pathname);
      reply ??= route(request, url.pathname);
      const json = reply.body !== undefined;
      const rawBody = reply.text ?? (json ? JSON.stringify(reply.body) : '');
      return {
        status: reply.status,
        headers: {
          ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
          ...(reply.text === undefined ? {} : { 'content-type': 'text/plain; charset=utf-8' }),
          ...reply.headers,
        },
        body: json ? reply.body : rawBody === '' ? undefined : rawBody,
        rawBody,
      };
    },
  };

  return {
    http,
    sent,
    /** Takes precedence over the built-in routes while it returns a reply. */
    override: (fn: Override) => overrides.push(fn),
    count: (path: string) => sent.filter((r) => new URL(r.url).pathname === path).length,
    /** What a server restart does to in-memory access tokens. */
    forgetAccessTokens: () => accessTokens.clear(),
  };
}

/** A client on the fake, optionally signed in already. */
export async function setup(options: { signedIn?: boolean } = {}) {
  const clock = createManualClock(T0);
  const events: string[] = [];
  const server = createFakeEniris(clock, events);
  const { vault, peek } = createMemoryVault(events);
  const client: EnirisClient = createEnirisClient({
    authUrl: 'https://authentication.eniris.example/',
    apiUrl: 'https://api.eniris.example',
    http: server.http,
    clock,
    vault,
  });
  if (options.signedIn) await client.login(USERNAME, PASSWORD);
  events.length = 0;
  server.sent.length = 0;
  return { clock, events, server, vault, peek, client };
}
