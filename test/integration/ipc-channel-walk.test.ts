import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { IpcSender } from '../../src/main/ipc/ipc-gate';
import { INVOKE_CHANNELS } from '../../src/shared/channels';
import { ipcContract, IPC_CHANNELS, type IpcChannel, type IpcInput } from '../../src/shared/ipc';
import type { Result } from '../../src/shared/result';
import {
  activateEveryBackend,
  APP_SENDER,
  secretsIn,
  type EveryBackend,
  type Fixtures,
  type Secret,
} from '../support/every-backend';

/**
 * Walks every channel of the IPC contract against one installation activated on every backend
 * (real core, real sandboxes over loopback HTTP, the app's on-disk layout):
 *  (a) well-formed requests: no answer and no pushed event carries any secret, in any encoding;
 *  (b) requests of the wrong shape, generated from each channel's schema: refused with a code
 *      before any handler runs, and logged;
 *  (c) requests from a sender that is not our page: refused, logged, never dispatched.
 * The walk iterates the contract's registry, so a channel added there is walked too; (a) then
 * fails until the channel has well-formed samples below (TypeScript asks for them as well).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Samples = { readonly [C in IpcChannel]: readonly IpcInput<C>[] };

/** Well-formed requests for every channel; profile-scoped ones on every configured profile. */
function wellFormed(f: Fixtures, now: number): Samples {
  const p = f.profiles;
  const onEach = f.profileIds.map((profileId) => ({ profileId }));
  const keyFor = (profileId: string) => f.keys[profileId] ?? f.keys[p.seats] ?? 'ABCD-EFGH';
  const until = new Date(now + 3 * DAY).toISOString();
  // The demo's floating licence and feature may be borrowed for 24 and 12 hours at most.
  const soon = new Date(now + 6 * HOUR).toISOString();
  const hubId = f.hubIds[0] ?? 'missing';
  const lastHub = f.hubIds.at(-1) ?? hubId;
  const hub = {
    name: 'Walked hub',
    site: 'Walk',
    scheme: 'http' as const,
    host: '127.0.0.1',
    port: 9,
    basePath: '/hubs/0000AA',
    hid: '0000AA',
    lan: true,
    username: 'admin',
    password: f.hubPassword,
  };
  return {
    'app:info': [{}],
    'profiles:list': [{}],
    'licence:status': onEach,
    'licence:activate': f.profileIds.map((profileId) => ({ profileId, key: keyFor(profileId) })),
    'licence:activate-account': f.profileIds.map((profileId) => ({ profileId, ...f.flecsUser })),
    'licence:activate-serial': onEach,
    'licence:validate': onEach,
    'licence:deactivate': onEach,
    'seat:request': onEach,
    'seat:heartbeat': onEach,
    'seat:release': onEach,
    'seat:info': onEach,
    'eniris:account': onEach,
    'eniris:sign-in': [
      { profileId: p.eniris, username: f.eniris.username, password: f.eniris.password },
    ],
    'eniris:sign-out': onEach,
    'eniris:activate': [
      { profileId: p.eniris, key: f.eniris.key },
      { profileId: p.eniris, key: f.eniris.key, activationIso: until },
    ],
    'eniris:claim': [{ profileId: p.eniris, key: f.eniris.key, nodeId: f.eniris.nodeId }],
    'eniris:licences': [
      { profileId: p.eniris, nodeId: f.eniris.nodeId },
      { profileId: p.eniris, customerId: f.eniris.customerId },
    ],
    'licensespring:product': onEach,
    'licensespring:details': [
      ...onEach,
      ...f.profileIds.map((profileId) => ({ profileId, refresh: true })),
    ],
    'licensespring:trial': [...onEach, { profileId: p.licensespring, email: 'walk@example.com' }],
    'licensespring:borrow': [
      { profileId: p.licensespringFloating, until: soon },
      { profileId: p.licensespringFloating },
    ],
    'licensespring:release': onEach,
    'licensespring:consume': [
      { profileId: p.licensespring, amount: 1 },
      { profileId: p.licensespring, amount: 1, feature: f.lsFeatures.consumption },
    ],
    'licensespring:feature-check': Object.values(f.lsFeatures).map((feature) => ({
      profileId: p.licensespring,
      feature,
    })),
    'licensespring:feature-release': [
      { profileId: p.licensespring, feature: f.lsFeatures.floating },
    ],
    'licensespring:feature-borrow': [
      { profileId: p.licensespring, feature: f.lsFeatures.floating, until: soon },
    ],
    'offline:request': f.profileIds.map((profileId) => ({ profileId, key: keyFor(profileId) })),
    'offline:activate': f.profileIds.map((profileId) => ({ profileId, text: f.licenceFileText })),
    'offline:deactivate': onEach,
    'licence-file:status': onEach,
    'licence-file:import': [{ profileId: p.licenceFile, text: f.licenceFileText }],
    'licence-file:remove': onEach,
    'hubs:list': [{}],
    'hubs:add': [{ hub }],
    // The last hub is the one edited, then removed; the first keeps working for set-code.
    'hubs:update': [{ id: lastHub, hub: { ...hub, hid: '0000AB', basePath: '/hubs/0000AB' } }],
    'hubs:remove': [{ id: lastHub }],
    'hubs:import': [{ csv: f.hubsCsv }],
    'hubs:export': [{}],
    'hubs:report': [{}],
    'hubs:refresh': [{}, { ids: [hubId], concurrency: 2 }],
    'hubs:certificate': [{ id: hubId }],
    'hubs:trust': [{ id: hubId, fingerprint: Array.from({ length: 32 }, () => 'AB').join(':') }],
    'hubs:set-code': [{ id: hubId, code: f.spareCode }],
    'link:take': [{}],
    'settings:start-at-login': [{}],
    'settings:set-start-at-login': [{ enabled: true }, { enabled: false }],
    'diagnostics:report': [{}],
    'diagnostics:test-connection': onEach,
    'diagnostics:bundle': [{}],
  };
}

