/*
 * Eniris (Sofar-branded) licence API sandbox: the auth service and the licence API on one
 * loopback server (CONTRACTS.md section 4; payloads from the vendor's reference page).
 *
 * Protocol decisions the contract leaves open: our ASSUME defaults.
 * - One server, two services: /auth/* is authentication.eniris.be, /v1/* is api.eniris.be; a
 *   client configured with authUrl = apiUrl = `url` reaches both.
 * - Errors are always Fastify's {statusCode, error, message} (+ retryAfter on 429). Unknown route
 *   or wrong method -> 404 "Route GET:/x not found" (Fastify has no 405). Bodies must be JSON
 *   (else 415); an empty JSON body -> 400; bodies over 64 KiB -> 413.
 * - Auth service messages: ajv's ("body must have required property 'username'", "body/username
 *   must NOT have more than 256 characters", "body/username must be string"; no type coercion).
 *   API 400s always read "Missing or misformatted query parameter or body"; unknown properties are
 *   ignored, as Fastify's removeAdditional does.
 * - Login: unknown username -> 401 PASSWORD_INCORRECT (no account probing); a user without a
 *   password -> 500 NO_PASSWORD_INFO (not counted as a failure). maxFailedLogins consecutive
 *   failures for one username lock it for failedLoginLockoutSeconds: every login for it, even a
 *   correct one, answers 429 TOO_MANY_FAILED_PASSWORD_CHECKS with retryAfter (seconds left, >= 1)
 *   and a Retry-After header. A success resets the count. The `cookie` query param is ignored.
 * - Tokens are JWT-shaped (header.payload.signature, payload {sub, typ, iat, exp, jti}) but opaque
 *   to the server: looked up, never signature-checked. Refresh: 14 d; access: 10 min. A refresh
 *   token is refused where an access token is expected and vice versa (401 "Failed to verify
 *   token"). Missing header or a non-Bearer scheme -> 401 NO_TOKEN_PROVIDED; a bearer over 4096
 *   characters on /auth/* -> 400 "id_token is too long".
 * - GET /auth/refreshtoken issues a new refresh token and does NOT revoke the old one: it stays
 *   valid until its own expiry. Logout revokes only the presented refresh token; access tokens
 *   already issued from it live out their 10 minutes (stateless JWTs on the real service).
 * - GET /auth/accesstoken/validate (Bearer access) -> {userId}, mirroring the refresh variant.
 * - Order on the API: token (401) -> body/query (400) -> existence (404) -> rights (403) -> action.
 * - Rights: a per-user allow-list of customers; a user may act on licences of those customers and
 *   on their controllers. 403 "User does not have sufficient rights" on all four routes (the
 *   contract lists 403 for activate and customer only; we apply the same rule to claim and
 *   controller). Claim needs rights on both the licence's and the controller's customer.
 * - duration is in days: a licence runs from activationDate to activationDate + duration days.
 *   The API never refuses anything for being expired or deactivated; clients judge that.
 * - activate sets activationDate to activationIso (ISO-8601 with Z or offset) or now. Activating a
 *   licence that already has an activationDate (running, expired or deactivated) is an idempotent
 *   200 with the licence unchanged. Claim and activate may happen in either order.
 * - claim links the licence to one controller. Claiming it again for the same controller is an
 *   idempotent 200; for a different controller -> 400 "License is already claimed by another
 *   controller". Many licences may share one controller.
 * - includeDatalinks accepts "true" or "false" only (else 400); datalinks are the datalinkId
 *   uuids of the controllers a licence is claimed for ([] when unclaimed).
 * - Date-times go out at second precision, "2019-08-24T14:15:22Z", like the vendor's sample.
 * - Lapse is lazy: tokens and lockouts are judged against the injected clock per request.
 */
import { withAdmin, type AdminAction } from '../admin';
import { withFaults, type FaultController } from '../faults';
import { listen } from '../http-server';
import { authRoutes } from './auth-routes';
import type { EnirisContext, EnirisCounters } from './context';
import { licenceRoutes } from './licence-routes';
import { createEnirisProtocol } from './protocol';
import type { EnirisDemo } from './seed-roles';
import { enirisDemoSeed, parseEnirisSeed, type EnirisSeed } from './seed';
import { createEnirisState, type EnirisLicenceRecord } from './state';
import { createLoginThrottle, createTokenStore } from './tokens';
import { fastifyErrorBody, licenceView } from './wire';

export type { EnirisSeed } from './seed';
export type { EnirisDemo } from './seed-roles';
export type { EnirisLicenceRecord } from './state';

