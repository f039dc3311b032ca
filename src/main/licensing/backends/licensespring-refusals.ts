import type { ErrorCode } from '../../../shared/errors';
import { LicensingError } from '../licensing-error';
import type { LsFailureContext } from './licensespring-errors';
import { withServerText } from './wire-helpers';

/**
 * Every documented License API error code (contract §5.2, §5.8, the feature-check reference, and
 * the ones the sandbox marks ASSUME) as an ERROR_CODES code and a message a person can act on.
 * Messages give numbers we know and keep the server's words where they add something (how many
 * slots are in use, when to retry); the server text has its secrets blanked already.
 */

export type Refusal = (detail: LsFailureContext & { readonly text?: string }) => LicensingError;

type Detail = Parameters<Refusal>[0];

const fail =
  (code: ErrorCode, message: (d: Detail) => string, keepServerText = false): Refusal =>
  (d) =>
    new LicensingError(code, keepServerText ? withServerText(message(d), d.text) : message(d));

/** "this licence" or "feature X of this licence", for messages. */
export const thing = (d: { readonly feature?: string }): string =>
  d.feature === undefined ? 'this licence' : `feature "${d.feature}" of this licence`;

const VENDOR = 'The vendor configuration may be out of date; contact the vendor.';

const vendorConfig = (what: string): Refusal =>
  fail('config', (d) => `${what.replace('{product}', `"${d.productCode}"`)} ${VENDOR}`, true);

const authHeaders = vendorConfig(
  'LicenseSpring could not read the authorization of this request; a proxy may be removing headers, or the app is set up wrongly.',
);

const invalidRequest = fail(
  'invalid_input',
  () => 'LicenseSpring refused the request as invalid.',
  true,
);

const notActivated = fail(
  'not_activated',
  () => 'This licence is not activated on this computer. Activate it first.',
);

const noSuchFeature = fail(
  'invalid_input',
  (d) =>
    `This licence has no feature ${d.feature === undefined ? 'with that code' : `"${d.feature}"`}. Check the feature code.`,
);

const expired = fail(
  'license_expired',
  () => 'This licence has expired. Renew it with the vendor, then try again.',
);

const customerUnknown = fail(
  'invalid_credentials',
  () => 'LicenseSpring does not know this customer account. Check the account name.',
  true,
);

const count = (n: number | undefined): string => (n === undefined ? '' : `${n} `);

const times = (n: number | undefined): string => (n === undefined ? '' : ` (${n} times)`);

/** The limit as the server may word it ("activated on 3 of 3 devices"), for a device that never saw it. */
const limitInText = (text: string | undefined): number | undefined => {
  const found = /\b\d{1,6} of (\d{1,6})\b/.exec(text ?? '');
  return found ? Number(found[1]) : undefined;
};