/**
 * The walk has three passes. First every other channel, while everything is activated; then
 * these, in this order (parts before the whole); then every other channel once more, on a
 * computer where nothing is activated any more (offline requests and trials answer only there),
 * with the channels that activate last so the rest still find nothing activated.
 */
const ENDS_SOMETHING: readonly IpcChannel[] = [
  'licensespring:feature-release',
  'licensespring:release',
  'seat:release',
  'offline:deactivate',
  'licence:deactivate',
  'eniris:sign-out',
  'licence-file:remove',
  'hubs:remove',
];

const ACTIVATES: readonly IpcChannel[] = [
  'licensespring:trial',
  'offline:activate',
  'licence:activate-serial',
  'licence:activate-account',
  'licence:activate',
  'licence-file:import',
];

/**
 * The only answers allowed to name a secret, and which: an offline request or deactivation file
 * is carried by the person to LicenseSpring's portal, so it names the licence key it is for (the
 * one typed in this request, or the one this profile was activated with) and, by LicenseSpring's
 * protocol, the API key that signed it (CONTRACTS.md §5.6; src/shared/offline-model.ts). Never a
 * token, session id, password, shared key or another profile's key.
 */
const OFFLINE_REQUEST_FILES: ReadonlySet<IpcChannel> = new Set([
  'offline:request',
  'offline:deactivate',
]);

const allowedIn =
  (channel: IpcChannel, payload: unknown) =>
  (secret: Secret): boolean => {
    if (!OFFLINE_REQUEST_FILES.has(channel)) return false;
    const { profileId, key } = payload as { profileId?: string; key?: string };
    return (
      secret.value === key ||
      (profileId !== undefined &&
        (secret.licenceKeyOf === profileId || secret.signerIdOf?.includes(profileId) === true))
    );
  };

/** Channels no well-formed request here can make succeed, and why (every other one must). */
const NEVER_ANSWERED: Partial<Record<IpcChannel, string>> = {
  'hubs:certificate': 'the sandbox hubs speak plain http on the LAN (TLS: hub-tls tests)',
  'hubs:trust': 'the sandbox hubs speak plain http on the LAN (TLS: hub-tls tests)',
};

// ---- wrong shapes, generated from the channel's input schema ----------------------------------

interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly maxItems?: number;
  readonly maxLength?: number;
}

type Path = readonly (string | number)[];
interface WrongShape {
  readonly label: string;
  readonly payload: unknown;
}

