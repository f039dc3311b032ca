import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { HttpClient, HttpRequest } from '../../src/main/http/http-client';
import { lowerCaseHeaders, parseBody } from '../../src/main/http/response-body';
import { toLicenceView } from '../../src/main/hubs/hub-licence';
import { createEnirisClient } from '../../src/main/licensing/backends/eniris';
import { retryAfterOf } from '../../src/main/licensing/backends/eniris-errors';
import {
  activateReply as enirisActivate,
  claimReply,
  listReply,
  readTokenText,
  toEnirisLicence,
} from '../../src/main/licensing/backends/eniris-wire';
import { createFlecsClient } from '../../src/main/licensing/backends/flecs';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import {
  activationReply as flecsActivation,
  loginReply,
  validationReply,
} from '../../src/main/licensing/backends/flecs-wire';
import { createLicenseSpringBackend } from '../../src/main/licensing/backends/licensespring';
import { toLsLicence } from '../../src/main/licensing/backends/licensespring-mapping';
import {
  borrowReply,
  consumptionReply,
  featureWire,
  licenceWire,
  productReply,
  trialReply,
} from '../../src/main/licensing/backends/licensespring-wire';
import { createMobiusFlowClient } from '../../src/main/licensing/backends/mobiusflow';
import {
  readJwtTimes,
  readLicenceReply,
  tokenPairReply,
} from '../../src/main/licensing/backends/mobiusflow-wire';
import {
  activationReply as seatsActivation,
  heartbeatReply,
  infoReply,
  seatRequestReply,
} from '../../src/main/licensing/backends/seats-wire';
import { parseReply, parseRetryAfter } from '../../src/main/licensing/backends/wire-helpers';
import { enirisLicenceView } from '../../src/main/licensing/eniris-service';
import { detailsOf } from '../../src/main/licensing/licensespring-views';
import { ERROR_CODES, type ErrorCode } from '../../src/shared/errors';
import { hubLicenceViewSchema } from '../../src/shared/hubs-model';
import { lsLicenceDetailsSchema } from '../../src/shared/licensespring-model';
import { enirisLicenceViewSchema } from '../../src/shared/model';
import {
  createLsSigner,
  LS_API_KEY,
  LS_HARDWARE_ID,
  LS_PRODUCT,
  LS_SHARED_KEY,
  lsLicenceBody,
  v1Of,
} from '../support/licensespring-signed';
import {
  anyJson,
  anyString,
  anyValue,
  deeplyNestedJson,
  expectPrototypeIntact,
  mutationOf,
  outcomeOf,
  settledOutcome,
} from '../support/property-inputs';
import { createMemoryVault } from './eniris-fake-api';
import { fixedClock, NOW } from './seats-fake-http';

/**
 * What every backend's server may answer, parsed by the client: the HTTP body and headers, each
 * protocol's reply schemas, the domain values made from them and the views the screens get, and
 * each adapter end to end against an in-memory server answering anything. A reply that does not
 * fit is a coded error (a `protocol` error for a 2xx), never a crash, never a secret in a message,
 * and what is accepted always makes a view the IPC contract accepts.
 */

const HOST = 'licensing.example.com';
const SECRET = 'SECRET-7f3a9c2e5b1d';
/** Any code but `internal`, which says "a bug": adapters must never throw anything else. */
const CODED: readonly ErrorCode[] = ERROR_CODES.filter((code) => code !== 'internal');

const stringified = (value: unknown): string => JSON.stringify(value) ?? '';

/** A message never quotes what the server sent (it may echo a key); short texts match by chance. */
function expectNotQuoted(message: string, raw: string): void {
  const quoted = raw.trim().slice(0, 40);
  if (quoted.length >= 12) expect(message).not.toContain(quoted);
}

