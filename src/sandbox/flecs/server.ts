/*
 * FLECS Console sandbox: the console side of the device-licence protocol (CONTRACTS.md section 2,
 * the vendor's Device reference page, and FLECS's OpenAPI file flecs-openapi.yaml).
 *
 * ASSUME defaults (the contract leaves these open; the OpenAPI file decides statuses where it can):
 * - Envelopes: success {data, statusCode, statusText}; errors {reason, statusCode, statusText}.
 *   Unknown route -> 404, wrong method -> 405, body over 64 KiB -> 413.
 * - Bodies are parsed only with Content-Type application/json (as an Express JSON parser would);
 *   any other body counts as none. Invalid JSON -> 400.
 * - login: username and password strings required, else 400 (the OpenAPI file documents no 400).
 *   Wrong password or unknown user -> 403 with the documented "Sorry, the password..." reason.
 *   A JWT is issued only for issueJWT: true; it lasts jwtTtlSeconds (default 3600) and looks like
 *   an HS256 JWT but is checked by lookup. auth/validate: unknown/expired -> 200 isValid:false
 *   with both feature flags false; a body without jwt.token -> 400.
 * - activate, in this order:
 *   1. X-Session-Id not a lower-case UUID -> 403 "Invalid Header: X-Session-Id" (catches a client
 *      that echoes the JSON response header); Authorization not "Bearer <token>" -> 403.
 *   2. A valid session of an active, licensed device -> 204, X-Session-Id header, no body.
 *      Unknown or expired session ids are otherwise ignored (the client may hold a stale one).
 *   3. licenseKey: a registered serial number in that field activates by serial (that is what the
 *      FLECS core's activate_license does). Otherwise the key must exist (else 403 "Invalid license
 *      key"; the route documents no 404), not be revoked (403), and be unbound, bound to the
 *      presenting device, or bound to a device that never had a session (a registered device not
 *      yet activated); bound to a device holding a session -> 403 "License key is bound to
 *      another device".
 *   4. serialNumber in the body (our field; the public spec names none, and the request schema
 *      allows extra properties): registered with a licence -> 200; registered without one, or not
 *      registered -> 403.
 *   5. Bearer: unknown/expired JWT -> 403 (the route documents no 401); no licence left -> 403
 *      "No user license available"; else one licence is consumed and a new key minted.
 *   6. Nothing usable -> 403 "Missing Header: Authorization".
 *   Key and serial come before Bearer so a mixed request never spends a user licence.
 *   200 carries {sessionId:{id,timestamp}, licenseKey} and the same session in X-Session-Id.
 * - validate: missing X-Session-Id -> 403 "Missing Header: X-Session-Id", malformed -> 403
 *   (the route documents neither; 403 matches the console's "Missing Header" habit). Unknown or
 *   expired session -> 200 isValid:false without header. Known -> isValid = active, bound, and
 *   the key not revoked.
 * - Sessions: lower-case UUIDs; response header JSON {"id","timestamp" (epoch ms)}, set on every
 *   reply to a request with a known session (and on activation 200s). Rotation is lazy by the
 *   injected clock (sessions.ts): the first request presenting an id older than
 *   sessionTtlSeconds (default 3600) gets a new one; the old stays valid sessionGraceSeconds
 *   (default 300) after that, then is unknown. A current id never lapses by itself.
 * - manifests/tokens: session checks as validate but an unknown session -> 403 "Session not
 *   found" (documented); inactive device -> 403 "Device not activated". Unknown app/version ->
 *   404 {statusCode,statusText}; bad manifest_version -> 400. tokens: official app -> 200
 *   {token:{username,password}}; unofficial or unknown -> 204; missing app/version -> 400.
 */
import { withAdmin, revokeAction } from '../admin';
import { withFaults, type FaultController } from '../faults';
import { statusText } from './wire';
import { listen } from '../http-server';
import { createFlecsProtocol } from './protocol';
import { demoRoles, demoSeed, parseFlecsSeed, type FlecsSeed } from './seed';
import { createFlecsState } from './state';

export type { FlecsSeed } from './seed';

export interface FlecsSandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Default Date.now; tests pass a manual clock to rotate sessions and expire JWTs. */
  clock?: { now(): number };
  /** Default: src/sandbox/flecs/demo-seed.json. Validated either way. */
  seed?: FlecsSeed;
  /** A session id rotates after this; default 3600. */
  sessionTtlSeconds?: number;
  /** The previous id stays valid this long after rotation; default 300. */
  sessionGraceSeconds?: number;
  /** Lifetime of a JWT issued by login; default 3600. */
  jwtTtlSeconds?: number;
}

export interface FlecsSandbox {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  /** For tests: devices with their licence key, active flag and current session id. */
  devices(): readonly {
    deviceId: string;
    licenseKey: string | null;
    active: boolean;
    sessionId: string | null;
  }[];
  /** For tests: remaining user licences per username. */
  userLicences(): Record<string, number>;
  close(): Promise<void>;
}

function seconds(name: string, value: number, allowZero: boolean): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  }
  return value;
}

export async function startFlecsSandbox(options: FlecsSandboxOptions = {}): Promise<FlecsSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const ttl = seconds('sessionTtlSeconds', options.sessionTtlSeconds ?? 3600, false);
  const grace = seconds('sessionGraceSeconds', options.sessionGraceSeconds ?? 300, true);
  const jwtTtl = seconds('jwtTtlSeconds', options.jwtTtlSeconds ?? 3600, false);
  const seed = options.seed === undefined ? demoSeed() : parseFlecsSeed(options.seed);
  const state = createFlecsState(seed, clock.now(), { ttlMs: ttl * 1000, graceMs: grace * 1000 });

  // Injected 5xx/429 answer in FLECS's own errorDescription envelope.
  const faultLayer = withFaults(createFlecsProtocol({ state, clock, jwtTtlMs: jwtTtl * 1000 }), {
    errorBody: (status, message) => ({
      reason: message,
      statusCode: status,
      statusText: statusText(status),
    }),
  });
  // Revocation happens in the vendor's web console, outside the protocol; tests reach it here.
  const revoke = revokeAction('licenseKey', (key, revoked) => state.setRevoked(key, revoked), {
    code: 'NotFound',
    message: 'No such licence key.',
  });

  const handler = withAdmin(
    {
      faults: faultLayer.controller,
      state: () => ({ devices: state.devices(), userLicences: state.userLicences() }),
      actions: { revoke },
    },
    faultLayer.handler,
  );
  const server = await listen(handler, options.host ?? '127.0.0.1', options.port ?? 0);

  return {
    url: server.url,
    port: server.port,
    faults: faultLayer.controller,
    devices: () => state.devices(),
    userLicences: () => state.userLicences(),
    close: () => server.close(),
  };
}

/** Demo credentials from the demo seed, as the demo screen and the CLI show them. */
export function flecsDemo(): {
  username: string;
  password: string;
  licenseKey: string;
  serialNumber: string;
  usedKey: string;
} {
  const roles = demoRoles();
  const user = demoSeed().users.find((u) => u.username === roles.username);
  if (!user) throw new Error(`The FLECS demo seed has no user ${roles.username}`);
  return {
    username: user.username,
    password: user.password,
    licenseKey: roles.licenseKey,
    serialNumber: roles.serialNumber,
    usedKey: roles.usedKey,
  };
}
