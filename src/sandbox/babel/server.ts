/*
 * Babel Licensing Service sandbox (CONTRACTS.md section 3; shapes from the vendor's reference page).
 *
 * Protocol decisions the contract leaves open: our ASSUME defaults, agreed with the adapter team.
 * - Routes: POST /v1/license/{activate,deactivate,request,release,heartbeat,validate,info}, JSON in
 *   and out; Content-Type application/json or application/json-patch+json (else 415). Unknown
 *   route -> 404 {code:"NotFound"}; wrong method -> 405.
 * - Auth: `x-api-key` equal to the configured key, or `Authorization: Bearer <token>` when a bearer
 *   token is configured; otherwise 401 {code:"Unauthenticated"}. Checked after routing.
 * - Bad body -> 400 InvalidArgument naming the field: userKey (activate, deactivate, request,
 *   validate, info), licenseToken (release, heartbeat), machineId and clientId everywhere.
 * - Errors are {code,message}: NotFound->404 (LicenseKeyNotFound, TokenNotFound),
 *   PermissionDenied->403 (LicenseRevoked, LicenseExpired, TokenExpired), DataLoss->500
 *   (LicenseTampered, TokenTampered), full pool -> 409 ServerReachedMaxTokenAllowed.
 * - licensingMode: 0 = File, 1 = Activation, 2 = Floating.
 * - Default values are omitted from every reply (IgnoreJSonDefaultValues): false, 0, "", null,
 *   empty arrays, nanos:0. So `{active:false}` goes out as `{}` plus the non-default fields.
 * - Timestamps/durations are {seconds,nanos}; licenseKey is the UTF-8 bytes of a signed XML
 *   document as a JSON array of numbers. Ids: lic+8 HEX, actk_+12, fltk_+12 [a-z0-9].
 * - activate (Activation licence): one token per machineId, idempotent, bounded by maxClientCount
 *   (409). On a Floating licence: verifies the key only, no token, no slot taken.
 * - deactivate: drops this machine's activation token; none -> 404 TokenNotFound.
 * - request (Floating only, else 400): one token per (clientId, machineId), idempotent (asking
 *   again extends it); full pool -> 409 naming active/max.
 * - heartbeat: unknown -> 404 TokenNotFound; other machineId -> 500 TokenTampered; lapsed -> 403
 *   TokenExpired; licence revoked meanwhile -> 200 without `active` and the token is dropped;
 *   otherwise the expiry moves to now + TTL.
 * - release: drops the token; unknown or lapsed -> 404 TokenNotFound. (machineId not checked.)
 * - validate: Activation needs this machine's token (else 404); Floating returns this client's
 *   live seat if any. info lists every live token (with `lastHearbeat`, sic) and works on revoked
 *   or expired licences; everything else refuses them with 403 LicenseRevoked / LicenseExpired.
 * - Lapse is lazy: each request first drops floating tokens whose expiry is <= now by the
 *   injected clock, so no timers run and a manual clock controls it completely.
 * - activeClientCount counts live tokens of the licence's own mode.
 */
import { withAdmin, revokeAction } from '../admin';
import { withFaults, type FaultController } from '../faults';
import { listen } from '../http-server';
import { createLicenceSigner } from './licence-document';
import { createBabelProtocol } from './protocol';
import { demoSeed, parseBabelSeed, type BabelSeed } from './seed';
import { createBabelState } from './state';

export type { BabelSeed } from './seed';

export interface BabelSandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Default: the vendor's documented demo key format api_{token:24}. */
  apiKey?: string;
  /** When set, `Authorization: Bearer <it>` is also accepted (either credential suffices). */
  bearerToken?: string;
  /** Default: the demo seed file. */
  seed?: BabelSeed;
  /** Default Date.now; tests pass a manual clock to make tokens lapse. */
  clock?: { now(): number };
  /** Server setting Licensing.HeartbeatInterval; default 300. */
  heartbeatIntervalSeconds?: number;
  /** A floating token lapses this long after issue/last heartbeat; default 2 x heartbeat interval. */
  floatingTokenTtlSeconds?: number;
}

export interface BabelSandbox {
  /** e.g. http://127.0.0.1:43121 (no trailing slash) */
  readonly url: string;
  readonly port: number;
  readonly apiKey: string;
  readonly faults: FaultController;
  /** Counts of live tokens per licence, for tests: { [userKey]: { activation: n, floating: n } } */
  poolCounts(): Record<string, { activation: number; floating: number }>;
  /** Revokes (or reinstates) a licence as the vendor would from its web console. */
  setRevoked(userKey: string, revoked: boolean): void;
  close(): Promise<void>;
}

export const DEFAULT_BABEL_API_KEY = 'api_u3o7i1au2wycki8awj1kdmp8';

function positiveSeconds(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of seconds`);
  return value;
}

export async function startBabelSandbox(options: BabelSandboxOptions = {}): Promise<BabelSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const apiKey = options.apiKey ?? DEFAULT_BABEL_API_KEY;
  const heartbeatIntervalSeconds = positiveSeconds(
    'heartbeatIntervalSeconds',
    options.heartbeatIntervalSeconds ?? 300,
  );
  const ttlSeconds = positiveSeconds(
    'floatingTokenTtlSeconds',
    options.floatingTokenTtlSeconds ?? 2 * heartbeatIntervalSeconds,
  );
  const seed = options.seed === undefined ? demoSeed() : parseBabelSeed(options.seed);
  const state = createBabelState(
    seed,
    clock.now(),
    { heartbeatIntervalMs: heartbeatIntervalSeconds * 1000, floatingTokenTtlMs: ttlSeconds * 1000 },
    createLicenceSigner(),
  );

  const protocol = createBabelProtocol({
    state,
    clock,
    apiKey,
    bearerToken: options.bearerToken,
    heartbeatIntervalSeconds,
    floatingTokenTtlMs: ttlSeconds * 1000,
  });
  const faultLayer = withFaults(protocol);
  const revoke = revokeAction('userKey', (key, revoked) => state.setRevoked(key, revoked), {
    code: 'LicenseKeyNotFound',
    message: 'No licence has this user key.',
  });

  const handler = withAdmin(
    {
      faults: faultLayer.controller,
      state: () => state.poolCounts(clock.now()),
      actions: { revoke },
    },
    faultLayer.handler,
  );
  const server = await listen(handler, options.host ?? '127.0.0.1', options.port ?? 0);

  return {
    url: server.url,
    port: server.port,
    apiKey,
    faults: faultLayer.controller,
    poolCounts: () => state.poolCounts(clock.now()),
    setRevoked(userKey, revoked) {
      if (!state.setRevoked(userKey, revoked))
        throw new Error(`No seeded licence has key ${userKey}`);
    },
    close: () => server.close(),
  };
}
