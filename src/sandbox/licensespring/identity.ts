import {
  hardwareIdOf,
  optionalInt,
  optionalString,
  refuse,
  requiredString,
  type Call,
} from './call';
import type { SeedProduct } from './seed-schema';
import type { Activation, LicenceRecord } from './state';
import { isExpired } from './views';
import { iso } from './wire';

/**
 * Which licence a call is about (contract 5.5): `product` plus `license_key` (key-based products)
 * or `username` (user-based; `password` too when activating), narrowed by `license_id`. Then the
 * gates every device call shares: enabled, started, trial not over, device activated.
 */

export interface Identified {
  readonly product: SeedProduct;
  readonly licence: LicenceRecord;
  readonly hardwareId: string;
  /** What the v1 license_signature covers in place of the key: the username before any `|`. */
  readonly signedId: string;
}

export function resolveProduct(call: Call): SeedProduct {
  const code = requiredString(call.params, 'product');
  const product = call.ctx.state.product(code);
  if (!product) refuse('unknown_product', `Provided product "${code}" was not found`);
  const allowed = call.principal.products;
  if (allowed !== undefined && !allowed.includes(product.shortCode)) {
    refuse(
      'api_key_product_not_allowed',
      `This ${call.principal.kind === 'oauth' ? 'OAuth client' : 'API key'} may not be used for product "${code}"`,
    );
  }
  return product;
}

function byKey(call: Call, product: SeedProduct): { licence: LicenceRecord; signedId: string } {
  const key = optionalString(call.params, 'license_key');
  if (key === undefined) {
    refuse('license_key_required', `Product "${product.shortCode}" is key-based: send license_key`);
  }
  const licence = call.ctx.state.licenceByKey(key);
  if (!licence || licence.product !== product) {
    refuse('license_not_found', 'License with the provided license key not found');
  }
  return { licence, signedId: key };
}

function byUser(
  call: Call,
  product: SeedProduct,
  licenseId: number | undefined,
  withPassword: boolean,
): { licence: LicenceRecord; signedId: string } {
  const username = requiredString(call.params, 'username');
  const candidates = call.ctx.state
    .licencesOfUser(username, product.shortCode)
    .filter((l) => licenseId === undefined || l.id === licenseId);
  const licence = candidates[0];
  if (!licence) refuse('license_not_found', 'License with the provided license user not found');
  if (withPassword) {
    const password = requiredString(call.params, 'password');
    if (licence.user?.password !== password) {
      refuse('invalid_credentials', 'The username or password is not correct');
    }
  }
  return { licence, signedId: username.split('|')[0] ?? username };
}

export function identify(call: Call, options: { password?: boolean } = {}): Identified {
  const hardwareId = hardwareIdOf(call.params);
  const product = resolveProduct(call);
  const licenseId = optionalInt(call.params, 'license_id');
  const found =
    product.authorizationMethod === 'user'
      ? byUser(call, product, licenseId, options.password ?? false)
      : byKey(call, product);
  if (licenseId !== undefined && found.licence.id !== licenseId) {
    refuse('license_not_found', `License ${licenseId} does not match the provided license`);
  }
  if (call.ctx.state.isBlacklisted(hardwareId)) refuse('blacklisted', 'This device is blacklisted');
  return { product, hardwareId, ...found };
}

/** Disabled, not started yet, or a trial past its end: nothing but deactivation works. */
export function gate(licence: LicenceRecord, now: number): void {
  if (!licence.enabled) refuse('license_not_enabled', 'The license is not enabled');
  if (licence.startDate !== null && now < licence.startDate) {
    refuse('license_not_active', `The license is not active until ${iso(licence.startDate)}`);
  }
  if (licence.terms.isTrial && isExpired(licence, now)) {
    refuse('trial_expired', `The trial ended at ${iso(licence.validityPeriod ?? now)}`);
  }
}

export function activationOf(licence: LicenceRecord, hardwareId: string): Activation {
  const activation = licence.activations.get(hardwareId);
  if (!activation) {
    refuse('device_not_found', 'An active device matching the hardware_id was not found');
  }
  return activation;
}

/** A device call: identified, gated, and made from a device activated on the licence. */
export function identifyDevice(call: Call): Identified & { activation: Activation } {
  const found = identify(call);
  gate(found.licence, call.now);
  return { ...found, activation: activationOf(found.licence, found.hardwareId) };
}