export interface EnirisSandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Default Date.now; tests pass a manual clock to expire tokens and lockouts. */
  clock?: { now(): number };
  /** Default: src/sandbox/eniris/demo-seed.json. Validated either way. */
  seed?: EnirisSeed;
  /** Default 600 (10 min, as documented). */
  accessTokenTtlSeconds?: number;
  /** Default 14 days, as documented. */
  refreshTokenTtlSeconds?: number;
  /** Consecutive wrong passwords before 429 TOO_MANY_FAILED_PASSWORD_CHECKS; default 5. */
  maxFailedLogins?: number;
  /** How long the 429 lasts; default 300. */
  failedLoginLockoutSeconds?: number;
}

export interface EnirisSandbox {
  /** Both authUrl and apiUrl, e.g. http://127.0.0.1:43121 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  /** For tests: how many access tokens and refresh-token renewals were issued (single-flight checks). */
  counters(): EnirisCounters;
  /** A snapshot of a licence, for assertions. */
  licence(key: string): EnirisLicenceRecord | undefined;
  close(): Promise<void>;
}

/** The demo credentials, keys, controllers and customers (roles checked when the seed loads). */
export function enirisDemo(): EnirisDemo {
  const demo = enirisDemoSeed().demo;
  if (!demo) throw new Error('The Eniris demo seed has no "demo" section');
  return demo;
}

function positive(name: string, value: number, integer = false): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

export async function startEnirisSandbox(
  options: EnirisSandboxOptions = {},
): Promise<EnirisSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const seconds = (name: keyof EnirisSandboxOptions, value: number | undefined, fallback: number) =>
    positive(name, value ?? fallback) * 1000;
  const accessMs = seconds('accessTokenTtlSeconds', options.accessTokenTtlSeconds, 600);
  const refreshMs = seconds('refreshTokenTtlSeconds', options.refreshTokenTtlSeconds, 14 * 86_400);
  const lockoutMs = seconds('failedLoginLockoutSeconds', options.failedLoginLockoutSeconds, 300);
  const maxFailed = positive('maxFailedLogins', options.maxFailedLogins ?? 5, true);
  const seed = options.seed === undefined ? enirisDemoSeed() : parseEnirisSeed(options.seed);

  const ctx: EnirisContext = {
    state: createEnirisState(seed, clock.now()),
    tokens: createTokenStore({ access: accessMs, refresh: refreshMs }),
    throttle: createLoginThrottle(maxFailed, lockoutMs),
    clock,
    counters: { logins: 0, accessTokens: 0, refreshRenewals: 0, logouts: 0 },
  };
  // Injected 5xx/429 answer in the Fastify envelope too, with `retryAfter` in the body as on login.
  const faultLayer = withFaults(createEnirisProtocol([...authRoutes(ctx), ...licenceRoutes(ctx)]), {
    errorBody: (status, message, retryAfter) =>
      fastifyErrorBody(status, message, retryAfter === undefined ? {} : { retryAfter }),
  });

  // The vendor's console can end a licence; a client must then show it as deactivated.
  const deactivate: AdminAction = (body) => {
    const key =
      typeof body === 'object' && body !== null ? (body as { key?: unknown }).key : undefined;
    const licence = typeof key === 'string' ? ctx.state.licence(key) : undefined;
    if (!licence) {
      return {
        status: 404,
        body: { code: 'NotFound', message: 'Send {"key": <a seeded licence key>}' },
      };
    }
    ctx.state.deactivate(licence, clock.now());
    return { status: 200, body: { license: licenceView(licence) } };
  };
  // "The vendor ended every session": the client's next token call gets 401 and must log in again.
  const revokeTokens: AdminAction = () => ({
    status: 200,
    body: { revoked: ctx.tokens.revokeAll() },
  });
  const handler = withAdmin(
    {
      faults: faultLayer.controller,
      state: () => ({
        counters: { ...ctx.counters },
        liveTokens: ctx.tokens.liveCount(clock.now()),
        licenses: ctx.state
          .allLicences()
          .map((l) => ({ ...licenceView(l), customerId: l.customerId, nodeId: l.nodeId })),
      }),
      actions: { deactivate, 'revoke-tokens': revokeTokens },
    },
    faultLayer.handler,
  );
  const server = await listen(handler, options.host ?? '127.0.0.1', options.port ?? 0);

  return {
    url: server.url,
    port: server.port,
    faults: faultLayer.controller,
    counters: () => ({ ...ctx.counters }),
    licence: (key) => {
      const found = ctx.state.licence(key);
      return found ? { ...found } : undefined;
    },
    close: () => server.close(),
  };
}
