import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadVendorConfig, parseVendorConfig } from '../../src/main/config/load-config';
import {
  profileOfKind,
  type ProfileConfig,
  type VendorConfig,
} from '../../src/main/config/vendor-config';
import { PRODUCT_CODE } from '../../src/main/offline/licence-terms';
import { generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import {
  anyString,
  anyValue,
  codeUnit,
  expectPrototypeIntact,
  mutationOf,
  outcomeOf,
  settledOutcome,
} from '../support/property-inputs';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/**
 * The vendor configuration (vendor-config.ts) and its loading and merging (load-config.ts): any
 * value or file text becomes a valid configuration or a `config` error that names no secret,
 * every valid configuration loads unchanged, and nothing reaches Object.prototype.
 */

const PUBLIC_KEY = generateVendorKeyPair().publicKeyPem;

/** Secrets look like nothing else in a configuration, so a message repeating one is caught. */
const secret = fc
  .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 })
  .map((hex) => `SECRET-${hex}`);

const profileId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const label = fc.string({ minLength: 1, maxLength: 80 });
const url = fc.oneof(
  fc.webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false }),
  fc.constantFrom('http://127.0.0.1:5455', 'http://localhost:8080/prefix', 'http://[::1]:9000'),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const timeoutMs = optional(fc.integer({ min: 500, max: 120_000 }));
const common = { id: profileId, label, description: optional(fc.string({ maxLength: 300 })) };
/** Optional fields are left out rather than set to undefined, as a JSON file would. */
const recordOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .record(fields)
    .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));

const profile: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  recordOf({
    ...common,
    kind: fc.constant('seats'),
    baseUrl: url,
    apiKey: secret,
    bearerToken: optional(secret),
    timeoutMs,
  }),
  recordOf({
    ...common,
    kind: fc.constant('flecs'),
    baseUrl: url,
    serialNumber: optional(fc.stringMatching(/^[\x20-\x7E]{1,128}$/)),
    timeoutMs,
  }),
  recordOf({ ...common, kind: fc.constant('eniris'), authUrl: url, apiUrl: url, timeoutMs }),
  recordOf({
    ...common,
    kind: fc.constant('licensespring'),
    baseUrl: url,
    productCode: fc.string({ minLength: 1, maxLength: 100 }),
    auth: fc.oneof(
      fc.record({ kind: fc.constant('hmac'), apiKey: secret, sharedKey: secret }),
      fc.record({
        kind: fc.constant('oauth'),
        tokenUrl: url,
        clientId: label,
        clientSecret: secret,
      }),
    ),
    publicKey: fc.constant(PUBLIC_KEY),
    authorizationMethod: optional(fc.constantFrom('license-key', 'user')),
    allowConsumption: optional(fc.boolean()),
    timeoutMs,
  }),
  recordOf({
    ...common,
    kind: fc.constant('mobiusflow'),
    concurrency: optional(fc.integer({ min: 1, max: 64 })),
    timeoutMs,
  }),
  recordOf({
    ...common,
    kind: fc.constant('licence-file'),
    productCode: fc.stringMatching(PRODUCT_CODE),
    publicKey: fc.constant(PUBLIC_KEY),
    expiryWarningDays: optional(fc.integer({ min: 0, max: 365 })),
  }),
);

/** Every id appears once (the schema refuses twins; merging relies on it). */
const profiles = fc.uniqueArray(profile, {
  minLength: 1,
  maxLength: 6,
  selector: (p) => p.id,
});

/** Whether `override` changes the product id, or a vendor profile's kind, product code or key. */
function changesLockedField(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): boolean {
  if ('productId' in override && override.productId !== base.productId) return true;
  const vendor = new Map(
    (base.profiles as Record<string, unknown>[]).map((profile) => [profile.id, profile]),
  );
  return (override.profiles as Record<string, unknown>[]).some((profile) => {
    const own = vendor.get(profile.id);
    return (
      own !== undefined &&
      ['kind', 'productCode', 'publicKey'].some(
        (field) => field in profile && profile[field] !== own[field],
      )
    );
  });
}

