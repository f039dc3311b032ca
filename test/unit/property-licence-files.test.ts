import { createHash, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLsOffline } from '../../src/main/licensing/backends/licensespring-offline';
import { decodeLicenceFile } from '../../src/main/licensing/backends/licensespring-offline-wire';
import { createResponseVerifier } from '../../src/main/licensing/backends/licensespring-verify';
import {
  signLicence,
  verifyLicenceFile,
  type LicenceTerms,
  type VerifiedLicence,
} from '../../src/main/offline/licence-file';
import { FEATURE_CODE, FINGERPRINT, PRODUCT_CODE } from '../../src/main/offline/licence-terms';
import { generateVendorKeyPair, keyIdOf } from '../../src/main/offline/vendor-keys';
import type { ErrorCode } from '../../src/shared/errors';
import { hmacBase64 } from '../../src/sandbox/licensespring/signatures';
import {
  createLsSigner,
  decodedFile,
  encodedFile,
  LS_API_KEY,
  LS_HARDWARE_ID,
  LS_PRODUCT,
  LS_SHARED_KEY,
  lsLicenceBody,
  portalFile,
  type Body,
} from '../support/licensespring-signed';
import {
  anyJson,
  anyString,
  deeplyNestedJson,
  expectPrototypeIntact,
  mutationOf,
  outcomeOf,
  type Outcome,
} from '../support/property-inputs';
import { fixedClock, NOW } from './seats-fake-http';

/**
 * Signed licence files, ours (licence-file.ts) and LicenseSpring's offline ones
 * (licensespring-offline*.ts): whatever the text, and whatever a genuine signature covers, the
 * reader answers a licence or a coded refusal; a genuine file reads back to what was signed; and
 * no flipped bit or cut makes a file grant anything other than what was signed.
 */

/** One bit of the text's UTF-8 bytes flipped, read back as text (as a damaged download would be). */
const bitFlipped = (text: string, at: number, bit: number): string => {
  const bytes = Buffer.from(text, 'utf8');
  bytes[at % bytes.length]! ^= 1 << (bit % 8);
  return bytes.toString('utf8');
};

