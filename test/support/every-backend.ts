import { createCipheriv, createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { createCore, type Core } from '../../src/main/core';
import { xdgAutostartLoginItem } from '../../src/main/desktop/login-item';
import { hubInventoryCsv } from '../../src/main/demo-mode';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient } from '../../src/main/http/http-client';
import { createIpcGate, type IpcGate, type IpcSender } from '../../src/main/ipc/ipc-gate';
import { createFileRefusalLog } from '../../src/main/ipc/refusal-log';
import { signLicence } from '../../src/main/offline/licence-file';
import { APP_ORIGIN } from '../../src/main/security/trusted-origin';
import {
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from '../../src/main/store/safe-storage-secret-store';
import { createSealedFileSecretStore } from '../../src/main/store/sealed-file-secret-store';
import type { SecretStore } from '../../src/main/store/secret-store';
import { startSandboxes, type SandboxSet } from '../../src/sandbox';
import type { IpcChannel, IpcInput } from '../../src/shared/ipc';
import type { Result } from '../../src/shared/result';
import { createManualClock, type ManualClock } from './manual-clock';

/**
 * One installation of the desktop app, laid out on disk exactly as the app lays it out, activated
 * on every backend the product speaks through its own IPC entry point, against the real sandbox
 * servers over loopback HTTP; and the list of every secret that installation used. Shared by the
 * IPC channel walk (no secret in any answer) and the secrets-at-rest test (no secret on disk).
 *
 * The layout is the app's on a Linux machine without a keychain: electron-store's `state.json`
 * holding the state and the safeStorage ciphertexts (Electron's `basic_text` backend, which the
 * vendor has to allow), the hub inventory `hubs.json` beside it with the hub secrets sealed in
 * `hubs-secrets.sealed.json`, and the IPC refusal log in `logs/` (Electron's logs folder is
 * `<userData>/logs` on Linux and Windows).
 */

// electron-store imports `electron` only to find paths we give it anyway; the binary cannot load
// under Node, so it gets an empty stand-in (as test/unit/electron-stores.test.ts does).
vi.mock('electron', () => ({ default: {} }));
const { createElectronStores } = await import('../../src/main/shell/electron-stores');

/** The main frame of our own page: what a legitimate renderer call looks like to the gate. */
export const APP_SENDER: IpcSender = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/**
 * Electron's safeStorage on Linux without a keyring (`basic_text`), byte for byte like Chromium's
 * os_crypt: "v10", then AES-128-CBC under PBKDF2-SHA1("peanuts", "saltysalt", 1 round) with an IV
 * of 16 spaces. Anyone can undo it, which is why the app warns; but it is not plaintext on disk.
 * Like Electron, it answers asynchronously and reports encryption only once told to use that key
 * (its key never rotates, so it never asks for re-encryption).
 */
export function basicTextSafeStorage(): SafeStorageLike {
  const key = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1');
  const iv = Buffer.alloc(16, ' ');
  let plainText = false;
  return {
    isAsyncEncryptionAvailable: async () => plainText,
    setUsePlainTextEncryption: (usePlainText) => void (plainText = usePlainText),
    getSelectedStorageBackend: () => 'basic_text',
    encryptStringAsync: async (plain) => {
      const cipher = createCipheriv('aes-128-cbc', key, iv);
      return Buffer.concat([Buffer.from('v10'), cipher.update(plain, 'utf8'), cipher.final()]);
    },
    decryptStringAsync: async (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('not v10');
      const decipher = createDecipheriv('aes-128-cbc', key, iv);
      const plain = Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]);
      return { shouldReEncrypt: false, result: plain.toString() };
    },
  };
}

export interface Secret {
  /** Where it came from, for the failure message (never the value itself). */
  readonly label: string;
  readonly value: string;
  /** Set when this is the licence key (or account name) a profile was activated with. */
  readonly licenceKeyOf?: string;
  /**
   * Set when LicenseSpring's offline request files of that profile must name this value: the
   * protocol puts the signer's `api_key` in the request (CONTRACTS.md §5.6), signed with the
   * shared key, which never appears.
   */
  readonly signerIdOf?: readonly string[];
}

/** Values shorter than this would match by accident; every real secret here is longer. */
const MIN_SECRET_LENGTH = 8;

/** Keeps every value ever written, so rotated tokens count as much as the last one. */
function recordingSecretStore(store: SecretStore): SecretStore & {
  readonly written: ReadonlyMap<string, ReadonlySet<string>>;
} {
  const written = new Map<string, Set<string>>();
  return {
    backend: store.backend,
    protected: store.protected,
    warning: store.warning,
    written,
    get: (name) => store.get(name),
    async set(name, value) {
      written.set(name, (written.get(name) ?? new Set()).add(value));
      await store.set(name, value);
    },
    delete: (name) => store.delete(name),
  };
}

