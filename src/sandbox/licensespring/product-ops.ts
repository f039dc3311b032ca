import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hardwareIdOf, optionalString, refuse, type Call } from './call';
import { resolveProduct } from './identity';
import { licenceSchema, type SeedProduct, type SeedUser } from './seed-schema';
import type { LicenceRecord } from './state';
import { productDetails } from './views';
import { isoOrNull, newLicenseKey, ok, type JsonObject, type Reply } from './wire';

/** product_details and trial_key: the two calls that need no licence yet. */

const flag = (value: unknown) => value === true || value === 'true' || value === '1';

export function productDetailsOp(call: Call): Reply {
  const product = resolveProduct(call);
  return ok({
    ...productDetails(product),
    ...(flag(call.params.include_latest_version) ? { latest_version: product.latestVersion } : {}),
    ...(flag(call.params.include_custom_fields) ? { custom_fields: [] } : {}),
  });
}

function trialUser(call: Call, email: string): { user: SeedUser; password: string | null } {
  const known = call.ctx.state.user(email);
  if (known) return { user: known, password: null }; // an existing user keeps their password
  const given = optionalString(call.params, 'password');
  const password = given ?? randomBytes(9).toString('base64url');
  const user: SeedUser = {
    id: call.ctx.state.nextId(),
    email,
    password,
    firstName: optionalString(call.params, 'first_name') ?? '',
    lastName: optionalString(call.params, 'last_name') ?? '',
    isInitialPassword: given === undefined,
  };
  return { user, password };
}

function newTrialBody(licence: LicenceRecord, now: number, password: string | null): JsonObject {
  const { terms, user } = licence;
  return {
    license_key: licence.licenseKey,
    id: licence.id,
    order_id: licence.id + 1,
    product_id: licence.product.id,
    created_at: now,
    updated_at: now,
    max_activations: terms.maxActivations,
    times_activated: licence.activations.size,
    is_trial: true,
    active: false,
    enabled: licence.enabled,
    trial_days: terms.trialDays,
    license_type: terms.licenseType,
    max_transfers: terms.maxTransfers,
    prevent_vm: terms.preventVm,
    enable_maintenance_period: false,
    maintenance_duration: null,
    metadata: {},
    is_hardware_key_auth: false,
    validity_period: isoOrNull(licence.validityPeriod),
    ...(user
      ? {
          license_user: {
            email: user.email,
            is_initial_password: user.isInitialPassword,
            ...(password === null ? {} : { password }),
          },
        }
      : {}),
  };
}

/** What a second trial_key call for the same device sees: the trial as it stands now. */
function existingTrialBody(licence: LicenceRecord): JsonObject {
  return {
    id: licence.id,
    license_key: licence.licenseKey,
    license_type: licence.terms.licenseType,
    is_trial: true,
    trial_days: licence.terms.trialDays,
    validity_period: isoOrNull(licence.validityPeriod),
    max_activations: licence.terms.maxActivations,
    times_activated: licence.activations.size,
    active: licence.activations.size > 0,
    enabled: licence.enabled,
    ...(licence.user ? { license_user: { email: licence.user.email } } : {}),
  };
}

function trialTerms(call: Call, product: SeedProduct, email: string | null) {
  return licenceSchema.parse({
    id: call.ctx.state.nextId(),
    product: product.shortCode,
    ...(email === null ? { licenseKey: newLicenseKey() } : { user: email }),
    licenseType: 'time-limited',
    isTrial: true,
    trialDays: product.trialDays,
    maxActivations: 1,
  });
}

export function trialKey(call: Call): Reply {
  const hardwareId = hardwareIdOf(call.params);
  const product = resolveProduct(call);
  if (!product.allowTrial) refuse('trial_not_allowed', 'Product does not allow trial');
  const byUser = product.authorizationMethod === 'user';
  const email = byUser ? (optionalString(call.params, 'email') ?? null) : null;
  if (byUser && email === null)
    refuse('email_missing', 'An email is missing for user-based product');
  if (email !== null && !z.email().safeParse(email).success) {
    refuse('validation_error', 'email must be an email address');
  }
  const state = call.ctx.state;
  const existing = state.trialOf(product.shortCode, hardwareId, email);
  if (existing) return ok(existingTrialBody(existing));

  const account = email === null ? null : trialUser(call, email);
  const licence = state.addTrial(
    { productCode: product.shortCode, hardwareId, email },
    trialTerms(call, product, email),
    account?.user ?? null,
    call.now,
  );
  return ok(newTrialBody(licence, call.now, account?.password ?? null));
}