describe('licence files (ours)', () => {
  const vendor = generateVendorKeyPair();
  const PRODUCT = 'acme-cad';
  const HERE = createHash('sha256').update('this computer').digest('hex');
  const EXPECT = { publicKeyPem: vendor.publicKeyPem, productCode: PRODUCT, fingerprint: HERE };
  const CODES: readonly ErrorCode[] = [
    'invalid_file',
    'tampered',
    'wrong_product',
    'wrong_machine',
  ];
  const DAY = 86_400_000;

  const terms: fc.Arbitrary<LicenceTerms> = fc.record({
    product: fc.constant(PRODUCT),
    licensee: fc.record(
      { name: fc.constantFrom('Jane Doe', 'Bureau Été'), email: fc.constant('jane@example.com') },
      { requiredKeys: [] },
    ),
    features: fc.uniqueArray(fc.stringMatching(FEATURE_CODE), { maxLength: 5 }),
    expiresAt: fc.option(fc.integer({ min: NOW + DAY, max: NOW + 3650 * DAY }), { nil: null }),
    fingerprint: fc.constant(HERE),
  });

  /** A file whose payload the vendor key really signed, whatever the payload says. */
  const signedPayload = (licence: string): string =>
    JSON.stringify({
      format: 'license-manager-licence',
      version: 1,
      keyId: keyIdOf(vendor.publicKeyPem),
      licence,
      signature: sign(null, Buffer.from(licence, 'utf8'), vendor.privateKeyPem).toString('base64'),
    });

  const verified = (text: string): Outcome<VerifiedLicence> =>
    outcomeOf(() => verifyLicenceFile(text, EXPECT), CODES);

  it('reads any payload the vendor key signed as a well-formed licence or a coded refusal', () => {
    const payload = terms.map(
      (t) => JSON.parse(JSON.parse(signLicence(vendor.privateKeyPem, t, NOW)).licence) as unknown,
    );
    const licence = fc.oneof(
      mutationOf(payload).map((value) => JSON.stringify(value) ?? 'null'),
      mutationOf(payload, fc.string()).map((value) => JSON.stringify(value) ?? 'null'),
      fc.json(),
      anyString,
    );
    fc.assert(
      fc.property(licence, (text) => {
        const outcome = verified(signedPayload(text));
        expectPrototypeIntact();
        if (!outcome.ok) return;
        const granted = outcome.value;
        expect(granted.product).toBe(PRODUCT);
        expect(Number.isSafeInteger(granted.issuedAt)).toBe(true);
        if (granted.expiresAt !== null) expect(granted.expiresAt).toBeGreaterThan(granted.issuedAt);
        expect(granted.features.every((code) => FEATURE_CODE.test(code))).toBe(true);
        expect(Object.getPrototypeOf(granted.licensee)).toBe(Object.prototype);
      }),
      { numRuns: 200 },
    );
  });

  /** A few genuine files and what they grant: signing each run would only repeat the same work. */
  const signedFiles = fc.constantFrom(
    ...fc.sample(terms, 10).map((t) => {
      const file = signLicence(vendor.privateKeyPem, t, NOW);
      return { file, genuine: verifyLicenceFile(file, EXPECT) };
    }),
  );

  it('never grants anything else after one flipped bit anywhere in the file', () => {
    fc.assert(
      fc.property(signedFiles, fc.nat(), fc.nat(7), ({ file, genuine }, at, bit) => {
        const outcome = verified(bitFlipped(file, at, bit));
        // Only a harmless flip (white space between fields, say) may still verify.
        if (outcome.ok) expect(outcome.value).toStrictEqual(genuine);
      }),
      { numRuns: 300 },
    );
  });

  it('signs any terms it is given into a file that reads back to them, or refuses them', () => {
    const instant = fc.oneof(fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, 8.64e15 + 1));
    const anyTerms = fc.record(
      {
        product: fc.oneof(fc.stringMatching(PRODUCT_CODE), anyString),
        licensee: fc.record(
          { name: anyString, email: fc.oneof(fc.emailAddress(), anyString) },
          { requiredKeys: [] },
        ),
        features: fc.array(fc.oneof(fc.stringMatching(FEATURE_CODE), anyString), { maxLength: 4 }),
        expiresAt: fc.option(instant, { nil: null }),
        graceDays: fc.oneof(fc.integer({ min: 1, max: 365 }), fc.double()),
        fingerprint: fc.oneof(fc.stringMatching(FINGERPRINT), anyString),
      },
      { requiredKeys: ['product', 'licensee', 'features', 'expiresAt'] },
    );
    fc.assert(
      fc.property(anyTerms, instant, (t, now) => {
        const file = outcomeOf(() => signLicence(vendor.privateKeyPem, t, now), ['invalid_input']);
        if (!file.ok) return;
        const granted = verifyLicenceFile(file.value, {
          ...EXPECT,
          productCode: t.product,
          fingerprint: t.fingerprint ?? HERE,
        });
        expect(granted).toMatchObject({ ...t, issuedAt: now });
      }),
      { numRuns: 300 },
    );
  });
});

