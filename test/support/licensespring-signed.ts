import fc from 'fast-check';
import { LICENSE_TYPES } from '../../src/main/licensing/backends/licensespring-wire';
import { offlineDate } from '../../src/sandbox/licensespring/offline-ops';
import {
  createResponseSigner,
  hmacBase64,
  requestSigningString,
  type ResponseSigner,
} from '../../src/sandbox/licensespring/signatures';

/**
 * LicenseSpring material signed the way the server and the offline portal sign it, for the
 * property tests of the client's parsers. The signing is the sandbox's own (it never imports the
 * client), so a client that misreads the contract fails here instead of agreeing with itself.
 */

export const LS_PRODUCT = 'lmpro';
export const LS_HARDWARE_ID = 'hw-this-computer';
export const LS_API_KEY = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607';
export const LS_SHARED_KEY = 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja';
/** When the portal made the files (the documentation's example instant). */
export const LS_FILE_TIME = Date.UTC(2011, 5, 8, 9, 5, 3);

/** One key pair per test file: 2048-bit RSA takes a moment to make. */
export const createLsSigner = (): ResponseSigner => createResponseSigner();

export type Body = Record<string, unknown>;

const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const feature = fc.record({
  id: fc.nat(),
  code: fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
  name: fc.string({ maxLength: 30 }),
  feature_type: fc.constantFrom('activation', 'consumption'),
  expiry_date: fc.option(instant, { nil: null }),
});

/** An activation object as activate_license and the offline portal answer it, for this computer. */
export const lsLicenceBody: fc.Arbitrary<Body> = fc.record({
  id: fc.oneof(fc.nat(), fc.stringMatching(/^[1-9]\d{0,15}$/)),
  license_key: fc.stringMatching(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/),
  license_type: fc.constantFrom(...LICENSE_TYPES),
  is_trial: fc.boolean(),
  validity_period: fc.option(instant, { nil: null }),
  max_activations: fc.nat(1000),
  times_activated: fc.nat(1000),
  allow_unlimited_activations: fc.boolean(),
  is_floating: fc.boolean(),
  floating_timeout: fc.integer({ min: 1, max: 10_000 }),
  floating_users: fc.nat(100),
  customer: fc.record({ email: fc.string(), company_name: fc.string() }),
  product_details: fc.record({
    product_name: fc.string({ maxLength: 40 }),
    short_code: fc.constant(LS_PRODUCT),
  }),
  product_features: fc.array(feature, { maxLength: 3 }),
  hardware_id: fc.constant(LS_HARDWARE_ID),
  active: fc.boolean(),
  is_expired: fc.boolean(),
});

/** Any field as text, as a signer would write it (String() throws on null-prototype objects). */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** The v1 signature, or a well-formed wrong one when the body gives nothing to sign. */
export function v1Of(signer: ResponseSigner, body: Body): string {
  const id = textOf(body.license_key ?? body.username).split('|')[0] ?? '';
  const validity = typeof body.validity_period === 'string' ? body.validity_period : null;
  try {
    return signer.v1(textOf(body.hardware_id), id, validity);
  } catch {
    return signer.v1('no', 'such', null);
  }
}

/**
 * The licence file text the offline portal gives back for `body` (contract §5.6): the body with
 * its date, offline_signature (the shared key over date, identity, device and API key), the v1
 * signature and the embedded v2 signature over the rest, as base64 JSON.
 */
export function portalFile(signer: ResponseSigner, body: Body): string {
  const date = offlineDate(LS_FILE_TIME);
  const id = textOf(body.license_key ?? body.username);
  const offlineText = [
    requestSigningString([['date', date]]),
    id,
    textOf(body.hardware_id),
    LS_API_KEY,
  ].join('\n');
  const full: Body = {
    ...body,
    date,
    offline_signature: hmacBase64(LS_SHARED_KEY, offlineText),
    license_signature: v1Of(signer, body),
  };
  const { license_signature: _v1, ...v2Part } = full;
  const file = { ...full, license_signature_v2: signer.v2(JSON.stringify(v2Part)) };
  return Buffer.from(JSON.stringify(file), 'utf8').toString('base64');
}

/** What a licence file decodes to. */
export const decodedFile = (text: string): Body =>
  JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as Body;

export const encodedFile = (value: unknown): string =>
  Buffer.from(JSON.stringify(value) ?? '', 'utf8').toString('base64');
