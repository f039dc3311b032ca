import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileConfig, VendorConfig } from '../../src/main/config/vendor-config';
import { createHubService } from '../../src/main/hubs/hub-service';
import { DEFAULT_HEARTBEAT_POLICY } from '../../src/main/licensing/heartbeat-timing';
import { toAppError } from '../../src/main/licensing/licensing-error';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { startBabelSandbox } from '../../src/sandbox/babel/server';
import { enirisDemo, startEnirisSandbox } from '../../src/sandbox/eniris/server';
import type { FaultController } from '../../src/sandbox/faults';
import { flecsDemo, startFlecsSandbox } from '../../src/sandbox/flecs/server';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { startMobiusFlowSandbox } from '../../src/sandbox/mobiusflow/server';
import type { AppError, ErrorCode } from '../../src/shared/errors';
import { DEMO, openInstallation } from './core-harness';
import { openFaultLink, type FaultLink } from './fault-link';
import { createManualClock, type ManualClock } from './manual-clock';

/**
 * One descriptor per licensing backend for the fault matrix (test/integration/fault-matrix.test.ts):
 * how to start its sandbox behind a cuttable link, the service the person uses on top of it, the
 * state that must survive a fault, and the backend's own credentials and keep-alive loop. The
 * matrix iterates descriptors × faults; nothing in it is written per backend.
 *
 * Everything is real except the clock (one manual clock; the sandbox's runs `skewMs` apart) and
 * the secret store (in memory, so every secret can be compared before and after).
 */

export interface RigOptions {
  /** The per-request deadline the profile configures (the HTTP client's timeout). */
  readonly timeoutMs: number;
  /** A long-running host (app, browser host): heartbeats and periodic checks run. */
  readonly keepAlive: boolean;
  /** A fresh folder for this installation's files. */
  readonly dataDir: string;
}

/** What this computer keeps: every JSON document in the data folder and every secret. */
export interface Stored {
  readonly documents: Readonly<Record<string, unknown>>;
  readonly secrets: Readonly<Record<string, string>>;
}

/** What the person sees of the background loop that keeps a seat, slot or check alive. */
export interface KeepAliveView {
  /** The seat is still ours (held, or retrying within the grace window). */
  readonly held: boolean;
  /** Where the backend shows it (floating seats); absent where the screen shows held/lost only. */
  readonly state?: 'held' | 'retrying' | 'lost' | 'none';
  readonly error?: AppError;
  readonly nextAt?: number;
}

export interface Rig {
  /** This computer's clock. */
  readonly clock: ManualClock;
  /** The sandbox's clock runs this far ahead of `clock` (negative: behind). Settable. */
  skewMs: number;
  readonly faults: FaultController;
  /** The network between the app and the sandbox. */
  readonly link: FaultLink;
  /** The request `attempt` makes, as the sandbox sees its path. */
  readonly path: string;
  /** A well-formed reply to `path` that breaks this protocol's schema (a field of the wrong type). */
  readonly brokenReply: unknown;
  /** Activates, signs in or imports: the state a fault must not damage. */
  prime(): Promise<void>;
  /**
   * The person's "check with the server" for this backend, through the service the screens use:
   * the error they are shown, or undefined when it worked.
   */
  attempt(): Promise<AppError | undefined>;
  /** The licence still counts as good here (active, signed in, hub licence known). */
  healthy(): Promise<boolean>;
  stored(): Promise<Stored>;
  /** Values no message may contain: every secret stored and every configured credential. */
  secretValues(): Promise<readonly string[]>;
  /** Makes the credential the client holds stale on the server, between two of its calls. */
  expireCredential?(): Promise<void>;
  readonly keepAlive?: {
    /** A well-formed renewal reply that breaks this protocol's schema. */
    readonly brokenRenewal: unknown;
    view(): Promise<KeepAliveView>;
    /** The server counts our seat (slot) as held right now. */
    serverHolds(): Promise<boolean>;
    /** The secret naming the seat, where the protocol has one (Babel's floating token). */
    token(): Promise<string | undefined>;
    /** The person's "renew now" / "check with server". */
    renewNow(): Promise<void>;
  };
  close(): Promise<void>;
}

