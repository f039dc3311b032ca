import { randomBytes } from 'node:crypto';

/**
 * How the LicenseSpring License API puts things on the wire: the `{status, code, message}` error
 * envelope (contract 5.8), JSON bodies that carry a `LicenseSignature` header, the few unsigned
 * replies (deactivate and release), and the OAuth server's own error shape.
 */

import type { Json, JsonObject } from '../json';

export type { Json, JsonObject };

export type Reply =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: Json;
      /** Licence routes sign every JSON reply (v2); the OAuth server and deactivation do not. */
      readonly signed: boolean;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'empty'; readonly status: number };

/** Every server code the sandbox can answer with; most are from contract 5.8, ASSUME ones noted. */
export type LsErrorCode =
  | 'not_found'
  | 'method_not_allowed' // ASSUME
  | 'payload_too_large' // ASSUME
  | 'validation_error'
  | 'missing_headers'
  | 'missing_parameters'
  | 'missing_content'
  | 'missing_hardware_id'
  | 'invalid_json'
  | 'api_key_product_not_allowed'
  | 'authorization_invalid_headers'
  | 'authorization_missing_params'
  | 'hmac_required'
  | 'invalid_api_key'
  | 'invalid_token' // ASSUME: expired or unknown OAuth bearer
  | 'signature_mismatch'
  | 'blacklisted'
  | 'borrow_until_not_valid'
  | 'borrowing_not_allowed' // ASSUME
  | 'device_not_found'
  | 'license_activated_max_times'
  | 'license_transferred_max_times'
  | 'license_key_required'
  | 'license_not_active'
  | 'license_not_enabled'
  | 'license_not_found'
  | 'license_expired' // ASSUME: activating a lapsed time-limited licence
  | 'invalid_credentials' // ASSUME: wrong password of a user-based licence
  | 'vm_not_allowed' // ASSUME
  | 'trial_expired'
  | 'trial_not_allowed'
  | 'email_missing'
  | 'unknown_product'
  | 'unsupported_product_feature'
  | 'invalid_license_feature_code'
  | 'floating_not_available'
  | 'consumption_limit_exceeded' // ASSUME
  | 'negative_consumptions_not_allowed' // ASSUME
  | 'not_consumption_license' // ASSUME
  | 'offline_activation_not_allowed' // ASSUME: floating, time-limited or subscription offline
  | 'request_id_reused' // ASSUME: an offline request file sent a second time
  | 'internal_error';

/** Nearly every error is a 400; these are the documented (or, for 405/413, ASSUME) others. */
const STATUS_OF: Partial<Record<LsErrorCode, number>> = {
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  signature_mismatch: 401,
  invalid_token: 401,
  internal_error: 500,
};

export const statusOf = (code: LsErrorCode): number => STATUS_OF[code] ?? 400;

export function lsError(
  code: LsErrorCode,
  message: string,
  headers?: Readonly<Record<string, string>>,
): Reply {
  const status = statusOf(code);
  return {
    kind: 'json',
    status,
    body: { status, code, message },
    signed: true,
    ...(headers ? { headers } : {}),
  };
}

export const ok = (body: Json): Reply => ({ kind: 'json', status: 200, body, signed: true });

/** deactivate_license: the JSON string "license_deactivated", with no v2 signature (contract 5.4). */
export const deactivated = (): Reply => ({
  kind: 'json',
  status: 200,
  body: 'license_deactivated',
  signed: false,
});

/** floating/release and floating/feature_release: 200 with an empty body. */
export const empty = (): Reply => ({ kind: 'empty', status: 200 });

/** The Keycloak token endpoint answers OAuth's `{error, error_description}`, never signed. */
export function oauthError(status: number, error: string, description: string): Reply {
  return { kind: 'json', status, body: { error, error_description: description }, signed: false };
}

export const oauthOk = (body: JsonObject): Reply => ({
  kind: 'json',
  status: 200,
  body,
  signed: false,
});

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** Real keys look like `T7GB-C4JX-4Y8R-1234`: four groups of four upper-case letters and digits. */
export const LICENSE_KEY_PATTERN = /^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newLicenseKey(): string {
  const chars = [...randomBytes(16)].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length] ?? 'X');
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
