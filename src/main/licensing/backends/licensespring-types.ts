/**
 * LicenseSpring licences, features and products as the rest of the app sees them: camelCase
 * names, instants as epoch ms, "not set" as an absent field. Built from signed server replies
 * only (licensespring-wire.ts); nothing here is a secret except what the caller already holds.
 */

export type LsConsumptionPeriod = 'daily' | 'weekly' | 'monthly' | 'annually';

/** A consumption counter: the licence's (consumption licences) or a consumption feature's. */
export interface LsConsumption {
  total: number;
  /** 0 with `unlimited`. */
  max: number;
  unlimited: boolean;
  allowOverages: boolean;
  maxOverages: number;
  allowNegative: boolean;
  /** The counter goes back to 0 each period, when the vendor set one. */
  resetPeriod?: LsConsumptionPeriod;
}

/** A floating pool: `users` devices at most, each slot lapsing after `timeoutMinutes` without a check. */
export interface LsFloating {
  users: number;
  timeoutMinutes: number;
  /** Devices holding a slot, when the server said. */
  inUse?: number;
}

export interface LsFeature {
  id: string;
  code: string;
  name: string;
  type: 'activation' | 'consumption';
  expiresAt?: number;
  floating?: LsFloating;
  consumption?: LsConsumption;
}

export interface LsLicence {
  id: string;
  licenseType: 'perpetual' | 'time-limited' | 'consumption' | 'subscription';
  isTrial: boolean;
  startsAt?: number;
  validUntil?: number;
  active: boolean;
  enabled: boolean;
  expired: boolean;
  maxActivations: number;
  timesActivated: number;
  unlimitedActivations: boolean;
  transferCount: number;
  maxTransfers: number;
  /** Only when the vendor allows a grace period. */
  gracePeriodHours?: number;
  /** Only when the vendor enabled a maintenance period. */
  maintenanceUntil?: number;
  customer?: { name?: string; email?: string; company?: string };
  productName?: string;
  floating?: LsFloating & { canBorrow: boolean; maxBorrowHours: number; borrowedUntil?: number };
  /** Consumption licences. */
  consumption?: LsConsumption;
  features: LsFeature[];
  /** The reply's Date header, when present: for clock-skew and clock-moved-back checks. */
  serverTime?: number;
}

export interface LsBorrow {
  borrowedUntil: number;
  maxBorrowHours: number;
}

export interface LsProduct {
  name: string;
  shortCode: string;
  authorizationMethod: 'license-key' | 'user';
  allowTrial: boolean;
  trialDays: number;
  floatingTimeoutMinutes?: number;
}
