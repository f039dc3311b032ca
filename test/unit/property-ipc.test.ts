import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import type { Core } from '../../src/main/core';
import { createDispatcher, type IpcHandlers } from '../../src/main/ipc/dispatch';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import { appErrorSchema } from '../../src/shared/errors';
import { HUB_ID_PATTERN } from '../../src/shared/hubs-model';
import {
  IPC_CHANNELS,
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcInput,
} from '../../src/shared/ipc';
import { openInstallation } from '../support/core-harness';
import { createLsSigner } from '../support/licensespring-signed';
import { createManualClock } from '../support/manual-clock';
import {
  anyString,
  anyValue,
  expectPrototypeIntact,
  mutationOf,
  PROTOTYPE_KEYS,
} from '../support/property-inputs';
import { refusedUrl } from '../support/refused-url';
import { useTempDir } from '../support/temp-dir';

/**
 * IPC payloads (shared/ipc.ts): what a renderer, or anything posing as one, may send on any
 * channel. The contract lets every valid payload through as it is, refuses anything else as
 * `invalid_input` before a handler runs, and the real core behind it answers every payload with a
 * Result whose error (if any) is coded and is never `internal`.
 */

const PROFILES = ['seats', 'flecs', 'eniris', 'ls', 'offline', 'hubs'] as const;

/** Ids of configured profiles, unknown ones, and names Object.prototype has. */
const profileId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROFILES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'tostring', 'valueof', 'prototype') },
);
const printable = (min: number, max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: min,
    maxLength: max,
  });
const key = printable(1, 60);
const account = fc.string({ minLength: 1, maxLength: 40 });
const feature = printable(1, 30).map((text) => text.replace(/ /g, '') || 'f');
const instant = fc
  .integer({ min: 0, max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const hubId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 64 }));
const hid = fc.stringMatching(HUB_ID_PATTERN);
const draft = fc
  .record({
    name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,20}$/),
    site: optional(fc.string({ maxLength: 20 })),
    host: fc.stringMatching(/^[A-Za-z0-9.-]{1,30}$/),
    port: optional(fc.integer({ min: 1, max: 65_535 })),
    basePath: optional(fc.stringMatching(/^(\/[A-Za-z0-9._~-]{1,8}){0,3}$/)),
    hid,
    lan: fc.boolean(),
    username: fc.string({ minLength: 1, maxLength: 30 }),
    password: optional(fc.string({ minLength: 1, maxLength: 30 })),
  })
  .map(({ lan, ...rest }) => ({
    ...rest,
    lan,
    scheme: lan ? ('http' as const) : ('https' as const),
  }));
