import { z } from 'zod';
import { describeIssues } from '../faults';
import demoSeedFile from './demo-seed.json';
import {
  apiKeySchema,
  demoRolesSchema,
  licenceSchema,
  oauthClientSchema,
  productSchema,
  userSchema,
  type DemoRoles,
  type SeedInstant,
} from './seed-schema';
import { DAY_MS } from './wire';

/**
 * A whole seed, its cross-references checked: licences name existing products and users, a
 * key-based product's licences have keys and a user-based product's licences have users, feature
 * codes exist on the product, and the demo roles name records that fit the role.
 */

type Issue = (path: (string | number)[], message: string) => void;

function unique<T>(list: readonly T[], pick: (t: T) => unknown, at: string, issue: Issue): void {
  const seen = new Set<unknown>();
  list.forEach((item, index) => {
    const value = pick(item);
    if (value === undefined) return;
    if (seen.has(value)) issue([at, index], `duplicate ${String(value)}`);
    seen.add(value);
  });
}

export const licenseSpringSeedSchema = z
  .strictObject({
    $comment: z.string().optional(),
    demo: demoRolesSchema.optional(),
    company: z.strictObject({ id: z.number().int().positive() }),
    /** The first key is the one the sandbox reports as `apiKey`. */
    apiKeys: z.array(apiKeySchema).min(1),
    sharedKey: z.string().min(1),
    oauthClients: z.array(oauthClientSchema).default([]),
    /** Hardware ids the vendor blacklisted: every device call from them answers `blacklisted`. */
    blacklistedHardwareIds: z.array(z.string().min(1)).default([]),
    products: z.array(productSchema).min(1),
    users: z.array(userSchema).default([]),
    licenses: z.array(licenceSchema).default([]),
  })
  .superRefine((seed, ctx) => {
    const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    unique(seed.apiKeys, (k) => k.apiKey, 'apiKeys', issue);
    unique(seed.oauthClients, (c) => c.clientId, 'oauthClients', issue);
    unique(seed.products, (p) => p.id, 'products', issue);
    unique(seed.products, (p) => p.shortCode, 'products', issue);
    unique(seed.users, (u) => u.email, 'users', issue);
    unique(seed.licenses, (l) => l.id, 'licenses', issue);
    unique(seed.licenses, (l) => l.licenseKey, 'licenses', issue);
    const products = new Map(seed.products.map((p) => [p.shortCode, p]));
    const users = new Set(seed.users.map((u) => u.email));
    const knownProducts = (codes: readonly string[] | undefined, path: (string | number)[]) =>
      codes?.forEach((code, i) => {
        if (!products.has(code)) issue([...path, i], `names no product ${code}`);
      });
    seed.apiKeys.forEach((k, i) => knownProducts(k.products, ['apiKeys', i, 'products']));
    seed.oauthClients.forEach((c, i) => knownProducts(c.products, ['oauthClients', i, 'products']));
    seed.products.forEach((p, i) =>
      unique(p.features, (f) => f.code, `products.${i}.features`, issue),
    );

    seed.licenses.forEach((licence, i) => {
      const product = products.get(licence.product);
      if (!product) return issue(['licenses', i, 'product'], 'names no product of this seed');
      const byUser = product.authorizationMethod === 'user';
      if (
        byUser !== (licence.user !== undefined) ||
        byUser === (licence.licenseKey !== undefined)
      ) {
        issue(
          ['licenses', i],
          `a ${product.authorizationMethod} product needs exactly a ${byUser ? 'user' : 'licenseKey'}`,
        );
      }
      if (licence.user !== undefined && !users.has(licence.user)) {
        issue(['licenses', i, 'user'], 'names no user of this seed');
      }
      const codes = new Set(product.features.map((f) => f.code));
      licence.features?.forEach((code, j) => {
        if (!codes.has(code))
          issue(['licenses', i, 'features', j], `${product.shortCode} has no feature ${code}`);
      });
    });
    if (seed.demo) checkDemoRoles(seed, seed.demo, issue);
  });

