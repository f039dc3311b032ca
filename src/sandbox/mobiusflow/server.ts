/*
 * MobiusFlow hub sandbox engine: one process emulating many on-prem MobiusFlow hubs, each with the
 * Engine API's v1 auth routes and the v2 licence routes (CONTRACTS.md section 1; payloads from
 * the vendor's Licence reference page).
 *
 * Protocol decisions the contract leaves open: our ASSUME defaults.
 * Addressing
 * - One shared listener; each hub's base URL is `${url}/hubs/{hid}` (hid as seeded) and serves
 *   /api/v1/auth/login, /api/v1/auth/refresh and /api/v2/mobius/licence/{hid} below it. An unknown
 *   hid there, or a path outside /hubs/, -> 404 in the Fastify envelope.
 * - portPerHub (at most 100 hubs): each hub also gets its own listener (port+1+i when `port` is
 *   set, else ephemeral) serving the bare vendor paths; its baseUrl is that origin. Admin routes
 *   stay on `url` only.
 * - No seed, no hubs, no faultRate -> the demo seed (12 hubs). hubs or faultRate -> a generated
 *   fleet (default 12 hubs).
 * Auth
 * - Tokens are HS256 JWTs signed per hub (key = HMAC of a random engine secret, the hid and a
 *   generation) and checked by signature, shape and exp against the injected clock. Access
 *   {_id, roles, iat, exp} (roles 255, the vendor's sample, unless lowered); refresh {_id, refreshToken: true, iat, exp, jti} (jti is ours:
 *   it keeps a rotated token different from its predecessor within the same second). iat/exp are
 *   whole seconds; a token is live while now < exp * 1000. A hub's token on another hub -> 401.
 * - TTLs: access 600 s (the docs' 10 min, not the samples' 1 h), refresh 43,200 s.
 * - One account per hub. Wrong username or password -> 401 "Invalid username or password" (one
 *   message, no account probing); no lockout. Bodies: not an object / missing field / not a string
 *   -> 400 in ajv wording; non-JSON content type -> 415; broken JSON -> 400.
 * - Refresh rotates: the presented refresh token is spent (401 on reuse); access tokens already
 *   issued stay valid until their exp (stateless JWTs). An access token used as a refresh token,
 *   or the other way round -> 401.
 * - Bearer 401s copy @fastify/jwt's wording: no header, not "Bearer <token>", invalid (bad
 *   signature, other hub, wrong kind, expired-by-admin), expired.
 * - Roles: each account has the admin's 255 until setAccountRoles (or admin account-roles) lowers
 *   it; a token carries the roles its account had at sign-in. The bit layout is undocumented, so
 *   a PUT licence needs all 255: otherwise 403 "Missing role: …" (after body schema validation,
 *   as a preHandler hook would answer). GET needs only a live token.
 * - Admin expire-tokens starts a new key generation for the hub: its old access tokens (and with
 *   refresh: true its refresh tokens) answer 401 "invalid", as after a hub restart with a new secret.
 * Licence
 * - Check order (Fastify lifecycle): Bearer 401 -> PUT body parsing -> hid pattern 400 -> body
 *   schema 400 -> foreign hid 400 -> code format 400 -> code in use 400.
 * - A well-formed hid of another hub -> 400 "hid X is not this hub (Y)"; with foreignHid
 *   'answer-own' a hub instead ignores the path's hid and answers (GET and PUT) for itself, its
 *   own hid as `uri`: the real answer is unknown (contract 1.5). hids match in any case;
 *   `uri` echoes the hub's hid as seeded. `ts` is the injected clock, ISO-8601 with milliseconds.
 * - Codes are case-insensitive and stored, echoed and listed in lower case.
 * - PUT of a known code re-derives size/type/isActive/isValid/isObjectBased/pointsPerObject/
 *   useCustomPointsMap from the engine's table at once (no restart); used and objectCount stay.
 * - PUT of a well-formed unknown code -> 200 and installed; GET then reads size 0, isActive false,
 *   isValid false, type "unknown", not object-based, pointsPerObject 0, no custom points map.
 * - isValid describes the code only (known, verifies, in date); used > size does not clear it:
 *   clients judge capacity from used/size.
 * - A code installed on another hub (known or not) -> 400 "licence already in use on another
 *   device". Re-installing the hub's own code -> 200. A replaced code is spare again.
 * - Unknown route or wrong method -> 404 "Route M:/path not found" (Fastify has no 405).
 * Faults
 * - A hub's fault hits every route of that hub, before auth: slow waits slowMs of real time (not
 *   the injected clock) then answers normally; down -> TCP RST (ECONNRESET, over TLS too);
 *   error500 -> 500 Fastify body; malformed -> 200 with a truncated JSON body.
 * - Server-wide faults (`faults`) hit every hub on every listener; a fault `path` is matched
 *   against the path as sent (with the /hubs/{hid} prefix on the shared listener). Their 5xx/429
 *   bodies use the Fastify envelope with Node's reason phrase ("Service Unavailable").
 * - Generated fleets fault exactly round(N * faultRate) hubs, picked by a seeded shuffle, kinds in
 *   turn slow, down, error500, malformed.
 * - tls: every listener (shared and per hub) serves https with the one certificate.
 */