const at = (
  base: unknown,
  path: Path,
  change: (parent: Record<string, unknown>, key: string | number) => void,
): unknown => {
  const copy = structuredClone(base) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
  change(parent, path[path.length - 1] as string | number);
  return copy;
};
const setAt = (base: unknown, path: Path, value: unknown) =>
  at(base, path, (parent, key) => void (parent[key] = value));
const removeAt = (base: unknown, path: Path) =>
  at(base, path, (parent, key) => void delete parent[key]);

/** A value that is not of the schema's type. */
const WRONG_TYPE: Readonly<Record<string, unknown>> = {
  string: 42,
  number: 'forty-two',
  integer: 1.5,
  boolean: 'yes',
  array: 'not a list',
  object: 'not an object',
};

/** Bigger than the field allows, and never smaller than a megabyte. */
const hugeString = (schema: JsonSchema) =>
  'x'.repeat(Math.max(1_000_000, (schema.maxLength ?? 0) + 1));
const HUGE_KEY = 'k'.repeat(100_000);

function* wrongShapesAt(
  schema: JsonSchema,
  value: unknown,
  base: unknown,
  path: Path,
): Generator<WrongShape> {
  const where = path.length === 0 ? 'request' : path.join('.');
  const wrong = schema.type ? WRONG_TYPE[schema.type] : undefined;
  if (path.length > 0 && wrong !== undefined)
    yield { label: `${where}: wrong type`, payload: setAt(base, path, wrong) };
  if (schema.type === 'string' && path.length > 0)
    yield { label: `${where}: huge string`, payload: setAt(base, path, hugeString(schema)) };
  if (schema.type === 'array') {
    const item = Array.isArray(value) && value.length > 0 ? value[0] : 'x';
    if (schema.maxItems !== undefined)
      yield {
        label: `${where}: too many items`,
        payload: setAt(
          base,
          path,
          Array.from({ length: schema.maxItems + 1 }, () => item),
        ),
      };
    if (schema.items)
      yield* wrongShapesAt(schema.items, item, setAt(base, path, [item]), [...path, 0]);
  }
  if (schema.type === 'object') {
    const object = (value ?? {}) as Record<string, unknown>;
    yield { label: `${where}: unknown field`, payload: setAt(base, [...path, 'unexpected'], true) };
    yield {
      label: `${where}: huge unknown field`,
      payload: setAt(base, [...path, HUGE_KEY], 'x'.repeat(1_000_000)),
    };
    for (const name of schema.required ?? [])
      yield { label: `${where}.${name}: missing`, payload: removeAt(base, [...path, name]) };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      // An optional field left out of the sample is put in, wrongly.
      yield* wrongShapesAt(property, object[name], base, [...path, name]);
    }
  }
}