export interface CredentialExpiry {
  /** What expires, as the table says it. */
  readonly what: string;
  /** Requests `attempt` sends to `path` afterwards: 2 = refused (401), renewed once, retried once. */
  readonly requests: 1 | 2;
  /** The route that renews it (counted: exactly one renewal), when it is renewed rather than rotated. */
  readonly renewalPath?: (rig: Rig) => string;
  /** Prefixes of secret names whose value may change (a rotated credential, stored before use). */
  readonly rotates: readonly string[];
}

export interface KeepAliveTiming {
  /** What is kept alive. */
  readonly what: string;
  /** The renew request's path. */
  readonly renewPath: string;
  /** The pace of renewals the server asks for (the scheduler renews at this or at half the window). */
  readonly intervalMs: number;
  /** After a successful renew the next one is certainly due within this (interval + jitter). */
  readonly dueMs: number;
  /** The server lets the seat go this long after the last renew. */
  readonly serverKeepsMs: number;
  /** The client counts it lost this long after the last renew (lease expiry + grace). */
  readonly lostAfterMs: number;
}

export interface RigDescriptor {
  readonly name: string;
  /** Where this backend differs from the matrix's default, for the reason given beside it. */
  readonly differences?: {
    /** The code a schema-breaking reply gets. */
    readonly schemaCode?: ErrorCode;
    /** Requests a call sends when every connection is reset (a designed resend). */
    readonly requestsAfterReset?: number;
  };
  /** Requests more than this far off the server's clock are refused (LicenseSpring's Date check). */
  readonly clockWindowMs?: number;
  readonly expiry: CredentialExpiry | { readonly notApplicable: string };
  readonly keepAlive?: KeepAliveTiming;
  start(options: RigOptions): Promise<Rig>;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const T0 = Date.UTC(2026, 10, 23, 9);
const GRACE_MS = DEFAULT_HEARTBEAT_POLICY.graceMs;

/** The error a person would be shown for `work`, or undefined when it succeeded. */
async function outcome(work: Promise<unknown>): Promise<AppError | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    // Anything but a LicensingError turns into `internal` here, which no matrix row accepts.
    return toAppError(error);
  }
}

function readDocuments(dir: string): Record<string, unknown> {
  const documents: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json')) documents[name] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  }
  return documents;
}

const configWith = (profile: ProfileConfig): VendorConfig => ({
  productName: 'Fault matrix',
  productId: 'fault-matrix',
  demo: false,
  allowWeakSecretStore: false,
  profiles: [profile],
});

/** An installation of the app (the core every host runs) on one profile, behind `link`. */
async function install(options: RigOptions, clock: ManualClock, profile: ProfileConfig) {
  const secrets = createMemorySecretStore();
  const { core } = await openInstallation({
    clock,
    dataDir: options.dataDir,
    secrets,
    keepAlive: options.keepAlive,
    config: configWith(profile),
  });
  const stored = async (): Promise<Stored> => ({
    documents: readDocuments(options.dataDir),
    secrets: Object.fromEntries(secrets.entries),
  });
  return { core, secrets, stored };
}

/** Closes what a rig started, newest first; a failure to close one does not leak the others. */
async function closeAll(...steps: (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps) await step().catch(() => undefined);
}

/** What a rig needs of the sandbox it starts. */
interface RigSandbox {
  readonly url: string;
  readonly faults: FaultController;
  close(): Promise<void>;
}

/**
 * What every rig starts the same way: this computer's manual clock, a sandbox on a server clock
 * `skewMs` apart from it, and a cuttable link in front of the sandbox. `base` is the start of the
 * rig (the clock, the settable skew, the faults, the link), `closeAfter` closes the rig's own
 * service, then the link, then the sandbox.
 */
