import type { ErrorCode } from '../../../shared/errors';
import { LicensingError } from '../licensing-error';
import type { LsFailureContext } from './licensespring-errors';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
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
  (code: ErrorCode, message: (d: Detail) => Text, keepServerText = false): Refusal =>
  (d) =>
    new LicensingError(code, keepServerText ? withServerText(message(d), d.text) : message(d));

/** The feature a call was about, for messages that name "feature X of this licence". */
export const featureOf = (d: { readonly feature?: string }): { feature?: string } =>
  d.feature === undefined ? {} : { feature: d.feature };

/** The vendor's set-up: nothing the person at the screen can change. */
const vendorConfig = (problem: (d: Detail) => Text): Refusal =>
  fail('config', (d) => ls.vendorSetup({ problem: problem(d) }), true);

const product = (d: Detail) => ({ product: d.productCode });

const authHeaders = vendorConfig(() => ls.authHeaders());

const invalidRequest = fail('invalid_input', () => ls.invalidRequest(), true);

const notActivated = fail('not_activated', () => ls.notActivated());

const noSuchFeature = fail('invalid_input', (d) => ls.noSuchFeature(featureOf(d)));

const expired = fail('license_expired', () => ls.licenceExpired());

const customerUnknown = fail('invalid_credentials', () => ls.unknownCustomer(), true);

/** The limit, when an earlier answer or the server's words gave it. */
const count = (n: number | undefined): { count?: number } => (n === undefined ? {} : { count: n });

/** The limit as the server may word it ("activated on 3 of 3 devices"), for a device that never saw it. */
const limitInText = (text: string | undefined): number | undefined => {
  const found = /\b\d{1,6} of (\d{1,6})\b/.exec(text ?? '');
  return found ? Number(found[1]) : undefined;
};

export const REFUSALS: Readonly<Record<string, Refusal>> = {
  // The vendor's set-up: nothing the person at the screen can change.
  invalid_api_key: vendorConfig(() => ls.invalidApiKey()),
  hmac_required: vendorConfig(() => ls.hmacRequired()),
  api_key_product_not_allowed: vendorConfig((d) => ls.productNotAllowed(product(d))),
  authorization_invalid_headers: authHeaders,
  authorization_missing_params: authHeaders,
  missing_headers: authHeaders,
  signature_mismatch: vendorConfig(() => ls.signatureMismatch()),
  invalid_token: fail('unauthorized', () => ls.invalidToken(), true),
  unknown_product: vendorConfig((d) => ls.unknownProduct(product(d))),
  archived_product: vendorConfig((d) => ls.archivedProduct(product(d))),
  disabled_product: vendorConfig((d) => ls.disabledProduct(product(d))),
  license_key_required: vendorConfig((d) => ls.keyRequired(product(d))),

  // The request itself.
  validation_error: invalidRequest,
  missing_parameters: invalidRequest,
  missing_content: invalidRequest,
  invalid_json: invalidRequest,
  version_not_found: invalidRequest,
  order_id_exists: invalidRequest,
  change_password_not_allowed: invalidRequest,
  method_not_allowed: fail('protocol', (d) => ls.methodNotAllowed({ host: d.host })),
  payload_too_large: fail('protocol', () => ls.payloadTooLarge(), true),
  missing_hardware_id: fail('internal', () => ls.missingHardwareId()),
  invalid_license_feature_code: noSuchFeature,
  unsupported_product_feature: noSuchFeature,
  borrow_until_not_valid: fail(
    'invalid_input',
    (d) =>
      d.known?.maxBorrowHours === undefined
        ? ls.borrowEndTooLate(featureOf(d))
        : ls.borrowEndPastLimit({ ...featureOf(d), hours: d.known.maxBorrowHours }),
    true,
  ),
  borrowing_not_allowed: fail('invalid_input', (d) => ls.borrowingNotAllowed(featureOf(d)), true),
  negative_consumptions_not_allowed: fail('invalid_input', (d) =>
    ls.negativeNotAllowed(featureOf(d)),
  ),
  not_consumption_license: fail('invalid_input', (d) => ls.notConsumption(featureOf(d)), true),
  email_missing: fail('invalid_input', () => ls.emailMissing()),
  trial_not_allowed: fail('invalid_input', (d) => ls.trialNotAllowed(product(d))),

  // The licence or account.
  license_not_found: fail('invalid_key', (d) =>
    d.userProduct ? ls.noLicenceForAccount() : ls.unknownKey(),
  ),
  invalid_credentials: fail('invalid_credentials', () => ls.invalidCredentials()),
  customer_account_id_mismatch: customerUnknown,
  customer_account_not_found: customerUnknown,
  customer_does_not_exist: customerUnknown,
  customer_not_found: customerUnknown,
  license_not_enabled: fail('license_revoked', () => ls.licenceDisabled()),
  blacklisted: fail('license_revoked', () => ls.blacklisted()),
  license_not_active: fail('license_revoked', () => ls.licenceNotActive(), true),
  vm_not_allowed: fail('license_revoked', () => ls.vmNotAllowed()),
  trial_expired: fail('license_expired', () => ls.trialEnded()),
  expired: expired,
  license_expired: expired,
  device_not_found: notActivated,
  active_license_required: notActivated,

  // Limits.
  license_activated_max_times: fail('seat_unavailable', (d) =>
    ls.activationsInUse(count(d.known?.maxActivations ?? limitInText(d.text))),
  ),
  licenseUserActivatedMaxTimes: fail('seat_unavailable', (d) =>
    ls.accountActivationsUsed(count(d.known?.maxActivations ?? limitInText(d.text))),
  ),
  license_transferred_max_times: fail('seat_unavailable', (d) =>
    ls.transfersUsed(count(d.known?.maxTransfers ?? limitInText(d.text))),
  ),
  floating_not_available: fail('seat_unavailable', (d) => ls.floatingFull(featureOf(d)), true),
  consumption_limit_exceeded: fail(
    'seat_unavailable',
    (d) => ls.consumptionLimit(featureOf(d)),
    true,
  ),
};