const onProfile = fc.record({ profileId });
/** Addresses the contract's (practical, not RFC 5322) e-mail pattern takes. */
const email = fc.stringMatching(
  /^[a-z0-9_+-]{1,10}(\.[a-z0-9_+-]{1,10})?@[a-z0-9]{1,10}\.[a-z]{2,6}$/,
);
const noInput = fc.constant({});
const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A valid payload of every channel: the map must name each one (the type says so). */
const VALID: { readonly [C in IpcChannel]: fc.Arbitrary<IpcInput<C>> } = {
  'app:info': noInput,
  'profiles:list': noInput,
  'licence:status': onProfile,
  'licence:activate': fc.record({ profileId, key }),
  'licence:activate-account': fc.record({ profileId, username: account, password: account }),
  'licence:activate-serial': onProfile,
  'licence:validate': onProfile,
  'licence:deactivate': onProfile,
  'seat:request': onProfile,
  'seat:heartbeat': onProfile,
  'seat:release': onProfile,
  'seat:info': onProfile,
  'eniris:account': onProfile,
  'eniris:sign-in': fc.record({ profileId, username: account, password: account }),
  'eniris:sign-out': onProfile,
  'eniris:activate': fc
    .record({ profileId, key: printable(1, 50), activationIso: optional(instant) })
    .map(strip),
  'eniris:claim': fc.record({ profileId, key: printable(1, 50), nodeId: printable(1, 40) }),
  'eniris:licences': fc.oneof(
    fc.record({ profileId, nodeId: printable(1, 40) }),
    fc.record({ profileId, customerId: fc.uuid() }),
  ),
  'licensespring:product': onProfile,
  'licensespring:details': fc.record({ profileId, refresh: optional(fc.boolean()) }).map(strip),
  'licensespring:trial': fc.record({ profileId, email: optional(email) }).map(strip),
  'licensespring:borrow': fc.record({ profileId, until: optional(instant) }).map(strip),
  'licensespring:release': onProfile,
  'licensespring:consume': fc
    .record({
      profileId,
      amount: fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0),
      feature: optional(feature),
    })
    .map(strip),
  'licensespring:feature-check': fc.record({ profileId, feature }),
  'licensespring:feature-release': fc.record({ profileId, feature }),
  'licensespring:feature-borrow': fc
    .record({ profileId, feature, until: optional(instant) })
    .map(strip),
  'offline:request': fc.record({ profileId, key }),
  'offline:activate': fc.record({ profileId, text: anyString }),
  'offline:deactivate': onProfile,
  'licence-file:status': onProfile,
  'licence-file:import': fc.record({ profileId, text: anyString }),
  'licence-file:remove': onProfile,
  'hubs:list': noInput,
  'hubs:add': fc.record({ hub: draft.map(strip) }),
  'hubs:update': fc.record({ id: hubId, hub: draft.map(strip) }),
  'hubs:remove': fc.record({ id: hubId }),
  'hubs:import': fc.record({ csv: fc.string({ maxLength: 400 }) }),
  'hubs:export': noInput,
  'hubs:report': noInput,
  'hubs:refresh': fc
    .record({
      ids: optional(fc.array(hubId, { maxLength: 3 })),
      concurrency: optional(fc.integer({ min: 1, max: 64 })),
    })
    .map(strip),
  'hubs:certificate': fc.record({ id: hubId }),
  'hubs:trust': fc.record({
    id: hubId,
    fingerprint: fc
      .array(fc.stringMatching(/^[0-9A-F]{2}$/), { minLength: 32, maxLength: 32 })
      .map((bytes) => bytes.join(':')),
  }),
  'hubs:set-code': fc.record({
    id: hubId,
    code: fc
      .array(fc.stringMatching(/^[0-9a-f]{4,8}$/), { minLength: 2, maxLength: 4 })
      .map((groups) => groups.join('-')),
  }),
  'link:take': noInput,
  'settings:start-at-login': noInput,
  'settings:set-start-at-login': fc.record({ enabled: fc.boolean() }),
  'diagnostics:report': noInput,
  'diagnostics:test-connection': onProfile,
  'diagnostics:bundle': noInput,
};

/** A channel and a payload for it: valid, valid with one change, or anything at all. */
const call = (channels: readonly IpcChannel[]) =>
  fc.constantFrom(...channels).chain((channel) => {
    const valid = VALID[channel] as fc.Arbitrary<unknown>;
    return fc.tuple(
      fc.constant(channel),
      fc.oneof(
        { weight: 2, arbitrary: valid },
        { weight: 3, arbitrary: mutationOf(valid) },
        { weight: 1, arbitrary: anyValue },
      ),
    );
  });