/**
 * The real axios client, passing every request through; it notes the credentials the app sent
 * (bearer tokens, API keys, signed authorisations), which live only in memory and so cannot be
 * read back from any store: short-lived access tokens among them.
 */
function credentialRecordingHttp(inner: HttpClient, seen: Set<string>): HttpClient {
  return {
    request(request) {
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        if (!/^(authorization|x-api-key|api-key|cookie)$/i.test(name)) continue;
        seen.add(value);
        const bearer = /^Bearer\s+(.+)$/i.exec(value);
        if (bearer?.[1]) seen.add(bearer[1]);
      }
      for (const [name, value] of Object.entries(request.form ?? {})) {
        if (/secret|password|token/i.test(name)) seen.add(value);
      }
      return inner.request(request);
    },
  };
}

/** String leaves of a JSON value, with the key they sit under. */
function jsonLeaves(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLeaves(item, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([name, item]) => jsonLeaves(item, name));
  return [];
}

/** Fields inside a stored JSON secret that are secrets on their own (a token inside a record). */
const SECRET_FIELD = /token|secret|password|session|signature|^key$|code$/i;

/** A stored value, and the secret fields inside it when it is a JSON document. */
function secretsInStoredValue(name: string, value: string): Secret[] {
  const label = `secret store "${name}"`;
  const keyOf = /^licence-key:(.+)$/.exec(name)?.[1];
  const found: Secret[] = [{ label, value, ...(keyOf ? { licenceKeyOf: keyOf } : {}) }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return found;
  }
  if (typeof parsed !== 'object' || parsed === null) return found;
  for (const leaf of jsonLeaves(parsed))
    if (SECRET_FIELD.test(leaf.key) && leaf.value.length >= MIN_SECRET_LENGTH)
      found.push({ label: `${label} → ${leaf.key}`, value: leaf.value });
  return found;
}

/** The demo values the walk needs to build well-formed payloads. */
export interface Fixtures {
  readonly profiles: {
    readonly seats: string;
    readonly flecs: string;
    readonly flecsAccount: string;
    readonly eniris: string;
    readonly licensespring: string;
    readonly licensespringFloating: string;
    readonly licensespringUser: string;
    readonly licenceFile: string;
  };
  /** Every configured profile, whatever its kind. */
  readonly profileIds: readonly string[];
  /** The licence key each key-activated profile was activated with. */
  readonly keys: Readonly<Record<string, string>>;
  readonly flecsUser: { readonly username: string; readonly password: string };
  readonly eniris: {
    readonly username: string;
    readonly password: string;
    readonly key: string;
    readonly nodeId: string;
    readonly customerId: string;
  };
  readonly lsFeatures: {
    readonly activation: string;
    readonly consumption: string;
    readonly floating: string;
  };
  /** A LicenseSpring key that may be activated offline (a consumption licence). */
  readonly lsOfflineKey: string;
  readonly licenceFileText: string;
  readonly hubsCsv: string;
  readonly hubIds: readonly string[];
  readonly hubPassword: string;
  readonly spareCode: string;
}

export interface EveryBackend {
  readonly core: Core;
  readonly clock: ManualClock;
  readonly sandboxes: SandboxSet;
  /** The app's data folder (Electron's userData). */
  readonly dataDir: string;
  /** The IPC refusal log the gate writes. */
  readonly logFile: string;
  /** Waits until every refusal so far is in `logFile` (the log writes after the call returns). */
  flushLog(): Promise<void>;
  /** Electron's IPC entry point without Electron: sender check, contract, refusal log. */
  readonly gate: IpcGate;
  /** The channel of every request the gate let through to the dispatcher, in order. */
  readonly dispatched: readonly unknown[];
  /** One call from our own page, as the renderer makes it. */
  call<C extends IpcChannel>(channel: C, payload: IpcInput<C>): Promise<Result<unknown>>;
  readonly fixtures: Fixtures;
  /** Every secret this installation used so far, read back from where it keeps them. */
  secrets(): Promise<readonly Secret[]>;
  close(): Promise<void>;
}

const PRODUCT_ID = 'acme-suite';
const DAY = 86_400_000;