export const REFUSALS: Readonly<Record<string, Refusal>> = {
  // The vendor's set-up: nothing the person at the screen can change.
  invalid_api_key: vendorConfig("LicenseSpring refused this application's API key."),
  hmac_required: vendorConfig(
    'LicenseSpring requires requests signed with the API key and shared key for this product, and the app is set up otherwise.',
  ),
  api_key_product_not_allowed: vendorConfig(
    "This application's API key is not allowed to use product {product} on LicenseSpring.",
  ),
  authorization_invalid_headers: authHeaders,
  authorization_missing_params: authHeaders,
  missing_headers: authHeaders,
  signature_mismatch: vendorConfig(
    "LicenseSpring could not verify this application's request signature: the shared key in the configuration is probably wrong.",
  ),
  invalid_token: fail(
    'unauthorized',
    () =>
      "LicenseSpring refused this application's access token even right after renewing it. Check that this computer's clock is right; if it is, contact the vendor.",
    true,
  ),
  unknown_product: vendorConfig('LicenseSpring does not know product {product}.'),
  archived_product: vendorConfig('The vendor has archived product {product} on LicenseSpring.'),
  disabled_product: vendorConfig('The vendor has disabled product {product} on LicenseSpring.'),
  license_key_required: vendorConfig(
    'Product {product} activates with licence keys, but the app is set up for account sign-in.',
  ),

  // The request itself.
  validation_error: invalidRequest,
  missing_parameters: invalidRequest,
  missing_content: invalidRequest,
  invalid_json: invalidRequest,
  version_not_found: invalidRequest,
  order_id_exists: invalidRequest,
  change_password_not_allowed: invalidRequest,
  method_not_allowed: fail(
    'protocol',
    (d) =>
      `The server at ${d.host} does not accept this kind of request. Check the server address in the configuration.`,
  ),
  payload_too_large: fail(
    'protocol',
    () => 'LicenseSpring refused the request as too large.',
    true,
  ),
  missing_hardware_id: fail(
    'internal',
    () => "The request reached LicenseSpring without this computer's id. Please report this.",
  ),
  invalid_license_feature_code: noSuchFeature,
  unsupported_product_feature: noSuchFeature,
  borrow_until_not_valid: fail(
    'invalid_input',
    (d) =>
      d.known?.maxBorrowHours === undefined
        ? `LicenseSpring refused the borrowing end date of ${thing(d)}: it is past the longest borrowing the vendor allows. Choose an earlier date, or borrow for the longest time allowed.`
        : `LicenseSpring refused the borrowing end date of ${thing(d)}: it can be borrowed for at most ${d.known.maxBorrowHours} hours from now. Choose an earlier date.`,
    true,
  ),
  borrowing_not_allowed: fail(
    'invalid_input',
    (d) => `The vendor does not allow borrowing ${thing(d)}.`,
    true,
  ),
  negative_consumptions_not_allowed: fail(
    'invalid_input',
    (d) => `${capital(thing(d))} does not accept negative consumption: record a positive amount.`,
  ),
  not_consumption_license: fail(
    'invalid_input',
    (d) => `${capital(thing(d))} does not count consumption.`,
    true,
  ),
  email_missing: fail('invalid_input', () => 'Enter an e-mail address to start a trial.'),
  trial_not_allowed: fail(
    'invalid_input',
    (d) => `The vendor does not offer a trial of product "${d.productCode}".`,
  ),

  // The licence or account.
  license_not_found: fail('invalid_key', (d) =>
    d.userProduct
      ? 'LicenseSpring has no licence of this product for this account. Check the account name, or ask the vendor to assign a licence to it.'
      : 'LicenseSpring does not know this licence key for this product. Check it for typos.',
  ),
  invalid_credentials: fail(
    'invalid_credentials',
    () => 'LicenseSpring did not accept this account name and password. Check them and try again.',
  ),
  customer_account_id_mismatch: customerUnknown,
  customer_account_not_found: customerUnknown,
  customer_does_not_exist: customerUnknown,
  customer_not_found: customerUnknown,
  license_not_enabled: fail(
    'license_revoked',
    () => 'The vendor has disabled this licence. Contact the vendor.',
  ),
  blacklisted: fail(
    'license_revoked',
    () => 'The vendor has blocked this computer from using this licence. Contact the vendor.',
  ),
  license_not_active: fail(
    'license_revoked',
    () =>
      'This licence is not active: it may not have started yet, or the vendor paused it. Contact the vendor.',
    true,
  ),
  vm_not_allowed: fail(
    'license_revoked',
    () => 'This licence may not be used in a virtual machine. Use it on a physical computer.',
  ),
  trial_expired: fail(
    'license_expired',
    () => 'The trial of this product has ended. Buy a licence to keep using it.',
  ),
  expired: expired,
  license_expired: expired,
  device_not_found: notActivated,
  active_license_required: notActivated,

  // Limits.
  license_activated_max_times: fail(
    'seat_unavailable',
    (d) =>
      `All ${count(d.known?.maxActivations ?? limitInText(d.text))}activations of this licence are in use: deactivate it on a computer you no longer use, then try again.`,
  ),
  licenseUserActivatedMaxTimes: fail(
    'seat_unavailable',
    (d) =>
      `Your account has used all ${count(d.known?.maxActivations ?? limitInText(d.text))}of its activations of this licence: deactivate it on a computer you no longer use, then try again.`,
  ),
  license_transferred_max_times: fail(
    'seat_unavailable',
    (d) =>
      `This licence has already moved between computers as often as allowed${times(d.known?.maxTransfers ?? limitInText(d.text))}. Ask the vendor to allow another transfer.`,
  ),
  floating_not_available: fail(
    'seat_unavailable',
    (d) =>
      `Every floating slot of ${thing(d)} is in use. Try again when a colleague stops using it.`,
    true,
  ),
  consumption_limit_exceeded: fail(
    'seat_unavailable',
    (d) => `This would take ${thing(d)} past its consumption limit, so nothing was recorded.`,
    true,
  ),
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
