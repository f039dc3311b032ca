import { z } from 'zod';
import { LICENSE_KEY_PATTERN } from './wire';

/**
 * The shape of a LicenseSpring sandbox seed: the vendor account (API keys, shared key, OAuth
 * clients), products with their features, license users, and licences. Field names are camelCase
 * (the wire's snake_case is produced by views.ts). Dates are ISO-8601 instants or
 * `{ "inDays": n }` relative to the sandbox clock at start (negative = in the past), so the demo
 * seed never goes stale.
 */

const comment = z.string().optional();
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });
export const seedInstantSchema = z.union([
  isoInstant,
  z.strictObject({ inDays: z.number().finite() }),
]);
export type SeedInstant = z.output<typeof seedInstantSchema>;

const count = z.number().int().nonnegative();
const metadata = z.record(z.string(), z.json()).default({});
export const CONSUMPTION_PERIODS = ['daily', 'weekly', 'monthly', 'annually'] as const;
const consumptionPeriod = z.enum(CONSUMPTION_PERIODS).nullable().default(null);

/** Limits shared by consumption licences and consumption features. */
const consumptionFields = {
  allowUnlimitedConsumptions: z.boolean().default(false),
  allowOverages: z.boolean().default(false),
  /** 0 with allowOverages = no cap on overages (ASSUME, as the SDKs document it). */
  maxOverages: count.default(0),
  allowNegativeConsumptions: z.boolean().default(false),
  resetConsumption: z.boolean().default(false),
  consumptionPeriod,
};

export const featureSchema = z.strictObject({
  $comment: comment,
  id: z.number().int().positive(),
  code: z.string().min(1),
  name: z.string().min(1),
  featureType: z.enum(['activation', 'consumption']).default('activation'),
  expiryDate: seedInstantSchema.nullable().default(null),
  metadata,
  isFloatingCloud: z.boolean().default(false),
  floatingUsers: count.default(0),
  /** Minutes without a check before a feature slot lapses. */
  floatingTimeout: z.number().int().positive().default(120),
  /** The feature-check reference spells it singular: max_consumption. */
  maxConsumption: count.default(0),
  ...consumptionFields,
});

export const productSchema = z.strictObject({
  $comment: comment,
  id: z.number().int().positive(),
  shortCode: z.string().regex(/^[a-z0-9_-]+$/i, 'must be a short code (letters, digits, - or _)'),
  name: z.string().min(1),
  authorizationMethod: z.enum(['license-key', 'user']).default('license-key'),
  allowTrial: z.boolean().default(false),
  trialDays: count.default(0),
  floatingTimeout: z.number().int().positive().default(30),
  allowOverages: z.boolean().default(false),
  maxOverages: count.default(0),
  preventVm: z.boolean().default(false),
  metadata,
  latestVersion: z.string().min(1).nullable().default(null),
  features: z.array(featureSchema).default([]),
});

export const userSchema = z.strictObject({
  $comment: comment,
  id: z.number().int().positive(),
  email: z.email(),
  password: z.string().min(1),
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  isInitialPassword: z.boolean().default(false),
});

const customerSchema = z.strictObject({
  id: z.number().int().positive(),
  email: z.string().default(''),
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  companyName: z.string().default(''),
  reference: z.string().default(''),
});

export const licenceSchema = z.strictObject({
  $comment: comment,
  id: z.number().int().positive(),
  /** Short code of the licence's product. */
  product: z.string().min(1),
  /** Key-based products only. */
  licenseKey: z
    .string()
    .regex(LICENSE_KEY_PATTERN, 'must look like XXXX-XXXX-XXXX-XXXX (upper-case letters, digits)')
    .optional(),
  /** User-based products only: the email of a seeded user. */
  user: z.email().optional(),
  licenseType: z.enum(['perpetual', 'time-limited', 'consumption', 'subscription']),
  isTrial: z.boolean().default(false),
  enabled: z.boolean().default(true),
  validityPeriod: seedInstantSchema.nullable().default(null),
  startDate: seedInstantSchema.nullable().default(null),
  /** A trial without validityPeriod gets activation time + trialDays at its first activation. */
  trialDays: count.default(0),
  maxActivations: count.default(1),
  allowUnlimitedActivations: z.boolean().default(false),
  /** 0 = transfers unlimited, -1 = no transfer at all, n = at most n (ASSUME encoding). */
  maxTransfers: z.number().int().min(-1).default(0),
  isFloatingCloud: z.boolean().default(false),
  floatingUsers: count.default(0),
  /** Minutes without a check before a floating slot lapses. */
  floatingTimeout: z.number().int().positive().default(30),
  canBorrow: z.boolean().default(false),
  /** Hours. */
  maxBorrowTime: count.default(0),
  maxConsumptions: count.default(0),
  ...consumptionFields,
  preventVm: z.boolean().default(false),
  allowOfflineActivation: z.boolean().default(true),
  allowGracePeriod: z.boolean().default(false),
  gracePeriod: count.default(0),
  maintenancePeriod: seedInstantSchema.nullable().default(null),
  metadata,
  customFields: z
    .array(z.strictObject({ name: z.string(), dataType: z.string(), value: z.string() }))
    .default([]),
  customer: customerSchema.nullable().default(null),
  /** Codes of the product's features this licence carries; absent = all of them. */
  features: z.array(z.string()).optional(),
});

export const apiKeySchema = z.strictObject({
  $comment: comment,
  apiKey: z.string().min(1),
  /** Short codes this key may be used for; absent = every product. */
  products: z.array(z.string()).optional(),
});

export const oauthClientSchema = z.strictObject({
  $comment: comment,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scope: z.string().default('profile email'),
  products: z.array(z.string()).optional(),
});

export const demoRolesSchema = z.strictObject({
  productCode: z.string(),
  userProductCode: z.string(),
  nodeLockedKey: z.string(),
  floatingKey: z.string(),
  consumptionKey: z.string(),
  trialKey: z.string(),
  expiredKey: z.string(),
  disabledKey: z.string(),
  notYetActiveKey: z.string(),
  username: z.string(),
  /** An API key the seed restricts to the user-based product only. */
  restrictedApiKey: z.string(),
  features: z.strictObject({
    activation: z.string(),
    consumption: z.string(),
    floating: z.string(),
  }),
});

export type SeedFeature = z.output<typeof featureSchema>;
export type SeedProduct = z.output<typeof productSchema>;
export type SeedUser = z.output<typeof userSchema>;
export type SeedLicence = z.output<typeof licenceSchema>;
export type SeedCustomer = z.output<typeof customerSchema>;
export type DemoRoles = z.output<typeof demoRolesSchema>;
export type ConsumptionPeriod = (typeof CONSUMPTION_PERIODS)[number];
