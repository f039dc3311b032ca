import type {
  LsConsumptionMeter,
  LsFeatureView,
  LsLicenceDetails,
  LsProductView,
} from '../../shared/licensespring-model';
import { inEnglish } from '../../shared/texts/english';
import { licensespring as ls } from '../../shared/texts/licensespring.en';
import type { PersistedLicenseSpring } from '../store/persisted-state';
import { licenseSpringLocalCheck } from './backends/licensespring-local-check';
import type {
  LsConsumption,
  LsFeature,
  LsLicence,
  LsProduct,
} from './backends/licensespring-types';

/** Pure mapping from LicenseSpring answers to what the screens may see; no key crosses here. */

export const meterOf = (consumption: LsConsumption): LsConsumptionMeter => ({ ...consumption });

/** A server date before 1970 is no date a person can act on: shown as not set. */
const date = (ms: number | undefined): number | undefined =>
  ms !== undefined && Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;

export function featureViewOf(feature: LsFeature, now: number): LsFeatureView {
  return {
    code: feature.code,
    name: feature.name,
    type: feature.type,
    expiresAt: date(feature.expiresAt),
    expired: feature.expiresAt !== undefined && feature.expiresAt <= now,
    ...(feature.floating
      ? {
          floating: {
            inUse: feature.floating.inUse,
            max: feature.floating.users,
            timeoutMinutes: feature.floating.timeoutMinutes,
            held: false,
          },
        }
      : {}),
    ...(feature.consumption ? { consumption: meterOf(feature.consumption) } : {}),
  };
}

const CHECKED = ls.checkedWithServer();

/** The details as of a server answer; `held` flags and the local check are filled in on reading. */
export function detailsOf(
  profileId: string,
  licence: LsLicence,
  options: { readonly checkedAt: number; readonly canConsume: boolean },
): LsLicenceDetails {
  const { floating } = licence;
  return {
    profileId,
    productName: licence.productName,
    licenseType: licence.licenseType,
    isTrial: licence.isTrial,
    startsAt: date(licence.startsAt),
    validUntil: date(licence.validUntil),
    activations: {
      used: licence.timesActivated,
      max: licence.maxActivations,
      unlimited: licence.unlimitedActivations,
    },
    transfers: {
      used: Math.max(0, licence.transferCount),
      max: Math.max(0, licence.maxTransfers),
      allowed: licence.maxTransfers >= 0,
    },
    maintenanceUntil: date(licence.maintenanceUntil),
    customer: licence.customer,
    ...(floating
      ? {
          floating: {
            inUse: floating.inUse,
            max: floating.users,
            timeoutMinutes: floating.timeoutMinutes,
            held: false,
            borrowedUntil: date(floating.borrowedUntil),
            canBorrow: floating.canBorrow,
            maxBorrowHours: floating.maxBorrowHours,
          },
        }
      : {}),
    ...(licence.consumption ? { consumption: meterOf(licence.consumption) } : {}),
    features: licence.features.map((feature) => featureViewOf(feature, options.checkedAt)),
    localCheck: { state: 'valid', message: inEnglish(CHECKED), text: CHECKED },
    canConsume: options.canConsume,
    checkedAt: options.checkedAt,
  };
}

/** What is shown now: the stored details with this moment's local check and held slots. */
export function currentDetails(
  snapshot: PersistedLicenseSpring,
  now: number,
  held: { readonly licence: boolean; readonly features: ReadonlySet<string> },
): LsLicenceDetails {
  const { details } = snapshot;
  return {
    ...details,
    ...(details.floating ? { floating: { ...details.floating, held: held.licence } } : {}),
    features: details.features.map((feature) => ({
      ...feature,
      expired: feature.expiresAt !== undefined && feature.expiresAt <= now,
      ...(feature.floating
        ? { floating: { ...feature.floating, held: held.features.has(feature.code) } }
        : {}),
    })),
    localCheck: licenseSpringLocalCheck({
      now,
      highestSeenAt: snapshot.highestSeenAt,
      validUntil: details.validUntil,
      gracePeriodHours: snapshot.gracePeriodHours,
      lastServerCheckAt: details.checkedAt,
    }),
  };
}

export const productViewOf = (profileId: string, product: LsProduct): LsProductView => ({
  profileId,
  productName: product.name,
  authorizationMethod: product.authorizationMethod,
  // A user-based trial creates an account whose password only the server's answer shows once;
  // such trials are started from the vendor's portal, not from here.
  allowTrial: product.allowTrial && product.authorizationMethod === 'license-key',
  trialDays: product.trialDays,
});
