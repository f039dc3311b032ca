import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/main/http/http-client';
import { describeOffset } from '../../src/main/licensing/backends/licensespring-clock';
import {
  lsFailure,
  type LsFailureContext,
} from '../../src/main/licensing/backends/licensespring-errors';
import { REFUSALS } from '../../src/main/licensing/backends/licensespring-refusals';
import type { ErrorCode } from '../../src/shared/errors';

/**
 * Every documented License API error code (contract §5.2, §5.8, the feature-check reference and
 * the sandbox's ASSUME codes) to an ERROR_CODES code and a message a person can act on.
 */

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const KEY = 'LSND-7K2Q-M4XD-9PWA';
const PASSWORD = 'hunter2-secret';
const ctx: LsFailureContext = {
  operation: 'activate',
  host: 'api.example',
  now: NOW,
  secrets: [KEY, PASSWORD],
  productCode: 'lmpro',
  userProduct: false,
};

const refusal = (code: string, message = 'Server words', status = 400, headers = {}) =>
  ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: { status, code, message },
    rawBody: '',
  }) satisfies HttpResponse;

const map = (response: HttpResponse, extra: Partial<LsFailureContext> = {}) =>
  lsFailure(response, { ...ctx, ...extra });

const TABLE: readonly [string, ErrorCode, RegExp][] = [
  ['invalid_api_key', 'config', /refused this application's API key/],
  ['hmac_required', 'config', /requires requests signed/],
  ['api_key_product_not_allowed', 'config', /not allowed to use product "lmpro"/],
  ['authorization_invalid_headers', 'config', /could not read the authorization/],
  ['authorization_missing_params', 'config', /could not read the authorization/],
  ['missing_headers', 'config', /proxy may be removing headers/],
  ['signature_mismatch', 'config', /shared key in the configuration is probably wrong/],
  ['invalid_token', 'unauthorized', /even right after renewing/],
  ['unknown_product', 'config', /does not know product "lmpro"/],
  ['archived_product', 'config', /archived product "lmpro"/],
  ['disabled_product', 'config', /disabled product "lmpro"/],
  ['license_key_required', 'config', /activates with licence keys/],
  ['validation_error', 'invalid_input', /refused the request as invalid.*Server words/],
  ['missing_parameters', 'invalid_input', /as invalid/],
  ['missing_content', 'invalid_input', /as invalid/],
  ['invalid_json', 'invalid_input', /as invalid/],
  ['version_not_found', 'invalid_input', /as invalid/],
  ['order_id_exists', 'invalid_input', /as invalid/],
  ['change_password_not_allowed', 'invalid_input', /as invalid/],
  ['method_not_allowed', 'protocol', /Check the server address/],
  ['payload_too_large', 'protocol', /too large/],
  ['missing_hardware_id', 'internal', /without this computer's id/],
  ['invalid_license_feature_code', 'invalid_input', /no feature "cad-viewer"/],
  ['unsupported_product_feature', 'invalid_input', /no feature "cad-viewer"/],
  ['borrow_until_not_valid', 'invalid_input', /at most 12 hours from now/],
  ['borrowing_not_allowed', 'invalid_input', /does not allow borrowing/],
  ['negative_consumptions_not_allowed', 'invalid_input', /negative consumption/],
  ['not_consumption_license', 'invalid_input', /does not count consumption/],
  ['email_missing', 'invalid_input', /e-mail address/],
  ['trial_not_allowed', 'invalid_input', /does not offer a trial of product "lmpro"/],
  ['license_not_found', 'invalid_key', /does not know this licence key/],
  ['invalid_credentials', 'invalid_credentials', /account name and password/],
  ['customer_account_id_mismatch', 'invalid_credentials', /customer account/],
  ['customer_account_not_found', 'invalid_credentials', /customer account/],
  ['customer_does_not_exist', 'invalid_credentials', /customer account/],
  ['customer_not_found', 'invalid_credentials', /customer account/],
  ['license_not_enabled', 'license_revoked', /disabled this licence/],
  ['blacklisted', 'license_revoked', /blocked this computer/],
  ['license_not_active', 'license_revoked', /not active: it may not have started yet/],
  ['vm_not_allowed', 'license_revoked', /virtual machine/],
  ['trial_expired', 'license_expired', /trial of this product has ended/],
  ['expired', 'license_expired', /has expired\. Renew/],
  ['license_expired', 'license_expired', /has expired\. Renew/],
  ['device_not_found', 'not_activated', /not activated on this computer/],
  ['active_license_required', 'not_activated', /Activate it first/],
  [
    'license_activated_max_times',
    'seat_unavailable',
    /^All 3 activations of this licence are in use: deactivate it on a computer you no longer use, then try again\.$/,
  ],
  ['licenseUserActivatedMaxTimes', 'seat_unavailable', /all 3 of its activations/],
  ['license_transferred_max_times', 'seat_unavailable', /as often as allowed \(2 times\)/],
  ['floating_not_available', 'seat_unavailable', /floating slot.*"Server words"/],
  ['consumption_limit_exceeded', 'seat_unavailable', /consumption limit.*"Server words"/],
];

const known = { maxActivations: 3, maxTransfers: 2, maxBorrowHours: 12 };

describe('licensespring error mapping', () => {
  it.each(TABLE)('maps %s to %s', (code, expected, message) => {
    const error = map(refusal(code), {
      feature: code.includes('feature') ? 'cad-viewer' : undefined,
      known,
    });
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(message);
  });

  it('covers every code it knows, and knows every code in the table', () => {
    expect(new Set(Object.keys(REFUSALS))).toEqual(new Set(TABLE.map(([code]) => code)));
  });

  it('leaves out numbers it does not know instead of guessing', () => {
    expect(map(refusal('license_activated_max_times')).message).toBe(
      'All activations of this licence are in use: deactivate it on a computer you no longer use, then try again.',
    );
    expect(map(refusal('borrow_until_not_valid')).message).toMatch(
      /longest borrowing the vendor allows/,
    );
  });

  it('reads the limit from the server’s words when this device never saw it', () => {
    const text = 'The license is already activated on 3 of 3 devices';
    expect(map(refusal('license_activated_max_times', text)).message).toMatch(/^All 3 activations/);
    const moved = 'The license was already transferred 2 of 2 times';
    expect(map(refusal('license_transferred_max_times', moved)).message).toMatch(/\(2 times\)/);
  });

  it('keeps the server’s own words about a full floating pool, and names the feature', () => {
    const words =
      'All 2 floating slots are in use (2 of 2); the next frees up by 2026-01-15T09:30:00.000Z.';
    const error = map(refusal('floating_not_available', words), { feature: 'cad-viewer' });
    expect(error.message).toBe(
      `Every floating slot of feature "cad-viewer" of this licence is in use. Try again when a colleague stops using it. (The server said: "${words}")`,
    );
  });

  it('names the user account, not a key, on user-based products', () => {
    expect(map(refusal('license_not_found'), { userProduct: true }).message).toMatch(
      /no licence of this product for this account/,
    );
  });

  it('never shows a secret the server echoes', () => {
    for (const code of ['validation_error', 'floating_not_available', 'surprising_code']) {
      const error = map(refusal(code, `Key ${KEY} with password ${PASSWORD}\u0000!`));
      expect(error.message).not.toContain(KEY);
      expect(error.message).not.toContain(PASSWORD);
    }
  });
});

describe('licensespring signature_mismatch and the clock', () => {
  const at = (ms: number) => ({ date: new Date(ms).toUTCString() });

  it('says how far behind this computer’s clock is when the server’s Date shows it', () => {
    const error = map(
      refusal('signature_mismatch', 'Signature mismatch', 401, at(NOW + 20 * 60_000)),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(
      /clock is 20 minutes behind the server's time.*Set this computer's date/,
    );
  });

  it.each([
    [20 * 60_000 + 999, '20 minutes'],
    [-(20 * 60_000 + 31_000), '21 minutes'],
    [60_000, '1 minute'],
    [3 * 3_600_000, '3 hours'],
    [5 * 86_400_000, '5 days'],
  ])('words an offset of %i ms as "%s", whole seconds of the Date header aside', (ms, words) => {
    expect(describeOffset(ms)).toBe(words);
  });

  it('says how far ahead, in hours when it is hours', () => {
    const error = map(refusal('signature_mismatch', 'x', 401, at(NOW - 3 * 3_600_000)));
    expect(error.message).toMatch(/clock is 3 hours ahead of the server's time/);
  });

  it('trusts the measured clocks over the server’s words when they agree', () => {
    const text = 'The request signature does not match (check the shared key and the Date header)';
    expect(map(refusal('signature_mismatch', text, 401, at(NOW + 60_000))).code).toBe('config');
  });

  it('suspects the clock, then the shared key, when the server names the Date but sends none', () => {
    const error = map(refusal('signature_mismatch', 'The Date header is too old', 401));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/named its time stamp.*date, time and time zone.*shared key/);
  });

  it('blames the shared key when the clocks agree and the server does not mention the date', () => {
    const error = map(refusal('signature_mismatch', 'Signature mismatch', 401, at(NOW + 60_000)));
    expect(error.code).toBe('config');
  });
});

describe('licensespring replies without a documented code', () => {
  it.each([
    [500, 'internal_error', 'server_error'],
    [503, undefined, 'server_error'],
    [429, 'too_many_requests', 'rate_limited'],
    [404, 'not_found', 'protocol'],
    [401, undefined, 'unauthorized'],
    [403, undefined, 'unauthorized'],
  ] as const)('maps HTTP %i (%s) by its status', (status, code, expected) => {
    const response: HttpResponse = {
      status,
      headers: { 'retry-after': '7' },
      body: code === undefined ? '<html>proxy</html>' : { status, code, message: 'm' },
      rawBody: '',
    };
    const error = map(response);
    expect(error.code).toBe(expected);
    if (expected === 'rate_limited') expect(error.retryAfterSeconds).toBe(7);
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'does not mistake the code %s for a known one',
    (code) => {
      expect(map(refusal(code)).code).toBe('protocol');
    },
  );

  it.each([
    ['usage_quota_exceeded', 'seat_unavailable'],
    ['subscription_expired', 'license_expired'],
    ['wrong_password', 'invalid_credentials'],
    ['something_new', 'protocol'],
  ] as const)(
    'reads the unknown code %s by its wording, keeping the server text',
    (code, expected) => {
      const error = map(refusal(code, 'Exact words from the server'));
      expect(error.code).toBe(expected);
      expect(error.message).toContain('Exact words from the server');
    },
  );
});