describe('HTTP replies', () => {
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/problem+json; charset=utf-8',
    'text/plain',
    'text/html',
  );

  it('reads any body as JSON, text or undefined, or a protocol error when labelled JSON is not', () => {
    const text = fc.oneof(anyString, anyJson.map(stringified), deeplyNestedJson);
    fc.assert(
      fc.property(text, contentType, (raw, type) => {
        const outcome = outcomeOf(() => parseBody(raw, type, HOST), ['protocol']);
        if (!outcome.ok) {
          expect(type).toMatch(/json/);
          expectNotQuoted(outcome.error.message, raw);
          return;
        }
        if (raw.trim() === '') expect(outcome.value).toBeUndefined();
        // (Deeply nested arrays are too deep for a deep comparison.)
        else if (raw.length > 10_000 && Array.isArray(outcome.value)) return;
        else if (typeof outcome.value !== 'string') expect(outcome.value).toEqual(JSON.parse(raw));
        else expect(outcome.value === raw || JSON.parse(raw) === outcome.value).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only text headers, under lower-case names', () => {
    // What axios hands over: text, lists of text (set-cookie), numbers, flags and nothing.
    const value = fc.oneof(
      anyString,
      fc.array(anyString, { maxLength: 3 }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined),
    );
    fc.assert(
      fc.property(fc.dictionary(anyString, value, { maxKeys: 6 }), (raw) => {
        const headers = lowerCaseHeaders(raw);
        for (const [name, value] of Object.entries(headers)) {
          expect(name).toBe(name.toLowerCase());
          expect(typeof value).toBe('string');
        }
        expectPrototypeIntact();
      }),
      { numRuns: 300 },
    );
  });

  it('reads Retry-After (header or Eniris body) as a whole number of seconds to wait, or not at all', () => {
    const retryAfter = fc.oneof(
      anyString,
      fc.stringMatching(/^\s*\d{1,400}\s*$/),
      fc.integer({ min: NOW - 1e10, max: NOW + 1e10 }).map((ms) => new Date(ms).toUTCString()),
    );
    const bodyValue = fc.oneof(retryAfter, fc.double(), fc.constantFrom(1e300, -1, Infinity));
    fc.assert(
      fc.property(fc.option(retryAfter, { nil: undefined }), bodyValue, (header, inBody) => {
        const seconds = [
          parseRetryAfter(header, NOW),
          retryAfterOf(
            { status: 429, headers: {}, body: { retryAfter: inBody }, rawBody: '' },
            NOW,
          ),
        ];
        for (const wait of seconds) {
          // A LicensingError carries it to the screen: it must be a number the IPC contract takes.
          if (wait !== undefined) expect(Number.isSafeInteger(wait) && wait >= 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** One valid reply of each schema: what the mutations start from. */
const timestamp = { seconds: 1_798_761_600, nanos: 5 };
const enirisWire = {
  id: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
  key: SECRET,
  gridKw: null,
  solarKw: 6.5,
  batteryKw: null,
  evKw: null,
  creationDate: '2019-08-24T14:15:22Z',
  activationDate: '2026-01-15T09:00:00+01:00',
  duration: 365,
  deactivationDate: null,
  type: 'residential',
};
const lsSample = fc.sample(lsLicenceBody, { numRuns: 1, seed: 1 })[0]!;
const SCHEMAS: readonly (readonly [string, z.ZodType, unknown])[] = [
  [
    'seats activate/validate',
    seatsActivation,
    {
      success: true,
      licenseToken: SECRET,
      tokenExpireAt: timestamp,
      activeClientCount: 1,
      maxClientCount: 5,
      license: { licenseId: 'l', licensingMode: 2, expireAt: timestamp, licenseKey: [1, 2] },
    },
  ],
  [
    'seats request',
    seatRequestReply,
    { granted: true, licenseToken: SECRET, heartbeatInterval: { seconds: '60' } },
  ],
  ['seats heartbeat', heartbeatReply, { active: true, tokenExpireAt: timestamp }],
  [
    'seats info',
    infoReply,
    {
      licenseTokens: [{ token: SECRET, clientName: 'PC', lastHearbeat: timestamp }],
      licenseId: 'l',
      maxClientCount: 5,
    },
  ],
  [
    'FLECS login',
    loginReply,
    {
      data: {
        jwt: { token: SECRET, token_expires: 1_798_761_600 },
        user: { ID: 6, user_login: 'u', display_name: 'U', user_email: null },
      },
    },
  ],
  ['FLECS activate', flecsActivation, { data: { sessionId: { id: 'x' }, licenseKey: SECRET } }],
  ['FLECS validate', validationReply, { data: { isValid: false } }],
  ['Eniris activate', enirisActivate, { success: true, license: enirisWire }],
  ['Eniris claim', claimReply, { success: true, license: { id: 'i', key: SECRET, nodeId: 'n' } }],
  ['Eniris list', listReply, { licenses: [enirisWire, { ...enirisWire, datalinks: ['d'] }] }],
  ['MobiusFlow tokens', tokenPairReply, { token: SECRET, refreshToken: `${SECRET}.r` }],
  ['LicenseSpring licence', licenceWire, lsSample],
  [
    'LicenseSpring feature',
    featureWire,
    { id: 7, code: 'reports', name: null, feature_type: 'consumption', max_consumption: 5 },
  ],
  ['LicenseSpring consumption', consumptionReply, { total_consumptions: 3, max_consumptions: 9 }],
  ['LicenseSpring borrow', borrowReply, { borrowed_until: '2026-02-01', max_borrow_time: 24 }],
  [
    'LicenseSpring product',
    productReply,
    { product_name: 'P', short_code: 'p', authorization_method: 'user', trial_days: 14 },
  ],
  ['LicenseSpring trial', trialReply, { license_key: SECRET }],
];

describe.each(SCHEMAS)('%s reply', (_, schema, valid) => {
  const secretValue = fc.constant(`${SECRET}-echo`);
  const reply = fc.oneof(
    anyValue,
    mutationOf(fc.constant(valid)),
    mutationOf(fc.constant(valid), secretValue),
  );

  it('parses to a value or a protocol error naming no value from the reply', () => {
    expect(outcomeOf(() => parseReply(schema, valid, HOST), []).ok).toBe(true);
    fc.assert(
      fc.property(reply, (body) => {
        const outcome = outcomeOf(() => parseReply(schema, body, HOST), ['protocol']);
        if (!outcome.ok) {
          expect(outcome.error.message).toContain(HOST);
          expect(outcome.error.message).not.toContain(SECRET);
        }
        expectPrototypeIntact();
      }),
      { numRuns: 150 },
    );
  });
});

describe('accepted replies make views the screens accept', () => {
  // Years 0 to 9999 with any zone offset: what the ISO date-time format allows.
  const isoDateTime = fc
    .tuple(
      fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_000 }),
      fc.constantFrom('Z', '+14:00', '-12:00', '+05:30'),
    )
    .map(([ms, zone]) => `${new Date(ms).toISOString().slice(0, 19)}${zone}`);

  it('Eniris: every licence the wire accepts becomes a valid licence view', () => {
    const licence = fc.record({
      ...Object.fromEntries(Object.entries(enirisWire).map(([k, v]) => [k, fc.constant(v)])),
      gridKw: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
      creationDate: isoDateTime,
      activationDate: fc.option(isoDateTime, { nil: null }),
      deactivationDate: fc.option(isoDateTime, { nil: null }),
      // Fractions of a day, and durations that end near or past the last date a Date can hold
      // (the screens format every expiry).
      duration: fc.oneof(
        fc.integer({ min: -10, max: 100_000 }),
        fc.double({ min: 0, max: 2e8, noNaN: true }),
        fc.constantFrom(1e300, -0, 99_990_000, 1e8),
      ),
    });
    fc.assert(
      fc.property(licence, fc.integer({ min: 0, max: 253_402_300_799_000 }), (wire, now) => {
        const parsed = outcomeOf(
          () => parseReply(listReply, { licenses: [wire] }, HOST),
          ['protocol'],
        );
        if (!parsed.ok) return;
        const view = enirisLicenceView(toEnirisLicence(parsed.value.licenses[0]!), now);
        const checked = enirisLicenceViewSchema.safeParse(view);
        expect(checked.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('MobiusFlow: every licence a hub answers becomes a valid hub licence view', () => {
    const count = fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, 2 ** 53, 1e300));
    const envelope = fc.record({
      ts: fc.oneof(isoDateTime, anyString),
      uri: fc.constantFrom('00A1F3', '00a1f3', 'FFFFFF'),
      data: fc.record({
        licenceCode: fc.oneof(fc.constant(SECRET), anyString),
        size: count,
        used: count,
        isActive: fc.boolean(),
        isValid: fc.boolean(),
        type: fc.string(),
        objectCount: count,
        isObjectBased: fc.boolean(),
        pointsPerObject: fc.oneof(fc.double(), count),
        useCustomPointsMap: fc.boolean(),
      }),
    });
    fc.assert(
      fc.property(fc.oneof(envelope, mutationOf(envelope)), (body) => {
        const read = outcomeOf(() => readLicenceReply(body, '00A1F3', HOST), ['protocol']);
        if (!read.ok) return;
        const view = toLicenceView(read.value);
        expect(hubLicenceViewSchema.safeParse(view).error?.issues ?? []).toEqual([]);
        expect(JSON.stringify(view)).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });

  it('LicenseSpring: every licence the wire accepts becomes valid licence details', () => {
    const date = fc.oneof(
      isoDateTime,
      fc.constantFrom('1960-01-01', '2026-13-45', 'tomorrow', '0'),
    );
    const number = fc.oneof(fc.nat(), fc.double(), fc.constantFrom(-1, 1e300, 2 ** 53));
    const licence = fc
      .tuple(lsLicenceBody, date, date, number, number, number)
      .map(([body, validity, maintenance, timeout, borrow, grace]) => ({
        ...body,
        validity_period: validity,
        maintenance_period: maintenance,
        enable_maintenance_period: true,
        floating_timeout: timeout,
        max_borrow_time: borrow,
        allow_grace_period: true,
        grace_period: grace,
      }));
    fc.assert(
      fc.property(fc.oneof(licence, mutationOf(licence)), (body) => {
        const wire = outcomeOf(() => parseReply(licenceWire, body, HOST), ['protocol']);
        if (!wire.ok) return;
        const domain = toLsLicence(wire.value, { now: NOW });
        const details = detailsOf('ls', domain, { checkedAt: NOW, canConsume: false });
        expect(lsLicenceDetailsSchema.safeParse(details).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('JWT times and Eniris tokens: read when well-formed, refused or ignored otherwise', () => {
    const jwt = fc.tuple(anyJson, fc.string()).map(([claims, sig]) =>
      ['{"alg":"none"}', stringified(claims)]
        .map((part) => Buffer.from(part).toString('base64url'))
        .concat(sig)
        .join('.'),
    );
    fc.assert(
      fc.property(fc.oneof(jwt, anyString), (token) => {
        const times = readJwtTimes(token);
        for (const value of [times?.iat, times?.exp]) {
          if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
        }
        const response = { status: 200, headers: {}, body: token, rawBody: token };
        const text = outcomeOf(() => readTokenText(response, HOST, 'a token'), ['protocol']);
        if (text.ok) expect(text.value).toMatch(/^[\x21-\x7e]{1,16384}$/);
        else expectNotQuoted(text.error.message, token);
      }),
      { numRuns: 300 },
    );
  });
});

/** What an in-memory server answers: the raw text, as it would come off the wire. */
interface WireReply {
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** An HttpClient that reads the server's text as the real client does (parseBody). */
function serverAnswering(answer: (request: HttpRequest) => WireReply): HttpClient {
  return {
    async request(request) {
      const reply = answer(request);
      const headers = lowerCaseHeaders(reply.headers);
      const body = parseBody(reply.text, headers['content-type'], HOST);
      return { status: reply.status, headers, body, rawBody: reply.text };
    },
  };
}

const status = fc.oneof(
  { weight: 5, arbitrary: fc.constant(200) },
  { weight: 2, arbitrary: fc.constantFrom(201, 204, 302, 400, 401, 403, 404, 409, 429, 500, 503) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 599 }) },
);
const extraHeaders = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'text/plain', 'text/html'),
    'retry-after': fc.oneof(anyString, fc.stringMatching(/^\d{1,30}$/)),
    date: fc.oneof(anyString, fc.constant(new Date(NOW).toUTCString())),
    'x-session-id': fc.oneof(
      anyString,
      fc.uuid().map((id) => stringified({ id, timestamp: 1 })),
    ),
  },
  { requiredKeys: [] },
);

/** A reply text: mostly a changed valid reply, sometimes anything at all. */
const replyText = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: mutationOf(valid).map(stringified) },
    { weight: 2, arbitrary: valid.map(stringified) },
    { weight: 2, arbitrary: anyJson.map(stringified) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: deeplyNestedJson },
    { weight: 1, arbitrary: fc.constant('<html><body>Sign in to the Wi-Fi</body></html>') },
  );

const replyOf = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<WireReply> =>
  fc.record({ status, text: replyText(valid), headers: extraHeaders });

/** Runs an adapter call: it resolves, or rejects with a coded error that repeats no secret. */
async function expectCodedFailure(
  run: () => Promise<unknown>,
  secrets: readonly string[],
): Promise<void> {
  const outcome = await settledOutcome(run, CODED);
  if (!outcome.ok) for (const value of secrets) expect(outcome.error.message).not.toContain(value);
  expectPrototypeIntact();
}

describe('adapters against a server answering anything', () => {
  const KEY = 'KEYA-7Q2M-9KD3-PLW8';
  const PASSWORD = 'correct horse battery';

  it('FLECS: login, activation by account, key or serial, and validation', async () => {
    const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2In0.c2ln';
    const valid = fc.constantFrom(
      ...SCHEMAS.filter(([name]) => name.startsWith('FLECS')).map(([, , sample]) => sample),
    );
    const mode = fc.constantFrom('login', 'user', 'key', 'serial', 'validate');
    await fc.assert(
      fc.asyncProperty(mode, replyOf(valid), async (op, reply) => {
        const client = createFlecsClient({
          baseUrl: 'https://console.flecs.example',
          http: serverAnswering(() => reply),
          clock: fixedClock,
          vault: createMemorySessionVault('0f8fad5b-d9cb-469f-a165-70867728950e'),
        });
        const calls = {
          login: () => client.login('user', PASSWORD),
          user: () => client.activateWithUserLicence(JWT),
          key: () => client.activateWithKey(KEY),
          serial: () => client.activateWithSerial('SN123456789'),
          validate: () => client.validate(),
        };
        await expectCodedFailure(calls[op], [PASSWORD, KEY, JWT]);
      }),
      { numRuns: 250 },
    );
  });

  it('Eniris: sign-in, activation, claim and listings', async () => {
    const valid = fc.constantFrom(
      ...SCHEMAS.filter(([name]) => name.startsWith('Eniris')).map(([, , sample]) => sample),
    );
    const tokenText = fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,40}$/), anyString);
    const authReply = fc.oneof(
      fc.record({ status: fc.constant(200), text: tokenText, headers: fc.constant({}) }),
      replyOf(valid),
    );
    const op = fc.constantFrom('login', 'activate', 'claim', 'controller', 'customer', 'logout');
    await fc.assert(
      fc.asyncProperty(op, authReply, replyOf(valid), async (call, auth, api) => {
        let tokens = 0;
        const client = createEnirisClient({
          authUrl: 'https://authentication.eniris.example',
          apiUrl: 'https://api.eniris.example',
          // The first sign-in works; after that the auth service answers `auth`.
          http: serverAnswering((request) => {
            if (!request.url.includes('/auth/')) return api;
            tokens += 1;
            return tokens <= 2 ? { status: 200, text: `tok.${tokens}`, headers: {} } : auth;
          }),
          clock: fixedClock,
          vault: createMemoryVault().vault,
        });
        await client.login('installer@example.com', PASSWORD).catch(() => undefined);
        const calls = {
          login: () => client.login('installer@example.com', PASSWORD),
          activate: () => client.activate(KEY),
          claim: () => client.claim(KEY, 'node-1'),
          controller: () => client.licencesOfController('node-1'),
          customer: () =>
            client.licencesOfCustomer('2b1f0c8e-5d4a-4c3b-9a2f-0e1d2c3b4a59', {
              includeDatalinks: true,
            }),
          logout: () => client.logout(),
        };
        await expectCodedFailure(calls[call], [PASSWORD, KEY]);
      }),
      { numRuns: 250 },
    );
  });

  it('MobiusFlow: reading and changing a hub licence, through sign-in and refresh', async () => {
    const CODE = 'c2480687816cf833-20e44db08a00df1c-62fff13ac04f16e4';
    const token = (n: number) =>
      ['{"alg":"HS256"}', stringified({ iat: 1, exp: 601, n })]
        .map((part) => Buffer.from(part).toString('base64url'))
        .concat('sig')
        .join('.');
    const pair = { token: token(1), refreshToken: token(2) };
    const licence = {
      ts: '2026-01-15T09:00:00Z',
      uri: '00A1F3',
      data: {
        licenceCode: CODE,
        size: 100,
        used: 3,
        isActive: true,
        isValid: true,
        type: 'points',
        objectCount: 0,
        isObjectBased: false,
        pointsPerObject: 0,
        useCustomPointsMap: false,
      },
    };
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.oneof(fc.constant<WireReply | undefined>(undefined), replyOf(fc.constant(pair))),
        replyOf(fc.constant(licence)),
        async (change, auth, answer) => {
          const client = createMobiusFlowClient({
            baseUrl: 'https://hub.example:8443',
            http: serverAnswering((request) =>
              request.url.includes('/auth/')
                ? (auth ?? { status: 200, text: stringified(pair), headers: {} })
                : answer,
            ),
            clock: fixedClock,
            credentials: async () => ({ username: 'admin', password: PASSWORD }),
            tokens: { get: async () => undefined, set: async () => {}, clear: async () => {} },
          });
          const run = () =>
            change ? client.setLicence('00A1F3', CODE) : client.getLicence('00A1F3');
          await expectCodedFailure(run, [PASSWORD, CODE, pair.token, pair.refreshToken]);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('LicenseSpring: every call, with replies signed by the vendor key or not', async () => {
    const signer = createLsSigner();
    const activation = lsLicenceBody.map((body) => ({
      ...body,
      license_signature: v1Of(signer, body),
    }));
    const valid = fc.oneof(
      activation,
      fc.constantFrom(
        ...SCHEMAS.filter(([name]) => name.startsWith('LicenseSpring')).map(([, , s]) => s),
      ),
    );
    const signature = fc.oneof(
      { weight: 4, arbitrary: fc.constant('sign') },
      { weight: 1, arbitrary: fc.oneof(fc.constant('none'), anyString) },
    );
    const op = fc.constantFrom(
      'activate',
      'validate',
      'deactivate',
      'product',
      'trial',
      'feature',
      'featureRelease',
      'featureBorrow',
      'consume',
      'consumeFeature',
      'release',
      'borrow',
    );
    await fc.assert(
      fc.asyncProperty(op, replyOf(valid), signature, async (call, reply, how) => {
        const header: Record<string, string> =
          how === 'sign'
            ? { licensesignature: signer.v2(reply.text) }
            : how === 'none'
              ? {}
              : { licensesignature: how };
        const backend = createLicenseSpringBackend({
          baseUrl: 'https://api.licensespring.example',
          productCode: LS_PRODUCT,
          auth: { kind: 'hmac', apiKey: LS_API_KEY, sharedKey: LS_SHARED_KEY },
          publicKeyPem: signer.publicKeyPem,
          authorizationMethod: 'license-key',
          http: serverAnswering(() => ({ ...reply, headers: { ...reply.headers, ...header } })),
          clock: fixedClock,
          identity: { machineId: LS_HARDWARE_ID, clientId: 'c', clientName: 'this computer' },
        });
        const ls = backend.licenseSpring;
        const calls: Record<string, () => Promise<unknown>> = {
          activate: () => backend.activate({ method: 'key', key: KEY }),
          validate: () => backend.validate(KEY),
          deactivate: () => backend.deactivate(KEY),
          product: () => ls.product(),
          trial: () => ls.trialKey('someone@example.com'),
          feature: () => ls.checkFeature(KEY, 'f1'),
          featureRelease: () => ls.releaseFeature(KEY, 'f1'),
          featureBorrow: () => ls.borrowFeature(KEY, 'f1', NOW + 3_600_000),
          consume: () => ls.consume(KEY, 2),
          consumeFeature: () => ls.consumeFeature(KEY, 'f1', -1),
          release: () => ls.release(KEY),
          borrow: () => ls.borrow(KEY),
        };
        await expectCodedFailure(calls[call]!, [KEY, LS_SHARED_KEY, LS_API_KEY]);
      }),
      { numRuns: 200 },
    );
  });
});
