import { settle } from './consumption';
import type { SeedProduct } from './seed-schema';
import { inUse } from './slot-pool';
import type { FeatureState, LicenceRecord } from './state';
import { isoOrNull, type Json, type JsonObject } from './wire';

/**
 * The JSON objects of License API v4, snake_case and in a stable key order (the v2 signature
 * covers the exact bytes, so order must never depend on anything but the data). Shapes follow
 * contract 5.5; the feature check follows the vendor's reference page field for field.
 */

const metadataOf = (value: Readonly<Record<string, unknown>>): Json => value as JsonObject;

export function isExpired(licence: LicenceRecord, now: number): boolean {
  return licence.validityPeriod !== null && now >= licence.validityPeriod;
}

export function productDetails(product: SeedProduct): JsonObject {
  return {
    product_id: product.id,
    product_name: product.name,
    short_code: product.shortCode,
    authorization_method: product.authorizationMethod,
    allow_trial: product.allowTrial,
    trial_days: product.trialDays,
    floating_timeout: product.floatingTimeout,
    allow_overages: product.allowOverages,
    max_overages: product.maxOverages,
    prevent_vm: product.preventVm,
    metadata: metadataOf(product.metadata),
  };
}

/** A counter's fields as every consumption shape writes them (after any reset that is due). */
function consumptionFields(feature: FeatureState, now: number): JsonObject {
  const counter = feature.counter;
  if (counter) settle(counter, now);
  return {
    max_consumption: counter?.max ?? 0,
    total_consumptions: counter?.total ?? 0,
    allow_unlimited_consumptions: counter?.allowUnlimited ?? false,
    allow_overages: counter?.allowOverages ?? false,
    max_overages: counter?.maxOverages ?? 0,
    allow_negative_consumptions: counter?.allowNegative ?? false,
    reset_consumption: counter?.reset ?? false,
  };
}

function floatingFields(feature: FeatureState, now: number): JsonObject {
  const pool = feature.pool;
  if (!pool) return {};
  return {
    floating_timeout: feature.def.floatingTimeout,
    floating_users: feature.def.floatingUsers,
    floating_in_use_devices: inUse(pool, now),
  };
}

/** What every feature answer starts with, in the reference page's order. */
function featureHead(feature: FeatureState, now: number): JsonObject {
  const { def } = feature;
  return {
    id: def.id,
    code: def.code,
    name: def.name,
    feature_type: def.featureType,
    expiry_date: isoOrNull(feature.expiryDate),
    metadata: metadataOf(def.metadata),
    is_floating: false,
    is_floating_cloud: def.isFloatingCloud,
    ...floatingFields(feature, now),
  };
}

/** An entry of a licence's `product_features`. */
export function featureSummary(feature: FeatureState, now: number): JsonObject {
  const consumption = feature.def.featureType === 'consumption';
  return {
    ...featureHead(feature, now),
    ...(consumption
      ? { ...consumptionFields(feature, now), consumption_period: feature.counter?.period ?? null }
      : {}),
  };
}

/**
 * check_license_feature, exactly the reference page's fields: every required one always (the
 * consumption ones too, zero for activation features), floating ones only for floating features.
 */
export function featureCheck(
  licence: LicenceRecord,
  feature: FeatureState,
  now: number,
): JsonObject {
  return {
    ...featureHead(feature, now),
    license_id: licence.id,
    ...consumptionFields(feature, now),
    // The reference types consumption_period as a plain string, so "" stands for "none".
    consumption_period: feature.counter?.period ?? '',
  };
}

function licenceConsumption(licence: LicenceRecord, now: number): JsonObject {
  const counter = licence.counter;
  if (counter) settle(counter, now);
  const { terms } = licence;
  return {
    max_consumptions: terms.maxConsumptions,
    total_consumptions: counter?.total ?? 0,
    allow_unlimited_consumptions: terms.allowUnlimitedConsumptions,
    allow_overages: terms.allowOverages,
    max_overages: terms.maxOverages,
    allow_negative_consumptions: terms.allowNegativeConsumptions,
    reset_consumption: terms.resetConsumption,
    consumption_period: terms.consumptionPeriod,
  };
}

/** The licence object shared by activate_license and check_license. */
export function licenceBody(licence: LicenceRecord, companyId: number, now: number): JsonObject {
  const { terms, user } = licence;
  return {
    id: licence.id,
    license_key: licence.licenseKey,
    license_type: terms.licenseType,
    is_trial: terms.isTrial,
    trial_days: terms.trialDays,
    validity_period: isoOrNull(licence.validityPeriod),
    start_date: isoOrNull(licence.startDate),
    max_activations: terms.maxActivations,
    times_activated: licence.activations.size,
    allow_unlimited_activations: terms.allowUnlimitedActivations,
    transfer_count: licence.transferCount,
    max_transfers: terms.maxTransfers,
    is_floating: false,
    is_floating_cloud: terms.isFloatingCloud,
    floating_timeout: terms.floatingTimeout,
    floating_users: terms.floatingUsers,
    can_borrow: terms.canBorrow,
    max_borrow_time: terms.maxBorrowTime,
    allow_grace_period: terms.allowGracePeriod,
    grace_period: terms.gracePeriod,
    prevent_vm: terms.preventVm,
    allow_offline_activation: terms.allowOfflineActivation,
    is_air_gapped: false,
    is_hardware_key_auth: false,
    enable_maintenance_period: licence.maintenancePeriod !== null,
    maintenance_period: isoOrNull(licence.maintenancePeriod),
    ...licenceConsumption(licence, now),
    metadata: metadataOf(terms.metadata),
    custom_fields: terms.customFields.map((f) => ({
      name: f.name,
      data_type: f.dataType,
      value: f.value,
    })),
    customer: terms.customer && {
      id: terms.customer.id,
      email: terms.customer.email,
      first_name: terms.customer.firstName,
      last_name: terms.customer.lastName,
      company_name: terms.customer.companyName,
      reference: terms.customer.reference,
    },
    company: { id: companyId },
    product_details: productDetails(licence.product),
    product_features: [...licence.features.values()].map((f) => featureSummary(f, now)),
    ...(user
      ? {
          user: {
            id: user.id,
            email: user.email,
            first_name: user.firstName,
            last_name: user.lastName,
            is_initial_password: user.isInitialPassword,
          },
        }
      : {}),
  };
}

/** add_consumption's reply. */
export function licenceConsumptionReply(
  licence: LicenceRecord,
  companyId: number,
  now: number,
): JsonObject {
  return { id: licence.id, ...licenceConsumption(licence, now), company: { id: companyId } };
}

/** add_feature_consumption's reply: plural max_consumptions here, as contract 5.5 lists it. */
export function featureConsumptionReply(
  licence: LicenceRecord,
  feature: FeatureState,
  companyId: number,
  now: number,
): JsonObject {
  const { max_consumption: max, ...fields } = consumptionFields(feature, now);
  const floating: JsonObject = feature.def.isFloatingCloud
    ? { floating_timeout: feature.def.floatingTimeout, floating_users: feature.def.floatingUsers }
    : {};
  return {
    id: feature.def.id,
    license_id: licence.id,
    max_consumptions: max ?? 0,
    ...fields,
    consumption_period: feature.counter?.period ?? null,
    is_floating: false,
    is_floating_cloud: feature.def.isFloatingCloud,
    ...floating,
    company: { id: companyId },
  };
}