type SeedShape = z.output<typeof licenseSpringSeedSchema>;

function checkDemoRoles(seed: SeedShape, demo: DemoRoles, issue: Issue): void {
  const product = (code: string) => seed.products.find((p) => p.shortCode === code);
  const key = (k: string) => seed.licenses.find((l) => l.licenseKey === k);
  const require = (role: string, fits: boolean, what: string) => {
    if (!fits) issue(['demo', role], `must name ${what}`);
  };
  require('productCode', product(demo.productCode)?.authorizationMethod ===
    'license-key', 'a key-based product');
  require('userProductCode', product(demo.userProductCode)?.authorizationMethod ===
    'user', 'a user-based product');
  require('nodeLockedKey', (key(demo.nodeLockedKey)?.maxActivations ?? 0) >= 1, 'a key licence');
  require('floatingKey', key(demo.floatingKey)?.isFloatingCloud ===
    true, 'a floating-cloud licence');
  require('consumptionKey', key(demo.consumptionKey)?.licenseType ===
    'consumption', 'a consumption licence');
  require('trialKey', key(demo.trialKey)?.isTrial === true, 'a trial licence');
  require('expiredKey', key(demo.expiredKey)?.licenseType ===
    'time-limited', 'a time-limited licence');
  require('disabledKey', key(demo.disabledKey)?.enabled === false, 'a disabled licence');
  require('notYetActiveKey', key(demo.notYetActiveKey)?.startDate !=
    null, 'a licence with a start date');
  require('username', seed.licenses.some(
    (l) => l.user === demo.username && l.product === demo.userProductCode,
  ), 'a user with a licence of userProductCode');
  const restricted = seed.apiKeys.find((k) => k.apiKey === demo.restrictedApiKey);
  require('restrictedApiKey', restricted?.products !== undefined &&
    !restricted.products.includes(demo.productCode), 'an API key not allowed for productCode');
  const features = product(demo.productCode)?.features ?? [];
  const feature = (code: string) => features.find((f) => f.code === code);
  require('features', feature(demo.features.activation)?.featureType ===
    'activation', 'an activation feature of productCode');
  require('features', feature(demo.features.consumption)?.featureType ===
    'consumption', 'a consumption feature of productCode');
  require('features', feature(demo.features.floating)?.isFloatingCloud ===
    true, 'a floating feature of productCode');
}

/** What callers write (defaults may be left out). */
export type LicenseSpringSeed = z.input<typeof licenseSpringSeedSchema>;
/** What the server works from (defaults filled in). */
export type ParsedLicenseSpringSeed = z.output<typeof licenseSpringSeedSchema>;

export function parseLicenseSpringSeed(input: unknown, source = 'seed'): ParsedLicenseSpringSeed {
  const parsed = licenseSpringSeedSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid LicenseSpring sandbox ${source}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The seed file shipped with the app; checked on every call so a broken edit fails loudly. */
export function licenseSpringDemoSeed(): ParsedLicenseSpringSeed {
  return parseLicenseSpringSeed(
    demoSeedFile,
    'demo seed (src/sandbox/licensespring/demo-seed.json)',
  );
}

export function demoRoles(): DemoRoles {
  const demo = licenseSpringDemoSeed().demo;
  if (!demo) throw new Error('The LicenseSpring demo seed has no "demo" section');
  return demo;
}

/** A seed date against the sandbox clock at start, whole seconds (as an HTTP Date can express). */
export function resolveSeedInstant(instant: SeedInstant, startedAt: number): number {
  const ms =
    typeof instant === 'string' ? Date.parse(instant) : startedAt + instant.inDays * DAY_MS;
  return Math.floor(ms / 1000) * 1000;
}

export const resolveOptionalInstant = (instant: SeedInstant | null, startedAt: number) =>
  instant === null ? null : resolveSeedInstant(instant, startedAt);
