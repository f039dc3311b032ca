import { z } from 'zod';

/**
 * The License API v4 replies (contract §5.5 and the vendor's example payloads). What the contract
 * names as core must be there with the right type, or the reply is a `protocol` error; flags and
 * counts the server may leave out read as false / absent. Dates that decide access (validity,
 * feature expiry, borrowing) must parse; informative ones (start, maintenance) are dropped when
 * they do not.
 */

export const LICENSE_TYPES = ['perpetual', 'time-limited', 'consumption', 'subscription'] as const;

const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const count = z.number().int().nonnegative();
const optionalCount = count.nullish();
const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);
const minutes = z.number().positive().finite().nullish();
/** An instant the server states in any form `Date.parse` reads, as the official SDK reads it. */
const dateText = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date');
const strictDate = dateText.nullish();
const lenientDate = z.string().nullish();

/** Limits shared by consumption licences, consumption features and the add_*consumption replies. */
const consumptionFields = {
  total_consumptions: z.number().int().nullish(),
  max_consumptions: optionalCount,
  /** The feature-check reference spells it singular. */
  max_consumption: optionalCount,
  allow_unlimited_consumptions: flag,
  allow_overages: flag,
  max_overages: optionalCount,
  allow_negative_consumptions: flag,
  reset_consumption: flag,
  consumption_period: z.string().nullish(),
};

export const featureWire = z.object({
  id,
  code: z.string().min(1),
  name: z.string().nullish(),
  feature_type: z.enum(['activation', 'consumption']),
  expiry_date: strictDate,
  is_floating: flag,
  is_floating_cloud: flag,
  floating_timeout: minutes,
  floating_users: optionalCount,
  floating_in_use_devices: optionalCount,
  ...consumptionFields,
});
export type FeatureWire = z.output<typeof featureWire>;

const customerWire = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
  company_name: z.string().nullish(),
});

/** activate_license and check_license: the licence object (+ check's state flags). */
export const licenceWire = z.object({
  id,
  license_type: z.enum(LICENSE_TYPES),
  is_trial: flag,
  validity_period: strictDate,
  start_date: lenientDate,
  max_activations: count,
  times_activated: count,
  allow_unlimited_activations: flag,
  transfer_count: optionalCount,
  // Some servers say -1 for "no transfer at all".
  max_transfers: z.number().int().nullish(),
  is_floating: flag,
  is_floating_cloud: flag,
  floating_timeout: minutes,
  floating_users: optionalCount,
  floating_in_use_devices: optionalCount,
  can_borrow: flag,
  max_borrow_time: z.number().nonnegative().finite().nullish(),
  is_borrowed: z.boolean().nullish(),
  borrowed_until: strictDate,
  allow_grace_period: flag,
  grace_period: z.number().nonnegative().finite().nullish(),
  enable_maintenance_period: flag,
  maintenance_period: lenientDate,
  customer: customerWire.nullish(),
  product_details: z.object({ product_name: z.string().nullish() }).nullish(),
  product_features: z.array(featureWire).nullish(),
  /** check_license's state flags; activation answers say `active` instead. */
  license_active: z.boolean().nullish(),
  license_enabled: z.boolean().nullish(),
  active: z.boolean().nullish(),
  is_expired: z.boolean().nullish(),
  ...consumptionFields,
});
export type LicenceWire = z.output<typeof licenceWire>;

/** add_consumption and add_feature_consumption. */
export const consumptionReply = z.object({
  ...consumptionFields,
  total_consumptions: z.number().int(),
});
export type ConsumptionWire = z.output<typeof consumptionReply>;

/** floating/borrow and floating/feature_borrow. */
export const borrowReply = z.object({
  borrowed_until: dateText,
  max_borrow_time: z.number().nonnegative().finite(),
});

export const productReply = z.object({
  product_name: z.string(),
  short_code: z.string(),
  authorization_method: z
    .enum(['license-key', 'user'])
    .nullish()
    .transform((method) => method ?? 'license-key'),
  allow_trial: flag,
  trial_days: optionalCount,
  floating_timeout: minutes,
});

/** trial_key: a key-based trial names its key; a user-based one names its user. */
export const trialReply = z.object({
  license_key: z.string().min(1).nullish(),
  license_user: z.object({ email: z.string().min(1) }).nullish(),
});
