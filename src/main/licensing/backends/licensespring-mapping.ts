import type { z } from 'zod';
import type { ActivationRecord } from '../backend';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import type {
  LsBorrow,
  LsConsumption,
  LsConsumptionPeriod,
  LsFeature,
  LsFloating,
  LsLicence,
  LsProduct,
} from './licensespring-types';
import type {
  borrowReply,
  ConsumptionWire,
  FeatureWire,
  LicenceWire,
  productReply,
} from './licensespring-wire';

/** From the snake_case wire to the camelCase domain types; instants become epoch ms. */

/**
 * Used only when the server names a floating pool without its timeout. Deliberately short: with
 * a shorter assumed timeout the app checks in more often than needed, never too late.
 */
export const FALLBACK_FLOATING_TIMEOUT_MINUTES = 30;

const PERIODS: readonly string[] = ['daily', 'weekly', 'monthly', 'annually'];

/** Epoch ms of a date the wire schema already checked, or absent. */
const ms = (text: string | null | undefined): number | undefined => {
  if (text === null || text === undefined) return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
};

/** Absent instead of undefined-valued keys, so records compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

type ConsumptionFields = Pick<
  ConsumptionWire,
  | 'total_consumptions'
  | 'max_consumptions'
  | 'max_consumption'
  | 'allow_unlimited_consumptions'
  | 'allow_overages'
  | 'max_overages'
  | 'allow_negative_consumptions'
  | 'reset_consumption'
  | 'consumption_period'
>;

/** Licences and features may omit the counter (null or absent); the add_* replies may not. */
type ConsumptionSource = { readonly [K in keyof ConsumptionFields]?: ConsumptionFields[K] | null };

export function toLsConsumption(wire: ConsumptionSource): LsConsumption {
  const period = wire.consumption_period ?? '';
  return compact({
    total: wire.total_consumptions ?? 0,
    max: wire.max_consumptions ?? wire.max_consumption ?? 0,
    unlimited: wire.allow_unlimited_consumptions ?? false,
    allowOverages: wire.allow_overages ?? false,
    maxOverages: wire.max_overages ?? 0,
    allowNegative: wire.allow_negative_consumptions ?? false,
    resetPeriod:
      wire.reset_consumption && PERIODS.includes(period)
        ? (period as LsConsumptionPeriod)
        : undefined,
  });
}

function floatingOf(
  wire: Pick<
    FeatureWire,
    | 'is_floating'
    | 'is_floating_cloud'
    | 'floating_users'
    | 'floating_timeout'
    | 'floating_in_use_devices'
  >,
  fallbackTimeoutMinutes: number,
): LsFloating | undefined {
  if (!wire.is_floating && !wire.is_floating_cloud) return undefined;
  return compact({
    users: wire.floating_users ?? 0,
    timeoutMinutes: wire.floating_timeout ?? fallbackTimeoutMinutes,
    inUse: wire.floating_in_use_devices ?? undefined,
  });
}

export function toLsFeature(
  wire: FeatureWire,
  fallbackTimeoutMinutes = FALLBACK_FLOATING_TIMEOUT_MINUTES,
): LsFeature {
  return compact({
    id: wire.id,
    code: wire.code,
    name: wire.name ?? wire.code,
    type: wire.feature_type,
    expiresAt: ms(wire.expiry_date),
    floating: floatingOf(wire, fallbackTimeoutMinutes),
    consumption: wire.feature_type === 'consumption' ? toLsConsumption(wire) : undefined,
  });
}

function customerOf(wire: LicenceWire): LsLicence['customer'] {
  const c = wire.customer;
  if (!c) return undefined;
  const name = [c.first_name, c.last_name].filter((part) => part && part.trim()).join(' ');
  const customer = compact({
    name: name || undefined,
    email: c.email || undefined,
    company: c.company_name || undefined,
  });
  return Object.keys(customer).length > 0 ? customer : undefined;
}

/** `now` decides `expired` only when the server does not say (activation answers). */
export function toLsLicence(
  wire: LicenceWire,
  context: { readonly now: number; readonly serverTime?: number },
): LsLicence {
  const validUntil = ms(wire.validity_period);
  const timeout = wire.floating_timeout ?? FALLBACK_FLOATING_TIMEOUT_MINUTES;
  const pool = floatingOf(wire, timeout);
  return compact({
    id: wire.id,
    licenseType: wire.license_type,
    isTrial: wire.is_trial,
    startsAt: ms(wire.start_date),
    validUntil,
    active: wire.license_active ?? wire.active ?? true,
    enabled: wire.license_enabled ?? true,
    expired:
      wire.is_expired ??
      (validUntil !== undefined && validUntil <= (context.serverTime ?? context.now)),
    maxActivations: wire.max_activations,
    timesActivated: wire.times_activated,
    unlimitedActivations: wire.allow_unlimited_activations,
    transferCount: wire.transfer_count ?? 0,
    maxTransfers: wire.max_transfers ?? 0,
    gracePeriodHours: wire.allow_grace_period ? (wire.grace_period ?? 0) : undefined,
    maintenanceUntil: wire.enable_maintenance_period ? ms(wire.maintenance_period) : undefined,
    customer: customerOf(wire),
    productName: wire.product_details?.product_name ?? undefined,
    floating: pool && {
      ...pool,
      canBorrow: wire.can_borrow,
      maxBorrowHours: wire.max_borrow_time ?? 0,
      ...(wire.is_borrowed !== false && ms(wire.borrowed_until) !== undefined
        ? { borrowedUntil: ms(wire.borrowed_until) }
        : {}),
    },
    consumption: wire.license_type === 'consumption' ? toLsConsumption(wire) : undefined,
    features: (wire.product_features ?? []).map((feature) => toLsFeature(feature, timeout)),
    serverTime: context.serverTime,
  });
}

/** Why a licence the server answered for cannot be used now, or undefined when it can. */
export function invalidReasonText(licence: LsLicence): Text | undefined {
  if (!licence.enabled) return ls.invalidDisabled();
  if (licence.expired) return licence.isTrial ? ls.invalidTrialEnded() : ls.invalidExpired();
  if (!licence.active) return ls.invalidNotActive();
  return undefined;
}

export function toActivationRecord(licence: LsLicence, issuedKey?: string): ActivationRecord {
  const reason = invalidReasonText(licence);
  return compact({
    licenseId: licence.id,
    mode: 'activation' as const,
    valid: reason === undefined,
    invalidReason: reason,
    expiresAt: licence.validUntil,
    supportExpiresAt: licence.maintenanceUntil,
    activeClients: licence.timesActivated,
    // 0 = no limit, as the licence service reads it (max_activations means nothing then).
    maxClients: licence.unlimitedActivations ? 0 : licence.maxActivations,
    issuedKey,
  });
}

export const toLsBorrow = (wire: z.output<typeof borrowReply>): LsBorrow => ({
  borrowedUntil: Date.parse(wire.borrowed_until),
  maxBorrowHours: wire.max_borrow_time,
});

export const toLsProduct = (wire: z.output<typeof productReply>): LsProduct =>
  compact({
    name: wire.product_name,
    shortCode: wire.short_code,
    authorizationMethod: wire.authorization_method,
    allowTrial: wire.allow_trial,
    trialDays: wire.trial_days ?? 0,
    floatingTimeoutMinutes: wire.floating_timeout ?? undefined,
  });