function configFor(set: SandboxSet): VendorConfig {
  const ls = set.servers.licensespring;
  return {
    productName: 'ACME Suite',
    productId: PRODUCT_ID,
    demo: false,
    // A Linux machine without a keyring: Electron's basic_text, which the vendor allowed.
    allowWeakSecretStore: true,
    profiles: [
      {
        id: 'seats',
        kind: 'seats',
        label: 'Floating seats',
        baseUrl: set.servers.seats.url,
        apiKey: set.servers.seats.apiKey,
        timeoutMs: 5_000,
      },
      {
        id: 'flecs',
        kind: 'flecs',
        label: 'FLECS by key or serial',
        baseUrl: set.servers.flecs.url,
        serialNumber: set.demo.flecs.serialNumber,
      },
      {
        id: 'flecs-account',
        kind: 'flecs',
        label: 'FLECS by account',
        baseUrl: set.servers.flecs.url,
      },
      {
        id: 'eniris',
        kind: 'eniris',
        label: 'Eniris',
        authUrl: set.servers.eniris.authUrl,
        apiUrl: set.servers.eniris.apiUrl,
      },
      {
        id: 'licensespring',
        kind: 'licensespring',
        label: 'LicenseSpring (key, HMAC)',
        baseUrl: ls.url,
        productCode: ls.productCode,
        auth: { kind: 'hmac', apiKey: ls.apiKey, sharedKey: ls.sharedKey },
        publicKey: ls.publicKeyPem,
        authorizationMethod: 'license-key',
        allowConsumption: true,
      },
      {
        id: 'ls-floating',
        kind: 'licensespring',
        label: 'LicenseSpring floating (key, HMAC)',
        baseUrl: ls.url,
        productCode: ls.productCode,
        auth: { kind: 'hmac', apiKey: ls.apiKey, sharedKey: ls.sharedKey },
        publicKey: ls.publicKeyPem,
        authorizationMethod: 'license-key',
        allowConsumption: false,
      },
      {
        id: 'ls-user',
        kind: 'licensespring',
        label: 'LicenseSpring (account, OAuth)',
        baseUrl: ls.url,
        productCode: ls.userProductCode,
        auth: { kind: 'oauth', ...ls.oauth },
        publicKey: ls.publicKeyPem,
        authorizationMethod: 'user',
        allowConsumption: false,
      },
      { id: 'mobiusflow', kind: 'mobiusflow', label: 'MobiusFlow hubs', concurrency: 4 },
      {
        id: 'licence-file',
        kind: 'licence-file',
        label: 'Licence file',
        productCode: PRODUCT_ID,
        publicKey: set.demo.licenceFile.publicKeyPem,
        expiryWarningDays: 14,
      },
    ],
  };
}

/**
 * Starts every sandbox, opens the app's data folder in `dataDir` and activates on every backend
 * through the IPC gate. Close it in afterAll/afterEach.
 */