import { STATUS_CODES } from 'node:http';
import { withAdmin } from '../admin';
import { withFaults, type FaultController } from '../faults';
import { listen, type ListeningServer } from '../http-server';
import type { Handler } from '../http-util';
import { engineActions, engineState } from './admin-actions';
import type { HubContext } from './context';
import { createFleet, type HubLicenceState, type HubRecord } from './fleet';
import { engineSettings } from './engine-options';
import { checkedRoles, HUB_FAULTS, type ForeignHidAnswer, type HubFault } from './formats';
import { createHubRouter } from './hub-router';
import type { TlsMaterial } from '../http-server';
import { mobiusFlowDemoSeed, type MobiusFlowSeed } from './seed';
import { createHubTokens } from './tokens';

export type { HubFault } from './formats';
export type { HubLicenceState } from './fleet';
export type { MobiusFlowSeed } from './seed';
export type { MobiusFlowCounters } from './context';

export interface SandboxHub {
  hid: string;
  name: string;
  site: string;
  username: string;
  password: string;
  /** Where a client reaches this hub: `${url}/hubs/{hid}`, or its own origin with portPerHub. */
  baseUrl: string;
  fault?: HubFault;
}

export interface MobiusFlowSandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Default Date.now; tests pass a manual clock to expire tokens. */
  clock?: { now(): number };
  /** Generate this many hubs (default 12) instead of loading the demo seed. */
  hubs?: number;
  /** 0..1, default 0: the share of generated hubs given a fault. */
  faultRate?: number;
  /** An explicit seed instead (validated). Default: demo-seed.json. */
  seed?: MobiusFlowSeed;
  /** Default 600 (the docs' 10 minutes). */
  accessTtlSeconds?: number;
  /** Default 43200 (12 h, as in the vendor's sample token). */
  refreshTtlSeconds?: number;
  /** How long a 'slow' hub waits before answering; default 3000. */
  slowMs?: number;
  /** Serve https instead of http. */
  tls?: TlsMaterial;
  /** Give every hub its own listener too (small fleets only, at most 100 hubs). Default false. */
  portPerHub?: boolean;
  /** How a hub answers a well-formed hid not its own. Default 'refuse' (400). */
  foreignHid?: ForeignHidAnswer;
}

export interface MobiusFlowSandbox {
  /** The shared listener (hubs under /hubs/{hid}, admin under /__sandbox/), no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** One entry per hub, in seed order; `fault` is the hub's current one. */
  readonly hubs: readonly SandboxHub[];
  /** Server-wide faults. */
  readonly faults: FaultController;
  setHubFault(hid: string, fault: HubFault | undefined): void;
  /** The role bitmask (0-255) of the hub's account, for the tokens of its next sign-in. */
  setAccountRoles(hid: string, roles: number): void;
  /** What GET would answer as `data` right now (throws for an unknown hid). */
  licenceOf(hid: string): HubLicenceState;
  /** Well-formed codes the engine knows that no hub holds right now, for PUT tests and the demo. */
  readonly spareCodes: readonly string[];
  close(): Promise<void>;
}