function wrongShapes(channel: IpcChannel, base: unknown): WrongShape[] {
  const schema = z.toJSONSchema(ipcContract[channel].input, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return [
    ...[42, 'text', [], true].map((payload) => ({
      label: `not an object (${JSON.stringify(payload)})`,
      payload,
    })),
    ...wrongShapesAt(schema, base, base, []),
  ];
}

/** Senders that are not our page: foreign and look-alike origins, a sub-frame, a frame gone. */
const UNTRUSTED: readonly (IpcSender & { label: string })[] = [
  { label: 'another origin', url: 'https://evil.example/index.html', isMainFrame: true },
  { label: 'a look-alike origin', url: 'app://bundle.evil/index.html', isMainFrame: true },
  { label: 'credentials in the URL', url: 'app://user@bundle/index.html', isMainFrame: true },
  { label: 'a file:// page', url: 'file:///tmp/index.html', isMainFrame: true },
  { label: 'a dev server not listed', url: 'http://localhost:5173/', isMainFrame: true },
  { label: 'a sub-frame of our page', url: 'app://bundle/frame.html', isMainFrame: false },
  { label: 'a frame that is gone', url: undefined, isMainFrame: true },
];

// ---- the walk ------------------------------------------------------------------------------

// One installation for the whole file (the walk's steps build on each other), so its folder lives
// as long as the file does (useTempDir's folders go after each test).
let dataDir: string;
let every: EveryBackend;
let samples: Samples;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lm-walk-'));
  every = await activateEveryBackend({ dataDir });
  samples = wellFormed(every.fixtures, every.clock.now());
}, 60_000);
afterAll(async () => {
  await every?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The offline activation of the walk: the request file this computer wrote goes to the sandbox's
 * offline portal endpoint (what LicenseSpring's portal does), and its licence file is imported.
 */
async function portalRoundTrip(
  ask: (channel: IpcChannel, payload: unknown) => Promise<Result<unknown>>,
): Promise<void> {
  const profileId = every.fixtures.profiles.licensespring;
  const request = await ask('offline:request', {
    profileId,
    key: every.fixtures.lsOfflineKey,
  });
  if (!request.ok) throw new Error(`offline request refused: ${request.error.message}`);
  const portal = await fetch(
    `${every.sandboxes.servers.licensespring.url}/api/v4/activate_offline`,
    {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: (request.value as { text: string }).text,
    },
  );
  expect(portal.status, await portal.clone().text()).toBe(200);
  await ask('offline:activate', { profileId, text: await portal.text() });
}

// The log writes after the refused call has been answered: wait for it before reading.
const lastLogEntry = async (): Promise<Record<string, unknown>> => {
  await every.flushLog();
  const lines = readFileSync(every.logFile, 'utf8').trimEnd().split('\n');
  return JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
};
const logLineCount = async (): Promise<number> => {
  await every.flushLog();
  try {
    return readFileSync(every.logFile, 'utf8').trimEnd().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

describe('the IPC channel registry', () => {
  it('is the preload allow-list, and every channel has well-formed samples to walk', () => {
    expect([...IPC_CHANNELS]).toEqual([...INVOKE_CHANNELS]);
    for (const channel of IPC_CHANNELS) {
      expect(samples[channel], `no well-formed samples for ${channel}`).toBeDefined();
      expect(samples[channel].length, `no well-formed samples for ${channel}`).toBeGreaterThan(0);
      for (const payload of samples[channel])
        expect(
          ipcContract[channel].input.safeParse(payload).success,
          `${channel} sample ${JSON.stringify(payload).slice(0, 200)} is not well-formed`,
        ).toBe(true);
    }
  });
});

describe('walking every channel with well-formed requests', () => {
  it('never answers or pushes a secret: no key, token, session id, password or shared key', async () => {
    const answers: { channel: IpcChannel; payload: unknown; result: Result<unknown> }[] = [];
    const loggedBefore = await logLineCount();
    const events: string[] = [];
    const stop = every.core.onEvent((event) => events.push(JSON.stringify(event)));
    const ask = async (channel: IpcChannel, payload: unknown) => {
      const result = await every.gate(APP_SENDER, channel, payload);
      answers.push({ channel, payload, result });
      return result;
    };
    const others = IPC_CHANNELS.filter((channel) => !ENDS_SOMETHING.includes(channel));
    const inactive = [
      ...others.filter((channel) => !ACTIVATES.includes(channel)),
      ...ACTIVATES.filter((channel) => others.includes(channel)),
    ];
    for (const channel of others)
      for (const payload of samples[channel]) await ask(channel, payload);
    for (const channel of ENDS_SOMETHING)
      for (const payload of samples[channel]) await ask(channel, payload);
    for (const channel of inactive) {
      for (const payload of samples[channel]) await ask(channel, payload);
      // The person carries the request file to LicenseSpring's portal and imports its answer.
      if (channel === 'offline:request') await portalRoundTrip(ask);
    }
    // Heartbeats and revalidations push events too: let the scheduled ones run.
    await every.clock.advanceAsync(10 * 60_000);
    stop();

    // Collected after the walk: tokens rotated or issued during it count too.
    const secrets = await every.secrets();
    expect(secrets.length).toBeGreaterThan(30);
    const leaks = answers.flatMap(({ channel, payload, result }) =>
      secretsIn(
        JSON.stringify(result),
        secrets.filter((secret) => !allowedIn(channel, payload)(secret)),
      ).map((hit) => `${channel} ${JSON.stringify(payload).slice(0, 80)}: ${hit}`),
    );
    const eventLeaks = events.flatMap((event) => secretsIn(event, secrets));
    expect(leaks).toEqual([]);
    expect(eventLeaks).toEqual([]);

    // Well-formed requests from our page are no refusal of the gate, even where a handler says
    // invalid_input in words that name hosts, ids or a server's text: none is logged.
    const handlerRefusals = answers.filter(
      ({ result }) => !result.ok && result.error.code === 'invalid_input',
    );
    expect(handlerRefusals.length).toBeGreaterThan(0);
    expect(await logLineCount()).toBe(loggedBefore);

    // The walk did reach the core: nearly every channel answered with a value at least once, so
    // the answers checked above are real views, files and lists, not just refusals.
    const answered = new Set(answers.filter(({ result }) => result.ok).map((a) => a.channel));
    const neverAnswered = IPC_CHANNELS.filter((channel) => !answered.has(channel));
    expect(neverAnswered).toEqual(Object.keys(NEVER_ANSWERED));
  }, 120_000);
});

describe('walking every channel with requests of the wrong shape', () => {
  it('refuses each with invalid_input before any handler runs, and logs it without the payload', async () => {
    let walked = 0;
    for (const channel of IPC_CHANNELS) {
      const base = samples[channel][0];
      for (const { label, payload } of wrongShapes(channel, base)) {
        const before = await logLineCount();
        const dispatchedBefore = every.dispatched.length;
        const result = await every.gate(APP_SENDER, channel, payload);
        expect(result, `${channel} ${label}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
        expect(every.dispatched.length).toBe(dispatchedBefore + 1);
        // The contract's refusal (the field, then the rule), not a handler's: none ran.
        if (!result.ok) expect(result.error.message).toMatch(/^[\w.]+: /);
        expect(await logLineCount(), `${channel} ${label} was not logged`).toBe(before + 1);
        const entry = await lastLogEntry();
        expect(entry).toMatchObject({ event: 'ipc_refused', code: 'invalid_input', channel });
        // Bounded: a megabyte-long field or key name never reaches the log in full.
        expect(JSON.stringify(entry).length).toBeLessThan(1_000);
        walked += 1;
      }
    }
    expect(walked).toBeGreaterThan(IPC_CHANNELS.length * 4);
  }, 120_000);

  it('refuses unknown channels, prototype names and a huge channel name, and logs them as unknown', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'x'.repeat(1_000_000), 42, null]) {
      const before = await logLineCount();
      expect(await every.gate(APP_SENDER, channel, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await logLineCount()).toBe(before + 1);
      expect(await lastLogEntry()).toMatchObject({ code: 'invalid_input', channel: 'unknown' });
    }
  });

  it('never logs what a refused request carried', async () => {
    const { password } = every.fixtures.flecsUser;
    await every.gate(APP_SENDER, 'licence:activate-account', {
      profileId: every.fixtures.profiles.flecsAccount,
      username: 'demo',
      password,
      extra: true,
    });
    expect(await lastLogEntry()).toMatchObject({
      code: 'invalid_input',
      channel: 'licence:activate-account',
    });
    expect(readFileSync(every.logFile, 'utf8')).not.toContain(password);
  });
});

describe('walking every channel from senders that are not our page', () => {
  it('refuses each with unauthorized, logs it, and never reaches the dispatcher', async () => {
    for (const channel of IPC_CHANNELS) {
      const payload = samples[channel][0];
      for (const sender of UNTRUSTED) {
        const before = await logLineCount();
        const dispatchedBefore = every.dispatched.length;
        const result = await every.gate(sender, channel, payload);
        expect(result, `${channel} from ${sender.label}`).toMatchObject({
          ok: false,
          error: { code: 'unauthorized' },
        });
        expect(every.dispatched.length, `${channel} from ${sender.label} was dispatched`).toBe(
          dispatchedBefore,
        );
        expect(await logLineCount()).toBe(before + 1);
        expect(await lastLogEntry()).toMatchObject({
          event: 'ipc_refused',
          code: 'unauthorized',
          channel,
        });
      }
    }
    // The log says where a refused request came from: its origin, never its full URL.
    await every.gate(
      { url: 'https://evil.example/steal?session=abc', isMainFrame: true },
      'app:info',
      {},
    );
    expect(await lastLogEntry()).toMatchObject({ sender: 'https://evil.example' });
    await every.gate({ url: undefined, isMainFrame: true }, 'app:info', {});
    expect(await lastLogEntry()).toMatchObject({ sender: 'none' });
  });

  it('still answers our own page afterwards', async () => {
    expect(await every.call('app:info', {})).toMatchObject({ ok: true });
  });
});