export async function activateEveryBackend(options: {
  readonly dataDir: string;
  /** Fleet size of the MobiusFlow engine (few hubs keep the walk quick). */
  readonly hubs?: number;
}): Promise<EveryBackend> {
  const { dataDir } = options;
  const clock = createManualClock(Date.UTC(2026, 10, 23, 9));
  const sandboxes = await startSandboxes({ clock, hubs: options.hubs ?? 3 });
  const config = configFor(sandboxes);

  const stores = createElectronStores(dataDir);
  const secretStore = recordingSecretStore(
    await createSafeStorageSecretStore(basicTextSafeStorage(), stores.ciphertexts, {
      platform: 'linux',
      allowWeak: true,
    }),
  );
  const sentCredentials = new Set<string>();
  const logFile = join(dataDir, 'logs', 'ipc-refusals.log');
  const refusalLog = createFileRefusalLog({
    file: logFile,
    clock,
    // The walks send hundreds of refusals in one instant of the manual clock and check each is
    // written; collapsing a flood into a count has its own tests.
    maxLinesPerSecond: Number.POSITIVE_INFINITY,
  });
  const core = await createCore({
    config,
    version: '0.0.0-test',
    secrets: secretStore,
    state: stores.state,
    hubInventoryFile: join(dataDir, 'hubs.json'),
    keepAlive: true,
    allowInProcessDemo: false,
    clock,
    http: credentialRecordingHttp(
      createAxiosHttpClient({ userAgent: 'license-manager/test' }),
      sentCredentials,
    ),
    hardware: { rawMachineId: async () => 'machine-every-backend', hostname: () => 'test-host' },
    // As the app on Linux does: start at login writes a freedesktop autostart entry.
    loginItem: xdgAutostartLoginItem({
      dir: join(dataDir, 'autostart'),
      fileName: 'license-manager',
      name: 'License Manager',
      command: ['/opt/license-manager/license-manager'],
    }),
    // As the app does: the refusal log's last lines go into the support bundle.
    logFiles: [refusalLog],
  });
  // Which requests got past the gate to the dispatcher, so a test can prove a refusal stopped one.
  const dispatched: unknown[] = [];
  const gate = createIpcGate({
    dispatch: (channel, payload, options) => {
      dispatched.push(channel);
      return core.dispatch(channel, payload, options);
    },
    trustedOrigins: [APP_ORIGIN],
    log: refusalLog,
  });
  const call = <C extends IpcChannel>(channel: C, payload: IpcInput<C>) =>
    gate(APP_SENDER, channel, payload);

  const { demo } = sandboxes;
  const profiles = {
    seats: 'seats',
    flecs: 'flecs',
    flecsAccount: 'flecs-account',
    eniris: 'eniris',
    licensespring: 'licensespring',
    licensespringFloating: 'ls-floating',
    licensespringUser: 'ls-user',
    licenceFile: 'licence-file',
  } as const;
  const licenceFileText = signLicence(
    demo.licenceFile.privateKeyPem,
    {
      product: PRODUCT_ID,
      licensee: { name: 'Ada Lovelace', email: 'ada@example.com' },
      features: ['export'],
      expiresAt: clock.now() + 90 * DAY,
      fingerprint: core.fingerprint.id,
    },
    clock.now(),
  );
  const hubsCsv = hubInventoryCsv(sandboxes.servers.mobiusflow.hubs);
  const spareCode = sandboxes.servers.mobiusflow.spareCodes[0];
  if (!spareCode) throw new Error('setup: the engine has no spare licence code');

  // Activate on every backend, the way the renderer does it.
  const setup = async <C extends IpcChannel>(channel: C, payload: IpcInput<C>) => {
    const result = await call(channel, payload);
    if (!result.ok)
      throw new Error(`setup: ${channel} failed: ${result.error.code}: ${result.error.message}`);
  };
  const ls = demo.licensespring;
  await setup('licence:activate', { profileId: profiles.seats, key: demo.seats.floatingKey });
  await setup('seat:request', { profileId: profiles.seats });
  await setup('licence:activate', { profileId: profiles.flecs, key: demo.flecs.licenseKey });
  await setup('licence:activate-account', {
    profileId: profiles.flecsAccount,
    username: demo.flecs.username,
    password: demo.flecs.password,
  });
  await setup('eniris:sign-in', {
    profileId: profiles.eniris,
    username: demo.eniris.username,
    password: demo.eniris.password,
  });
  await setup('eniris:activate', { profileId: profiles.eniris, key: demo.eniris.freeKey });
  await setup('licence:activate', { profileId: profiles.licensespring, key: ls.nodeLockedKey });
  await setup('licensespring:feature-check', {
    profileId: profiles.licensespring,
    feature: ls.features.floating,
  });
  await setup('licence:activate', {
    profileId: profiles.licensespringFloating,
    key: ls.floatingKey,
  });
  await setup('licence:activate-account', {
    profileId: profiles.licensespringUser,
    username: ls.username,
    password: ls.password,
  });
  await setup('licence-file:import', { profileId: profiles.licenceFile, text: licenceFileText });
  await setup('hubs:import', { csv: hubsCsv });
  await setup('hubs:refresh', {});
  const hubIds = core.hubs.list().hubs.map((hub) => hub.id);
  const [firstHub] = hubIds;
  if (!firstHub) throw new Error('setup: no hub was imported');
  await setup('hubs:set-code', { id: firstHub, code: spareCode });

  const fixtures: Fixtures = {
    profiles,
    profileIds: config.profiles.map((profile) => profile.id),
    keys: {
      [profiles.seats]: demo.seats.floatingKey,
      [profiles.flecs]: demo.flecs.licenseKey,
      [profiles.licensespring]: ls.nodeLockedKey,
      [profiles.licensespringFloating]: ls.floatingKey,
    },
    flecsUser: { username: demo.flecs.username, password: demo.flecs.password },
    eniris: {
      username: demo.eniris.username,
      password: demo.eniris.password,
      key: demo.eniris.freeKey,
      nodeId: demo.eniris.nodeId,
      customerId: demo.eniris.customerId,
    },
    lsFeatures: ls.features,
    lsOfflineKey: ls.consumptionKey,
    licenceFileText,
    hubsCsv,
    hubIds,
    hubPassword: sandboxes.servers.mobiusflow.hubs[0]?.password ?? '',
    spareCode,
  };

  const typed: Secret[] = [
    { label: 'seats API key (config)', value: sandboxes.servers.seats.apiKey },
    {
      label: 'LicenseSpring API key (config)',
      value: sandboxes.servers.licensespring.apiKey,
      signerIdOf: [profiles.licensespring, profiles.licensespringFloating],
    },
    {
      label: 'LicenseSpring shared key (config)',
      value: sandboxes.servers.licensespring.sharedKey,
    },
    {
      label: 'LicenseSpring OAuth client secret (config)',
      value: sandboxes.servers.licensespring.oauth.clientSecret,
    },
    ...Object.entries(fixtures.keys).map(([profileId, value]) => ({
      label: `${profileId} licence key`,
      value,
      licenceKeyOf: profileId,
    })),
    {
      label: 'LicenseSpring offline key',
      value: ls.consumptionKey,
      licenceKeyOf: profiles.licensespring,
    },
    { label: 'FLECS password', value: demo.flecs.password },
    { label: 'Eniris password', value: demo.eniris.password },
    { label: 'Eniris licence key', value: demo.eniris.freeKey },
    { label: 'LicenseSpring account password', value: ls.password },
    { label: 'licence file', value: licenceFileText },
    { label: 'hub licence code', value: spareCode },
    ...sandboxes.servers.mobiusflow.hubs.map((hub) => ({
      label: `hub ${hub.hid} password`,
      value: hub.password,
    })),
  ];
  for (const secret of typed)
    if (secret.value.length < MIN_SECRET_LENGTH)
      throw new Error(`setup: ${secret.label} is too short to search for reliably`);

  const sealedHubSecrets = createSealedFileSecretStore({ dir: dataDir, keys: secretStore });
  const secrets = async (): Promise<readonly Secret[]> => {
    const found: Secret[] = [...typed];
    for (const [name, values] of secretStore.written) {
      // Read back what the store holds now, and every value it was ever given.
      const current = await secretStore.get(name);
      for (const value of new Set([...values, ...(current === undefined ? [] : [current])]))
        found.push(...secretsInStoredValue(name, value));
    }
    const hubBundle = await sealedHubSecrets.get('hubs-secrets');
    if (hubBundle === undefined) throw new Error('the hub secrets were not sealed where expected');
    for (const [name, value] of Object.entries(JSON.parse(hubBundle) as Record<string, string>))
      found.push(...secretsInStoredValue(`hubs-secrets.sealed.json → ${name}`, value));
    for (const value of sentCredentials)
      found.push({ label: 'credential sent on the wire', value });
    const unique = new Map<string, Secret>();
    for (const secret of found)
      if (secret.value.length >= MIN_SECRET_LENGTH && !unique.has(secret.value))
        unique.set(secret.value, secret);
    return [...unique.values()];
  };

  return {
    core,
    clock,
    sandboxes,
    dataDir,
    logFile,
    flushLog: refusalLog.flush,
    gate,
    dispatched,
    call,
    fixtures,
    secrets,
    async close() {
      await refusalLog.flush();
      await core.close(2_000);
      await sandboxes.close();
    },
  };
}