async function sandboxBehindLink<S extends RigSandbox>(
  start: (serverClock: { now(): number }) => Promise<S>,
) {
  const clock = createManualClock(T0);
  let skewMs = 0;
  const serverClock = { now: () => clock.now() + skewMs };
  const sandbox = await start(serverClock);
  const link = await openFaultLink(sandbox.url);
  const base = {
    clock,
    get skewMs() {
      return skewMs;
    },
    set skewMs(ms: number) {
      skewMs = ms;
    },
    faults: sandbox.faults,
    link,
  };
  const closeAfter = (service: () => Promise<unknown>) => () =>
    closeAll(
      service,
      () => link.close(),
      () => sandbox.close(),
    );
  return { sandbox, link, clock, serverClock, base, closeAfter };
}

const post = async (url: string, body: unknown): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
};

// ---------------------------------------------------------------------------------------------
// Babel Licensing Service: floating seats (profile kind `seats`)

const BABEL_HEARTBEAT_S = 60;
const BABEL_TTL_S = 120;

export const babelRig: RigDescriptor = {
  name: 'seats (Babel)',
  expiry: {
    notApplicable:
      'static API key, no token to expire; a floating token that lapses is the keep-alive rows',
  },
  keepAlive: {
    what: 'floating seat',
    renewPath: '/v1/license/heartbeat',
    intervalMs: BABEL_HEARTBEAT_S * SECOND,
    // min(interval, ttl/2) = 60 s, +10 % jitter.
    dueMs: 67 * SECOND,
    serverKeepsMs: BABEL_TTL_S * SECOND,
    lostAfterMs: BABEL_TTL_S * SECOND + GRACE_MS,
  },
  async start(options) {
    const { sandbox, link, clock, base, closeAfter } = await sandboxBehindLink((serverClock) =>
      startBabelSandbox({
        clock: serverClock,
        heartbeatIntervalSeconds: BABEL_HEARTBEAT_S,
        floatingTokenTtlSeconds: BABEL_TTL_S,
      }),
    );
    const { core, secrets, stored } = await install(options, clock, {
      id: 'seats',
      kind: 'seats',
      label: 'Floating seats',
      baseUrl: link.url,
      apiKey: sandbox.apiKey,
      timeoutMs: options.timeoutMs,
    });
    const key = DEMO.floatingKey;
    return Object.assign(base, {
      path: '/v1/license/validate',
      brokenReply: { success: 'yes', activeClientCount: 'three' },
      async prime() {
        await core.service.activate('seats', { method: 'key', key });
        await core.service.requestSeat('seats');
      },
      attempt: () => outcome(core.service.validate('seats')),
      healthy: async () => (await core.service.status('seats')).status === 'active',
      stored,
      secretValues: async () => [key, sandbox.apiKey, ...secrets.entries.values()],
      keepAlive: {
        // `{}` would not do: every Babel field has a default, and `active` absent means "lapsed".
        brokenRenewal: { active: 'yes' },
        async view() {
          const { seat } = await core.service.status('seats');
          return {
            held: seat.state === 'held' || seat.state === 'retrying',
            state: seat.state,
            error: seat.lastError,
            nextAt: seat.nextHeartbeatAt,
          };
        },
        serverHolds: async () =>
          (await core.service.seatInfo('seats')).holders.some((holder) => holder.isThisClient),
        token: () => secrets.get('seat-token:seats'),
        renewNow: async () => void (await core.service.renewSeat('seats')),
      },
      close: closeAfter(() => core.close(500)),
    });
  },
};

// ---------------------------------------------------------------------------------------------
// FLECS Console: device licence with a rotating session id (profile kind `flecs`)

const FLECS_SESSION_TTL_S = 60;
const FLECS_SESSION_GRACE_S = 30;

