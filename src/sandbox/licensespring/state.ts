import { createCounter, type ConsumptionCounter, type ConsumptionLimits } from './consumption';
import type { ParsedLicenseSpringSeed } from './seed';
import { resolveOptionalInstant } from './seed';
import type { SeedFeature, SeedLicence, SeedProduct, SeedUser } from './seed-schema';
import { createPool, type SlotPool } from './slot-pool';

/**
 * The in-memory licence database of one LicenseSpring sandbox: products, users and licences from
 * the seed, plus what clients did to them (activations, transfers, floating slots, consumption,
 * trials issued by trial_key). Nothing here answers HTTP; the *-ops.ts modules do.
 */

export interface Activation {
  readonly hardwareId: string;
  readonly deviceId: number;
  readonly activatedAt: number;
  lastCheck: number;
}

export interface FeatureState {
  readonly def: SeedFeature;
  readonly expiryDate: number | null;
  /** Floating-cloud features only. */
  readonly pool: SlotPool | undefined;
  /** Consumption features only. */
  readonly counter: ConsumptionCounter | undefined;
}

export interface LicenceRecord {
  readonly id: number;
  /** null for user-based licences, which are named by their user. */
  readonly licenseKey: string | null;
  readonly user: SeedUser | null;
  readonly product: SeedProduct;
  /** The static terms; mutable state lives in the fields below. */
  readonly terms: SeedLicence;
  enabled: boolean;
  /** A trial without a fixed end gets one at its first activation. */
  validityPeriod: number | null;
  readonly startDate: number | null;
  readonly maintenancePeriod: number | null;
  readonly activations: Map<string, Activation>;
  /** Devices deactivated and not activated since: the next new device is a transfer. */
  readonly departed: string[];
  transferCount: number;
  readonly pool: SlotPool | undefined;
  readonly counter: ConsumptionCounter | undefined;
  readonly features: ReadonlyMap<string, FeatureState>;
}

export interface LicenseSpringState {
  readonly seed: ParsedLicenseSpringSeed;
  product(shortCode: string): SeedProduct | undefined;
  licenceByKey(key: string): LicenceRecord | undefined;
  licencesOfUser(email: string, productCode: string): LicenceRecord[];
  user(email: string): SeedUser | undefined;
  allLicences(): readonly LicenceRecord[];
  isBlacklisted(hardwareId: string): boolean;
  nextDeviceId(): number;
  /** Trials issued by trial_key, keyed by product, hardware id and (user products) email. */
  trialOf(productCode: string, hardwareId: string, email: string | null): LicenceRecord | undefined;
  addTrial(
    key: { productCode: string; hardwareId: string; email: string | null },
    terms: SeedLicence,
    user: SeedUser | null,
    now: number,
  ): LicenceRecord;
  nextId(): number;
  setEnabled(licenseKey: string, enabled: boolean): boolean;
}

const limitsOf = (
  terms: Pick<SeedLicence, 'allowUnlimitedConsumptions' | 'allowOverages' | 'maxOverages'> &
    Pick<SeedLicence, 'allowNegativeConsumptions' | 'resetConsumption' | 'consumptionPeriod'>,
  max: number,
): ConsumptionLimits => ({
  max,
  allowUnlimited: terms.allowUnlimitedConsumptions,
  allowOverages: terms.allowOverages,
  maxOverages: terms.maxOverages,
  allowNegative: terms.allowNegativeConsumptions,
  reset: terms.resetConsumption,
  period: terms.consumptionPeriod,
});

function featureState(def: SeedFeature, startedAt: number): FeatureState {
  return {
    def,
    expiryDate: resolveOptionalInstant(def.expiryDate, startedAt),
    pool: def.isFloatingCloud ? createPool(def.floatingUsers, def.floatingTimeout) : undefined,
    counter:
      def.featureType === 'consumption'
        ? createCounter(limitsOf(def, def.maxConsumption), startedAt)
        : undefined,
  };
}

export function buildLicence(
  terms: SeedLicence,
  product: SeedProduct,
  user: SeedUser | null,
  startedAt: number,
): LicenceRecord {
  const codes = terms.features ?? product.features.map((f) => f.code);
  const features = new Map<string, FeatureState>();
  for (const def of product.features) {
    if (codes.includes(def.code)) features.set(def.code, featureState(def, startedAt));
  }
  return {
    id: terms.id,
    licenseKey: terms.licenseKey ?? null,
    user,
    product,
    terms,
    enabled: terms.enabled,
    validityPeriod: resolveOptionalInstant(terms.validityPeriod, startedAt),
    startDate: resolveOptionalInstant(terms.startDate, startedAt),
    maintenancePeriod: resolveOptionalInstant(terms.maintenancePeriod, startedAt),
    activations: new Map(),
    departed: [],
    transferCount: 0,
    pool: terms.isFloatingCloud
      ? createPool(terms.floatingUsers, terms.floatingTimeout)
      : undefined,
    counter:
      terms.licenseType === 'consumption'
        ? createCounter(limitsOf(terms, terms.maxConsumptions), startedAt)
        : undefined,
    features,
  };
}

export function createLicenseSpringState(
  seed: ParsedLicenseSpringSeed,
  startedAt: number,
): LicenseSpringState {
  const products = new Map(seed.products.map((p) => [p.shortCode, p]));
  const users = new Map(seed.users.map((u) => [u.email, u]));
  const licences: LicenceRecord[] = [];
  for (const terms of seed.licenses) {
    const product = products.get(terms.product);
    if (!product) continue; // the seed schema already refused this
    const user = terms.user === undefined ? null : (users.get(terms.user) ?? null);
    licences.push(buildLicence(terms, product, user, startedAt));
  }
  const trials = new Map<string, LicenceRecord>();
  const trialKey = (productCode: string, hardwareId: string, email: string | null) =>
    JSON.stringify([productCode, hardwareId, email?.toLowerCase() ?? null]);
  const blacklist = new Set(seed.blacklistedHardwareIds);
  // Ids look like the vendor's (16 digits, below 2^53) and never collide with seeded ones.
  let lastId = Math.max(1_700_000_000_000_000, ...licences.map((l) => l.id));
  let lastDeviceId = 1_700_000_500_000_000;

  return {
    seed,
    product: (code) => products.get(code),
    licenceByKey: (key) => licences.find((l) => l.licenseKey === key),
    licencesOfUser: (email, productCode) =>
      licences.filter(
        (l) =>
          l.user?.email.toLowerCase() === email.toLowerCase() &&
          l.product.shortCode === productCode,
      ),
    user: (email) =>
      users.get(email) ??
      [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase()),
    allLicences: () => licences,
    isBlacklisted: (hardwareId) => blacklist.has(hardwareId),
    nextDeviceId: () => ++lastDeviceId,
    nextId: () => ++lastId,
    trialOf: (productCode, hardwareId, email) =>
      trials.get(trialKey(productCode, hardwareId, email)),
    addTrial(key, terms, user, now) {
      const product = products.get(key.productCode);
      if (!product) throw new Error(`No product ${key.productCode}`);
      if (user && !users.has(user.email)) users.set(user.email, user);
      const licence = buildLicence(terms, product, user, now);
      licences.push(licence);
      trials.set(trialKey(key.productCode, key.hardwareId, key.email), licence);
      return licence;
    },
    setEnabled(licenseKey, enabled) {
      const licence = licences.find((l) => l.licenseKey === licenseKey);
      if (!licence) return false;
      licence.enabled = enabled;
      return true;
    },
  };
}