/**
 * The forms a secret could take in text: as is, JSON-escaped, URL-encoded, hex, and base64 /
 * base64url at each of the three alignments it can have inside a longer encoded string (only the
 * characters that depend on the secret alone, so a match means the secret is really there).
 */
export function encodedForms(secret: string): { form: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [
    { form: 'plain', text: secret },
    { form: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
    { form: 'URL-encoded', text: encodeURIComponent(secret) },
    { form: 'form-encoded', text: new URLSearchParams({ s: secret }).toString().slice(2) },
    { form: 'hex', text: bytes.toString('hex') },
    { form: 'HEX', text: bytes.toString('hex').toUpperCase() },
  ];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = Math.ceil((offset * 4) / 3);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const base64 = encoded.slice(start, end);
    forms.push({ form: `base64@${offset}`, text: base64 });
    forms.push({
      form: `base64url@${offset}`,
      text: base64.replaceAll('+', '-').replaceAll('/', '_'),
    });
  }
  const seen = new Set<string>();
  return forms.filter(
    ({ text }) => text.length >= MIN_SECRET_LENGTH && !seen.has(text) && seen.add(text),
  );
}

/** Which secrets (and in which form) occur in `text`: labels only, never the values. */
export function secretsIn(text: string, secrets: readonly Secret[]): string[] {
  const hits: string[] = [];
  for (const secret of secrets)
    for (const { form, text: encoded } of encodedForms(secret.value))
      if (text.includes(encoded)) hits.push(`${secret.label} (${form})`);
  return hits;
}

/** Every file under `dir`, by path relative to it, with its bytes as text. */
export function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dir, path), text: readFileSync(path).toString('utf8') };
    });
}