export const flecsRig: RigDescriptor = {
  name: 'flecs',
  expiry: {
    what: `device session id: rotated once ${FLECS_SESSION_TTL_S} s old, the old id dead ${FLECS_SESSION_GRACE_S} s later`,
    requests: 1,
    rotates: ['flecs-session:flecs'],
  },
  async start(options) {
    const { link, clock, base, closeAfter } = await sandboxBehindLink((serverClock) =>
      startFlecsSandbox({
        clock: serverClock,
        sessionTtlSeconds: FLECS_SESSION_TTL_S,
        sessionGraceSeconds: FLECS_SESSION_GRACE_S,
      }),
    );
    const { core, secrets, stored } = await install(options, clock, {
      id: 'flecs',
      kind: 'flecs',
      label: 'FLECS',
      baseUrl: link.url,
      timeoutMs: options.timeoutMs,
    });
    const demo = flecsDemo();
    return Object.assign(base, {
      path: '/api/v2/device/license/validate',
      brokenReply: { data: { isValid: 'yes' }, statusCode: 200, statusText: 'OK' },
      async prime() {
        await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
      },
      attempt: () => outcome(core.service.validate('flecs')),
      // `invalid` would mean the console no longer knows the session we present.
      healthy: async () => (await core.service.status('flecs')).status === 'active',
      stored,
      secretValues: async () => [demo.licenseKey, demo.password, ...secrets.entries.values()],
      // Past the TTL and the grace window: only a client that stored the rotated id still gets in.
      expireCredential: async () =>
        clock.advance((FLECS_SESSION_TTL_S + FLECS_SESSION_GRACE_S + 1) * SECOND),
      close: closeAfter(() => core.close(500)),
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Eniris: an installer's account, refresh token kept, short-lived access tokens (kind `eniris`)

const ENIRIS_ACCESS_TTL_S = 60;

export const enirisRig: RigDescriptor = {
  name: 'eniris',
  expiry: {
    what: `access token: the server ends it after ${ENIRIS_ACCESS_TTL_S} s, before the client's 2-minute renewal point`,
    requests: 2,
    renewalPath: () => '/auth/accesstoken',
    rotates: [],
  },
  async start(options) {
    const { link, clock, base, closeAfter } = await sandboxBehindLink((serverClock) =>
      startEnirisSandbox({
        clock: serverClock,
        accessTokenTtlSeconds: ENIRIS_ACCESS_TTL_S,
      }),
    );
    const { core, secrets, stored } = await install(options, clock, {
      id: 'eniris',
      kind: 'eniris',
      label: 'Eniris',
      authUrl: link.url,
      apiUrl: link.url,
      timeoutMs: options.timeoutMs,
    });
    const demo = enirisDemo();
    const list = () => core.eniris.licences('eniris', { nodeId: demo.nodeId });
    return Object.assign(base, {
      path: `/v1/license/controller/${demo.nodeId}`,
      brokenReply: { licenses: [{ id: 7, key: null }] },
      async prime() {
        await core.eniris.signIn('eniris', demo.username, demo.password);
        await list();
      },
      attempt: () => outcome(list()),
      healthy: async () => (await core.eniris.account('eniris')).signedIn,
      stored,
      secretValues: async () => [demo.password, demo.freeKey, ...secrets.entries.values()],
      expireCredential: async () => clock.advance((ENIRIS_ACCESS_TTL_S + 30) * SECOND),
      close: closeAfter(() => core.close(500)),
    });
  },
};

// ---------------------------------------------------------------------------------------------
// LicenseSpring License API v4 with OAuth client credentials, on a floating licence

/** One RSA pair for every LicenseSpring sandbox of the run: generating one each time is slow. */
let lsKeyPair: { publicKeyPem: string; privateKeyPem: string } | undefined;
const lsKeys = () => {
  lsKeyPair ??= (() => {
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    return { publicKeyPem: pair.publicKey, privateKeyPem: pair.privateKey };
  })();
  return lsKeyPair;
};

const LS_FLOATING_TIMEOUT_MIN = 30; // the demo floating licence's floating_timeout
const LS_TOKEN_PATH = '/auth/realms/user-portal/protocol/openid-connect/token';

export const licenseSpringRig: RigDescriptor = {
  name: 'licensespring (OAuth, floating)',
  // Every 2xx must carry the vendor's signature; an unsigned body is refused before it is read.
  differences: { schemaCode: 'tampered' },
  clockWindowMs: 15 * MINUTE,
  expiry: {
    what: 'OAuth bearer token: the server ends it (480 s on its clock) before the client renews at 80 %',
    requests: 2,
    renewalPath: () => LS_TOKEN_PATH,
    rotates: [],
  },
  keepAlive: {
    what: 'floating slot (check_license)',
    renewPath: '/api/v4/check_license',
    intervalMs: (LS_FLOATING_TIMEOUT_MIN / 2) * MINUTE,
    // Half the floating timeout, +10 % jitter.
    dueMs: (LS_FLOATING_TIMEOUT_MIN / 2) * 1.1 * MINUTE + SECOND,
    serverKeepsMs: LS_FLOATING_TIMEOUT_MIN * MINUTE,
    lostAfterMs: LS_FLOATING_TIMEOUT_MIN * MINUTE + GRACE_MS,
  },
  async start(options) {
    const { sandbox, link, clock, serverClock, base, closeAfter } = await sandboxBehindLink(
      (serverClock) => startLicenseSpringSandbox({ clock: serverClock, keyPair: lsKeys() }),
    );
    if (new URL(sandbox.oauth.tokenUrl).pathname !== LS_TOKEN_PATH)
      throw new Error(`The sandbox's token path moved: ${sandbox.oauth.tokenUrl}`);
    const { core, secrets, stored } = await install(options, clock, {
      id: 'ls',
      kind: 'licensespring',
      label: 'LicenseSpring',
      baseUrl: link.url,
      productCode: sandbox.productCode,
      auth: {
        kind: 'oauth',
        tokenUrl: `${link.url}${LS_TOKEN_PATH}`,
        clientId: sandbox.oauth.clientId,
        clientSecret: sandbox.oauth.clientSecret,
      },
      publicKey: sandbox.publicKeyPem,
      authorizationMethod: 'license-key',
      allowConsumption: false,
      timeoutMs: options.timeoutMs,
    });
    const demo = licenseSpringDemo();
    const key = demo.floatingKey;
    const ourSlot = async () => {
      const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
        licenses: {
          license_key: string | null;
          floating: { slots: { hardware_id: string; lapses_at: string }[] } | null;
        }[];
      };
      const licence = state.licenses.find((candidate) => candidate.license_key === key);
      return licence?.floating?.slots.find((slot) => slot.hardware_id === core.fingerprint.id);
    };
    const rig: Rig = Object.assign(base, {
      path: '/api/v4/check_license',
      // Any well-formed body the sandbox did not sign: the adapter trusts nothing unsigned.
      brokenReply: { license_key: 5, is_floating: 'yes' },
      async prime() {
        await core.service.activate('ls', { method: 'key', key });
        await core.licenseSpring.details('ls', true);
      },
      attempt: () => outcome(core.licenseSpring.details('ls', true)),
      healthy: async () => (await core.service.status('ls')).status === 'active',
      stored,
      secretValues: async () => [
        key,
        sandbox.oauth.clientSecret,
        sandbox.apiKey,
        sandbox.sharedKey,
        ...secrets.entries.values(),
      ],
      // The server's clock moves on 200 s more than ours: its token lifetime ends while the
      // client, by its own clock, is still short of the 80 % mark where it renews.
      async expireCredential() {
        rig.skewMs += 200 * SECOND;
        clock.advance(300 * SECOND);
      },
      keepAlive: {
        brokenRenewal: { license_key: 5 },
        async view() {
          const floating = (await core.licenseSpring.details('ls')).floating;
          return { held: floating?.held ?? false };
        },
        async serverHolds() {
          const slot = await ourSlot();
          return slot !== undefined && Date.parse(slot.lapses_at) > serverClock.now();
        },
        token: async () => undefined,
        renewNow: async () => void (await core.licenseSpring.details('ls', true)),
      },
      close: closeAfter(() => core.close(500)),
    });
    return rig;
  },
};

// ---------------------------------------------------------------------------------------------
// MobiusFlow hubs: the engineer's fleet service, a hub account with rotating refresh tokens

export const mobiusFlowRig: RigDescriptor = {
  name: 'mobiusflow (hub fleet)',
  // hub-transport.ts resends once on a fresh connection after a reset (a hub that restarted
  // drops kept-alive connections); every hub call is idempotent, so that is safe.
  differences: { requestsAfterReset: 2 },
  expiry: {
    what: "access token: the hub restarted with a new signing key, so the client's token fails before its time",
    requests: 2,
    renewalPath: (rig) => rig.path.replace(/\/api\/v2\/.*$/, '/api/v1/auth/refresh'),
    rotates: ['hub-refresh:'],
  },
  async start(options) {
    const { sandbox, link, clock, base, closeAfter } = await sandboxBehindLink((serverClock) =>
      startMobiusFlowSandbox({ clock: serverClock, hubs: 1 }),
    );
    const [hub] = sandbox.hubs;
    if (!hub) throw new Error('The MobiusFlow sandbox started without a hub');
    const secrets = createMemorySecretStore();
    const hubs = createHubService({
      file: join(options.dataDir, 'hubs.json'),
      secrets,
      clock,
      httpTimeoutMs: options.timeoutMs,
    });
    const csv = [
      'name,site,scheme,host,port,base_path,hid,lan,username,password',
      `"${hub.name}",${hub.site},http,127.0.0.1,${link.port},/hubs/${hub.hid},${hub.hid},yes,${hub.username},${hub.password}`,
    ].join('\r\n');
    const view = async () => {
      const [only] = (await hubs.refresh()).hubs;
      return only;
    };
    return Object.assign(base, {
      path: `/hubs/${hub.hid}/api/v2/mobius/licence/${hub.hid}`,
      brokenReply: {
        ts: new Date(T0).toISOString(),
        uri: hub.hid,
        data: { licenceCode: 'x', size: 'ten' },
      },
      async prime() {
        const imported = await hubs.importCsv(csv);
        if (imported.added !== 1) throw new Error(JSON.stringify(imported.rejected));
        const primed = await view();
        if (primed?.lastError) throw new Error(primed.lastError.message);
      },
      // A fleet refresh never throws for one hub: the hub's card shows the error.
      attempt: async () => (await view())?.lastError,
      // The card keeps the last licence the hub reported, whatever went wrong since.
      healthy: async () => hubs.list().hubs[0]?.licence !== undefined,
      async stored() {
        const documents = readDocuments(options.dataDir);
        // The card records the failure itself (lastError, when); the rest must stay as it was.
        const inventory = documents['hubs.json'] as { hubs: Record<string, unknown>[] };
        for (const record of inventory.hubs) {
          delete record.lastError;
          delete record.lastRefreshAt;
        }
        return { documents, secrets: Object.fromEntries(secrets.entries) };
      },
      secretValues: async () => [hub.password, ...secrets.entries.values()],
      expireCredential: () => post(`${sandbox.url}/__sandbox/expire-tokens`, { hid: hub.hid }),
      close: closeAfter(() => hubs.close()),
    });
  },
};

export const FAULT_RIGS: readonly RigDescriptor[] = [
  babelRig,
  flecsRig,
  enirisRig,
  licenseSpringRig,
  mobiusFlowRig,
];