describe('LicenseSpring offline licence files', () => {
  const signer = createLsSigner();
  const reader = createLsOffline({
    productCode: LS_PRODUCT,
    hardwareId: LS_HARDWARE_ID,
    userProduct: false,
    auth: { kind: 'hmac', apiKey: LS_API_KEY, sharedKey: LS_SHARED_KEY },
    appName: 'license-manager',
    appVersion: '0.0.0',
    clock: fixedClock,
    verifier: createResponseVerifier(signer.publicKeyPem),
  });
  const CODES: readonly ErrorCode[] = [
    'invalid_file',
    'tampered',
    'wrong_machine',
    'wrong_product',
    'invalid_key',
  ];
  const read = (text: string, expectedKey?: string) =>
    outcomeOf(() => reader.read(text, expectedKey), CODES);
  const genuine = lsLicenceBody.map((body) => ({ body, file: portalFile(signer, body) }));
  /** Signing takes milliseconds: the properties that only damage files share a few. */
  const pool = fc.constantFrom(...fc.sample(genuine, 12));

  it('decodes any text into a licence object or refuses it as invalid_file', () => {
    const text = fc.oneof(
      anyString,
      fc.base64String(),
      anyJson.map(encodedFile),
      deeplyNestedJson.map((json) => Buffer.from(json).toString('base64')),
      pool.map(({ file }) => file.slice(0, -5)),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const outcome = outcomeOf(() => decodeLicenceFile(raw), ['invalid_file']);
        if (outcome.ok) {
          expect(typeof outcome.value).toBe('object');
          expect(Array.isArray(outcome.value)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a genuine file back to the licence the portal signed, for its key', () => {
    fc.assert(
      fc.property(genuine, ({ body, file }) => {
        const { licence, key } = reader.read(file, String(body.license_key));
        expect(key).toBe(body.license_key);
        expect(licence.id).toBe(String(body.id));
        expect(licence.licenseType).toBe(body.license_type);
        expect(licence.maxActivations).toBe(body.max_activations);
        expect(licence.validUntil).toBe(
          body.validity_period === null ? undefined : Date.parse(String(body.validity_period)),
        );
        expect(licence.features.map((f) => f.code)).toEqual(
          (body.product_features as Body[]).map((f) => f.code),
        );
        const other = read(file, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
        expect(other.ok ? 'read' : other.error.code).toBe('invalid_key');
      }),
      { numRuns: 100 },
    );
  });

  it('reads anything signed with the right keys as a licence or a coded refusal', () => {
    const signedGarbage = fc.oneof(
      mutationOf(lsLicenceBody),
      mutationOf(lsLicenceBody, fc.string()),
      anyJson,
    );
    fc.assert(
      fc.property(signedGarbage, (body) => {
        const text =
          typeof body === 'object' && body !== null && !Array.isArray(body)
            ? portalFile(signer, body as Body)
            : encodedFile(body);
        read(text);
        expectPrototypeIntact();
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a genuine file with a field added (even one nested too deep to re-serialise) as tampered', () => {
    const extra = fc.oneof(
      anyJson.map((value) => JSON.stringify(value) ?? 'null'),
      deeplyNestedJson,
    );
    fc.assert(
      fc.property(pool, extra, ({ file }, json) => {
        const text = Buffer.from(file, 'base64').toString('utf8');
        const added = `${text.slice(0, -1)},"extra":${json}}`;
        const outcome = read(Buffer.from(added, 'utf8').toString('base64'));
        expect(outcome.ok ? 'read' : outcome.error.code).toBe('tampered');
      }),
      { numRuns: 40 },
    );
  });

  it('never reads anything else from a genuine file with one flipped bit, in its text or its JSON', () => {
    const flipped = fc
      .tuple(pool, fc.nat(), fc.nat(7), fc.boolean())
      .map(([{ file }, at, bit, inJson]) => {
        const text = inJson
          ? Buffer.from(
              bitFlipped(Buffer.from(file, 'base64').toString('utf8'), at, bit),
              'utf8',
            ).toString('base64')
          : bitFlipped(file, at, bit);
        return { file, text };
      });
    fc.assert(
      fc.property(flipped, ({ file, text }) => {
        const outcome = read(text);
        // A flip in the unused bits of the last base64 character decodes to the same bytes.
        if (outcome.ok) expect(outcome.value).toEqual(reader.read(file));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads anything else from a genuine file cut short anywhere', () => {
    fc.assert(
      fc.property(pool, fc.nat(), ({ file }, at) => {
        const outcome = read(file.slice(0, at % file.length));
        // Only the "=" padding may go missing without loss.
        if (outcome.ok) expect(outcome.value).toEqual(reader.read(file));
        else expect(outcome.error.code).toBe('invalid_file');
      }),
      { numRuns: 300 },
    );
  });

  it('writes request files signed over their content, which are never taken for a licence file', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom('activation', 'deactivation'), (key, kind) => {
        const text = reader.request(key, kind as 'activation' | 'deactivation');
        const { request, signature } = decodedFile(text) as { request: Body; signature: string };
        expect(request).toMatchObject({
          license_key: key,
          request: kind,
          hardware_id: LS_HARDWARE_ID,
        });
        expect(signature).toBe(hmacBase64(LS_SHARED_KEY, JSON.stringify(request)));
        const outcome = read(text);
        expect(outcome.ok ? 'read' : outcome.error.message).toMatch(/This is the request file/);
      }),
      { numRuns: 150 },
    );
  });
});