describe('the IPC contract', () => {
  it.each(IPC_CHANNELS)('%s lets every valid payload through, as a fixed point', (channel) => {
    const schema = ipcContract[channel].input;
    fc.assert(
      fc.property(VALID[channel] as fc.Arbitrary<unknown>, (payload) => {
        const parsed = schema.safeParse(payload);
        expect(parsed.error?.issues ?? []).toEqual([]);
        // Parsing what was parsed changes nothing: no default or trim is applied twice.
        expect(schema.parse(parsed.data)).toEqual(parsed.data);
      }),
      { numRuns: 40 },
    );
  });

  it('runs a handler only with a payload the contract accepts, and answers a Result for any call', async () => {
    /** The call the last handler got, if any ran. */
    const seen: { call?: { channel: string; input: unknown } } = {};
    // Read through a function: TypeScript cannot know that the dispatch set it.
    const lastCall = () => seen.call;
    const handlers = Object.fromEntries(
      IPC_CHANNELS.map((channel) => [
        channel,
        async (input: unknown) => {
          seen.call = { channel, input };
          throw new LicensingError('not_activated', 'handled');
        },
      ]),
    ) as unknown as IpcHandlers;
    const dispatch = createDispatcher(handlers);
    const anyChannel = fc.oneof(
      fc.constantFrom<unknown>(...IPC_CHANNELS),
      fc.constantFrom(...PROTOTYPE_KEYS),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(call(IPC_CHANNELS), fc.tuple(anyChannel, anyValue)),
        async ([channel, payload]) => {
          delete seen.call;
          const result = await dispatch(channel, payload);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(appErrorSchema.safeParse(result.error).success).toBe(true);
          const handled = lastCall();
          if (handled === undefined) {
            expect(result.error.code).toBe('invalid_input');
          } else {
            expect(isIpcChannel(channel)).toBe(true);
            const schema = ipcContract[channel as IpcChannel].input;
            expect(handled.input).toEqual(schema.parse(payload ?? {}));
            // Strict objects: the handler never sees a key the contract does not name.
            const named = Object.keys((schema as unknown as { shape: object }).shape);
            for (const name of Object.keys(handled.input as object)) expect(named).toContain(name);
            expect(result.error.code).toBe('not_activated');
          }
          expectPrototypeIntact();
        },
      ),
      { numRuns: 600 },
    );
  });

  it('refuses an own "__proto__" or unknown key next to a valid payload, on every channel', () => {
    const valid = fc
      .constantFrom(...IPC_CHANNELS)
      .chain((channel) => fc.tuple(fc.constant(channel), VALID[channel] as fc.Arbitrary<object>));
    fc.assert(
      fc.property(
        valid,
        fc.constantFrom('__proto__', 'constructor', 'extra'),
        ([channel, payload], name) => {
          const hostile = { ...payload };
          // An own key, as JSON.parse makes it from what a renderer sent.
          Object.defineProperty(hostile, name, { value: { polluted: 'yes' }, enumerable: true });
          const sent = JSON.parse(JSON.stringify(hostile)) as unknown;
          expect(ipcContract[channel].input.safeParse(sent).success).toBe(false);
          expectPrototypeIntact();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the real core behind the contract', () => {
  const tempDir = useTempDir();
  let core: Core;

  beforeAll(async () => {
    const nowhere = await refusedUrl();
    const config: VendorConfig = {
      productName: 'Test product',
      productId: 'test-product',
      demo: false,
      allowWeakSecretStore: false,
      profiles: [
        { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: nowhere, apiKey: 'api_x' },
        { id: 'flecs', kind: 'flecs', label: 'FLECS', baseUrl: nowhere, serialNumber: 'SN1' },
        { id: 'eniris', kind: 'eniris', label: 'Eniris', authUrl: nowhere, apiUrl: nowhere },
        {
          id: 'ls',
          kind: 'licensespring',
          label: 'LicenseSpring',
          baseUrl: nowhere,
          productCode: 'lmpro',
          auth: { kind: 'hmac', apiKey: 'api', sharedKey: 'shared' },
          publicKey: createLsSigner().publicKeyPem,
          authorizationMethod: 'license-key',
          allowConsumption: true,
        },
        {
          id: 'offline',
          kind: 'licence-file',
          label: 'Licence file',
          productCode: 'test-product',
          publicKey: generateVendorKeyPair().publicKeyPem,
          expiryWarningDays: 14,
        },
        { id: 'hubs', kind: 'mobiusflow', label: 'Hubs', concurrency: 4 },
      ],
    };
    const clock = createManualClock(Date.UTC(2026, 0, 15, 9));
    ({ core } = await openInstallation({ clock, dataDir: tempDir(), config, keepAlive: false }));
  });

  afterAll(async () => {
    await core.close(500);
  });

  // Adding hubs would send later calls to whatever host a payload named: the inventory stays
  // empty, and the hub channels that read it are called with ids it does not have.
  const channels = IPC_CHANNELS.filter(
    (channel) => !['hubs:add', 'hubs:update', 'hubs:import'].includes(channel),
  );

  /** The profiles each area serves, so that most valid calls get past the profile lookup. */
  const AREA_PROFILES: Readonly<Record<string, readonly string[]>> = {
    licence: ['seats', 'flecs', 'ls'],
    seat: ['seats'],
    eniris: ['eniris'],
    licensespring: ['ls'],
    offline: ['ls'],
    'licence-file': ['offline'],
  };
  const aimed = (channel: IpcChannel, payload: unknown, pick: number): unknown => {
    const own = AREA_PROFILES[channel.split(':')[0]!];
    const fits = typeof payload === 'object' && payload !== null && 'profileId' in payload;
    return own && fits ? { ...payload, profileId: own[pick % own.length] } : payload;
  };

  it('takes a profile id named like a built-in property for no profile at all', async () => {
    for (const profileId of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const result = await core.dispatch('licence:activate-serial', { profileId });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(result)).not.toContain('already uses');
    }
  });

  it('answers every call with a value or a coded error, never internal', async () => {
    await fc.assert(
      fc.asyncProperty(call(channels), fc.nat(5), async ([channel, raw], pick) => {
        // One call in six keeps the profile it was given (unknown, or of another kind).
        const payload = pick === 5 ? raw : aimed(channel, raw, pick);
        const result = await core.dispatch(channel, payload);
        if (!result.ok) {
          expect(appErrorSchema.safeParse(result.error).success).toBe(true);
          expect({ channel, payload, error: result.error }).not.toMatchObject({
            error: { code: 'internal' },
          });
        }
        expectPrototypeIntact();
      }),
      { numRuns: 300 },
    );
  });
});