export interface MobiusFlowDemo {
  readonly hubs: readonly {
    hid: string;
    name: string;
    site: string;
    username: string;
    password: string;
    licenceCode: string;
  }[];
  readonly spareCodes: readonly string[];
}

/** The demo seed's hubs, credentials and spare codes (the default sandbox), for printing. */
export function mobiusFlowDemo(): MobiusFlowDemo {
  const seed = mobiusFlowDemoSeed();
  const fleet = createFleet(seed);
  return {
    hubs: seed.hubs.map(({ hid, name, site, username, password, licenceCode }) => ({
      hid,
      name,
      site,
      username,
      password,
      licenceCode,
    })),
    spareCodes: fleet.spareCodes(),
  };
}

const MAX_PORT_PER_HUB = 100;

export async function startMobiusFlowSandbox(
  options: MobiusFlowSandboxOptions = {},
): Promise<MobiusFlowSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const settings = engineSettings(options);
  const fleet = createFleet(settings.seed);
  if (options.portPerHub && fleet.hubs.length > MAX_PORT_PER_HUB) {
    throw new Error(`portPerHub is for small fleets: at most ${MAX_PORT_PER_HUB} hubs`);
  }

  const ctx: HubContext = {
    fleet,
    tokens: createHubTokens({ access: settings.accessMs, refresh: settings.refreshMs }),
    clock,
    counters: { logins: 0, refreshes: 0, licenceReads: 0, licenceWrites: 0, unauthorized: 0 },
    foreignHid: options.foreignHid ?? 'refuse',
  };
  const router = createHubRouter(ctx, settings.slowMs);
  // Injected 5xx/429 read like the hub's own errors; Fastify names them by Node's reason phrase.
  const faultLayer = withFaults(router.handle, {
    errorBody: (statusCode, message) => ({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
    }),
  });
  const host = options.host ?? '127.0.0.1';
  const listenOn = (handler: Handler, port: number) => listen(handler, host, port, options.tls);

  const main = await listenOn(
    withAdmin(
      { faults: faultLayer.controller, state: () => engineState(ctx), actions: engineActions(ctx) },
      faultLayer.handler,
    ),
    options.port ?? 0,
  );
  const own = new Map<HubRecord, ListeningServer>();
  if (options.portPerHub) {
    const started = await Promise.allSettled(
      fleet.hubs.map((hub, i) => {
        const handler: Handler = (req, res) => {
          router.bind(req, hub);
          return faultLayer.handler(req, res);
        };
        return listenOn(handler, options.port ? options.port + 1 + i : 0).then((server) =>
          own.set(hub, server),
        );
      }),
    );
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all([main.close(), ...[...own.values()].map((server) => server.close())]);
      throw failed.reason;
    }
  }

  const hubOrThrow = (hid: string): HubRecord => {
    const hub = fleet.find(hid);
    if (!hub) throw new Error(`No emulated hub with hid ${hid}`);
    return hub;
  };
  // Built once (a fleet test may index it a thousand times); `fault` reads the live value.
  const hubs: readonly SandboxHub[] = fleet.hubs.map((hub) =>
    Object.freeze({
      hid: hub.hid,
      name: hub.name,
      site: hub.site,
      username: hub.username,
      password: hub.password,
      baseUrl: own.get(hub)?.url ?? `${main.url}/hubs/${hub.hid}`,
      get fault() {
        return hub.fault;
      },
    }),
  );

  return {
    url: main.url,
    port: main.port,
    hubs,
    faults: faultLayer.controller,
    setHubFault(hid, fault) {
      if (fault !== undefined && !HUB_FAULTS.includes(fault)) {
        throw new Error(`Unknown hub fault ${String(fault)}`);
      }
      hubOrThrow(hid).fault = fault;
    },
    setAccountRoles(hid, roles) {
      hubOrThrow(hid).roles = checkedRoles(roles);
    },
    licenceOf: (hid) => fleet.licenceOf(hubOrThrow(hid)),
    get spareCodes() {
      return fleet.spareCodes();
    },
    close: async () => {
      await Promise.all([main.close(), ...[...own.values()].map((server) => server.close())]);
    },
  };
}
