import { z } from 'zod';
import { epochMs } from './epoch';
import { textSchema } from './text-schema';

/**
 * What the renderer may see of a LicenseSpring licence: its terms, its features and the local
 * check that runs between server checks. Keys never appear; the licence is named by its profile.
 */

const count = z.number().int().nonnegative();

export const LS_LICENSE_TYPES = [
  'perpetual',
  'time-limited',
  'consumption',
  'subscription',
] as const;
export const LS_CONSUMPTION_PERIODS = ['daily', 'weekly', 'monthly', 'annually'] as const;

/** A consumption counter (the licence's or a feature's). */
export const lsConsumptionMeterSchema = z.object({
  total: z.number().int(),
  /** 0 with `unlimited`. */
  max: count,
  unlimited: z.boolean(),
  allowOverages: z.boolean(),
  maxOverages: count,
  allowNegative: z.boolean(),
  /** The counter goes back to 0 each period, when the vendor set one. */
  resetPeriod: z.enum(LS_CONSUMPTION_PERIODS).optional(),
});
export type LsConsumptionMeter = z.infer<typeof lsConsumptionMeterSchema>;

/** A floating pool (the licence's or a feature's) as last seen from this computer. */
export const lsFloatingViewSchema = z.object({
  /** Devices holding a slot at the last check; unknown before the first check. */
  inUse: count.optional(),
  max: count,
  /** A slot lapses when its device has not checked in for this long. */
  timeoutMinutes: z.number().positive(),
  /** This computer holds a slot and keeps it alive. */
  held: z.boolean(),
  borrowedUntil: epochMs.optional(),
});
export type LsFloatingView = z.infer<typeof lsFloatingViewSchema>;

export const lsFeatureViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['activation', 'consumption']),
  expiresAt: epochMs.optional(),
  expired: z.boolean(),
  floating: lsFloatingViewSchema.optional(),
  consumption: lsConsumptionMeterSchema.optional(),
  lastCheckedAt: epochMs.optional(),
});
export type LsFeatureView = z.infer<typeof lsFeatureViewSchema>;

/**
 * The verdict of the check this computer makes on its own between server checks:
 * - `valid`: in date, and the clock has not gone backwards;
 * - `grace`: past its validity (or not confirmed by the server for too long) but inside the grace
 *   period the vendor allows, until `graceUntil`;
 * - `expired`: past validity and grace;
 * - `clock_moved_back`: the system clock is earlier than a time this app has already seen, so no
 *   date on this computer can be trusted until the server confirms the licence again.
 */
export const LS_LOCAL_STATES = ['valid', 'grace', 'expired', 'clock_moved_back'] as const;
export const lsLocalCheckSchema = z.object({
  state: z.enum(LS_LOCAL_STATES),
  /** English; `text` is the same verdict for the screens to translate (see shared/text.ts). */
  message: z.string(),
  text: textSchema.optional(),
  graceUntil: epochMs.optional(),
});
export type LsLocalCheck = z.infer<typeof lsLocalCheckSchema>;

export const lsLicenceDetailsSchema = z.object({
  profileId: z.string(),
  productName: z.string().optional(),
  licenseType: z.enum(LS_LICENSE_TYPES),
  isTrial: z.boolean(),
  startsAt: epochMs.optional(),
  /** Absent: the licence does not expire. */
  validUntil: epochMs.optional(),
  activations: z.object({ used: count, max: count, unlimited: z.boolean() }),
  /** `max` 0 with `allowed`: no limit (LicenseSpring's 0); not `allowed`: no transfers at all. */
  transfers: z.object({ used: count, max: count, allowed: z.boolean() }),
  maintenanceUntil: epochMs.optional(),
  customer: z
    .object({
      name: z.string().optional(),
      email: z.string().optional(),
      company: z.string().optional(),
    })
    .optional(),
  floating: lsFloatingViewSchema
    .extend({ canBorrow: z.boolean(), maxBorrowHours: z.number().nonnegative() })
    .optional(),
  consumption: lsConsumptionMeterSchema.optional(),
  features: z.array(lsFeatureViewSchema),
  localCheck: lsLocalCheckSchema,
  /** The vendor lets people record consumption from this app. */
  canConsume: z.boolean(),
  /** The last answer from the server (the details may be older than now). */
  checkedAt: epochMs,
  /** Activated from an offline response file: the server is not asked on its own. */
  activatedOffline: z.boolean().optional(),
});
export type LsLicenceDetails = z.infer<typeof lsLicenceDetailsSchema>;

/** The product as the vendor set it up: whether a trial can be started from this computer. */
export const lsProductViewSchema = z.object({
  profileId: z.string(),
  productName: z.string(),
  authorizationMethod: z.enum(['license-key', 'user']),
  allowTrial: z.boolean(),
  trialDays: count,
});
export type LsProductView = z.infer<typeof lsProductViewSchema>;