const validConfig: fc.Arbitrary<Record<string, unknown>> = recordOf({
  $schema: optional(fc.string()),
  productName: label,
  productId: fc.stringMatching(/^[A-Za-z0-9._-]{3,100}$/),
  demo: optional(fc.boolean()),
  allowWeakSecretStore: optional(fc.boolean()),
  profiles,
});

/** Every string value under a key that holds a secret, wherever it is in the value. */
function secretsIn(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' && /apiKey|sharedKey|clientSecret|bearerToken/.test(key)
      ? [child]
      : secretsIn(child),
  );
}

/** The value and every object inside it (not arrays: JSON has no keys on them). */
const objectsIn = (value: unknown): object[] =>
  typeof value === 'object' && value !== null
    ? [...(Array.isArray(value) ? [] : [value]), ...Object.values(value).flatMap(objectsIn)]
    : [];

/** A `config` error names the file and the problem, never a secret of the configuration. */
function expectConfigError(error: Error, secrets: readonly string[]): void {
  expect(error.message).toMatch(/^The configuration file \S/);
  for (const value of secrets) expect(error.message).not.toContain(value);
}

describe('vendor configuration as a value', () => {
  it('accepts every valid configuration, keeping each profile and secret as written', () => {
    fc.assert(
      fc.property(validConfig, (raw) => {
        const config = parseVendorConfig(raw, 'vendor.json');
        expect(config.productId).toBe(raw.productId);
        expect(config.profiles.map((p) => p.id)).toEqual(
          (raw.profiles as ProfileConfig[]).map((p) => p.id),
        );
        expect(secretsIn(config).sort()).toEqual(secretsIn(raw).sort());
        // What was read reads again to the same thing (defaults filled in once).
        expect(parseVendorConfig(JSON.parse(JSON.stringify(config)), 'again')).toEqual(config);
        expect(config.demo).toBe(raw.demo ?? false);
      }),
      { numRuns: 150 },
    );
  });

  it('turns a valid configuration with one change anywhere into a configuration or a config error', () => {
    fc.assert(
      fc.property(
        validConfig.chain((raw) => fc.tuple(fc.constant(raw), mutationOf(fc.constant(raw)))),
        ([raw, changed]) => {
          const outcome = outcomeOf(() => parseVendorConfig(changed, 'vendor.json'), ['config']);
          if (outcome.ok) expect(parseVendorConfig(outcome.value, 'again')).toEqual(outcome.value);
          else expectConfigError(outcome.error, secretsIn(raw));
          expectPrototypeIntact();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an own "__proto__" key at any level, and pollutes nothing', () => {
    fc.assert(
      fc.property(validConfig, fc.nat(), (raw, at) => {
        const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
        const objects = objectsIn(copy);
        // An own key, as JSON.parse makes one from the text of a file.
        Object.defineProperty(objects[at % objects.length], '__proto__', {
          value: { polluted: 'yes' },
          enumerable: true,
        });
        const text = JSON.stringify(copy);
        expect(text).toContain('"__proto__"');
        const outcome = outcomeOf(() => parseVendorConfig(JSON.parse(text), 'v'), ['config']);
        expect(outcome.ok).toBe(false);
        expectPrototypeIntact();
      }),
      { numRuns: 100 },
    );
  });

  it('answers a configuration or a config error for any value at all', () => {
    fc.assert(
      fc.property(anyValue, (raw) => {
        outcomeOf(() => parseVendorConfig(raw, 'vendor.json'), ['config']);
        expectPrototypeIntact();
      }),
      { numRuns: 300 },
    );
  });

  it('gives each service only a profile of its own kind', () => {
    const kinds = ['seats', 'flecs', 'eniris', 'licensespring', 'mobiusflow', 'licence-file'];
    fc.assert(
      fc.property(
        validConfig,
        fc.oneof(anyString, profileId),
        fc.constantFrom(...kinds),
        (raw, id, kind) => {
          const config = parseVendorConfig(raw, 'v');
          const found = outcomeOf(
            () => profileOfKind(config.profiles, id, kind as ProfileConfig['kind']),
            ['invalid_input'],
          );
          const expected = config.profiles.find((p) => p.id === id && p.kind === kind);
          expect(found.ok ? found.value : undefined).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a 256 KB public key of repeated PEM headers quickly (no runaway regex)', () => {
    const pem = '-----BEGIN PUBLIC KEY-----'.repeat(10_000);
    const raw = {
      productName: 'p',
      productId: 'abc',
      profiles: [{ id: 'f', kind: 'licence-file', label: 'l', productCode: 'abc', publicKey: pem }],
    };
    const started = performance.now();
    expect(outcomeOf(() => parseVendorConfig(raw, 'v'), ['config']).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('vendor configuration files', () => {
  const tempDir = useTempDir();
  const write = (text: string): string => {
    const file = join(tempDir(), 'vendor.json');
    writeFileSync(file, text);
    return file;
  };

  /** The text of a valid configuration, changed one way a file gets damaged. */
  const damagedText = validConfig.chain((raw) => {
    const text = JSON.stringify(raw, null, 2);
    return fc.tuple(
      fc.constant(raw),
      fc.oneof(
        fc.nat(text.length).map((cut) => text.slice(0, cut)),
        fc
          .tuple(fc.nat(text.length - 1), codeUnit)
          .map(([at, char]) => `${text.slice(0, at)}${char}${text.slice(at + 1)}`),
        anyString,
        fc.json(),
      ),
    );
  });

  it('loads a damaged or foreign file as a configuration or a config error naming no secret', async () => {
    await fc.assert(
      fc.asyncProperty(damagedText, async ([raw, text]) => {
        const base = write(text);
        const outcome = await settledOutcome(() => loadVendorConfig({ base }), ['config']);
        if (!outcome.ok) expectConfigError(outcome.error, secretsIn(raw));
        expectPrototypeIntact();
      }),
      { numRuns: 80 },
    );
  });

  it('merges an override by profile id: its fields win, its profiles merge or add', async () => {
    await fc.assert(
      fc.asyncProperty(
        validConfig,
        validConfig,
        fc.boolean(),
        async (baseRaw, overrideRaw, bare) => {
          // A bare override carries only profiles, as a user adding one would write it.
          const override = bare ? { profiles: overrideRaw.profiles } : overrideRaw;
          const base = write(JSON.stringify(baseRaw));
          const file = join(tempDir(), 'override.json');
          writeFileSync(file, JSON.stringify(override));
          const loading = loadVendorConfig({ base, override: file });
          // What the vendor's trust rests on stays the vendor's: such an override is refused.
          if (changesLockedField(baseRaw, override)) {
            expect((await licensingFailure(loading)).code).toBe('config');
            return;
          }
          const config: VendorConfig = await loading;
          const byId = new Map<string, unknown>();
          for (const p of [
            ...(baseRaw.profiles as ProfileConfig[]),
            ...(override.profiles as ProfileConfig[]),
          ]) {
            byId.set(p.id, p);
          }
          expect(config.profiles.map((p) => p.id)).toEqual([...byId.keys()]);
          expect(config.productName).toBe((bare ? baseRaw : overrideRaw).productName);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('takes a hostile override as a configuration or a config error, and pollutes nothing', async () => {
    const hostile = fc.oneof(
      anyString,
      fc.json(),
      fc.constant(
        '{"__proto__": {"polluted": "yes"}, "profiles": [{"__proto__": {"polluted": "yes"}}]}',
      ),
      fc.constant('{"profiles": {"length": 1, "0": {"id": "x"}}}'),
      validConfig
        .chain((raw) => mutationOf(fc.constant(raw)))
        .map((value) => JSON.stringify(value) ?? ''),
    );
    await fc.assert(
      fc.asyncProperty(validConfig, hostile, async (baseRaw, text) => {
        const base = write(JSON.stringify(baseRaw));
        const file = join(tempDir(), 'override.json');
        writeFileSync(file, text);
        const outcome = await settledOutcome(
          () => loadVendorConfig({ base, override: file }),
          ['config'],
        );
        if (!outcome.ok) expectConfigError(outcome.error, secretsIn(baseRaw));
        expectPrototypeIntact();
      }),
      { numRuns: 80 },
    );
  });
});
