import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import {
  MAX_LICENCE_FILE_BYTES,
  signLicence,
  verifyLicenceFile,
  type LicenceTerms,
} from '../../src/main/offline/licence-file';
import { FEATURE_CODE, FINGERPRINT, PRODUCT_CODE } from '../../src/main/offline/licence-terms';
import { generateVendorKeyPair, keyIdOf } from '../../src/main/offline/vendor-keys';
import type { ErrorCode } from '../../src/shared/errors';

/** Licence files (ours): every refusal is made from a genuinely signed file, then altered. */

const vendor = generateVendorKeyPair();
const otherVendor = generateVendorKeyPair();
const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const PRODUCT = 'acme-cad';
const HERE = createHash('sha256').update('this computer').digest('hex');
const THERE = createHash('sha256').update('another computer').digest('hex');
const NOW = Date.UTC(2026, 0, 15, 9, 30);
const DAY = 86_400_000;
const EXPECT = { publicKeyPem: vendor.publicKeyPem, productCode: PRODUCT, fingerprint: HERE };

const TERMS: LicenceTerms = {
  product: PRODUCT,
  licensee: { name: 'Jane Doe — Bureau Été', email: 'jane@example.com' },
  features: ['export-pdf', 'render.3d'],
  expiresAt: NOW + 365 * DAY,
  graceDays: 14,
  fingerprint: HERE,
};

const signed = (terms: Partial<LicenceTerms> = {}, key = vendor.privateKeyPem, now = NOW) =>
  signLicence(key, { ...TERMS, ...terms }, now);

/** The LicensingError a call throws (it must throw one). */
function refusal(run: () => unknown): LicensingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    return error as LicensingError;
  }
  throw new Error('expected a refusal, but it was accepted');
}

const refused = (text: string, expect_ = EXPECT) => refusal(() => verifyLicenceFile(text, expect_));

function expectRefusal(text: string, code: ErrorCode, message: RegExp, expect_ = EXPECT) {
  const error = refused(text, expect_);
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
}

type Envelope = Record<string, unknown> & { licence: string; signature: string; keyId: string };
const envelopeOf = (file: string) => JSON.parse(file) as Envelope;
const rewrap = (file: string, change: (envelope: Envelope) => void): string => {
  const envelope = envelopeOf(file);
  change(envelope);
  return `${JSON.stringify(envelope, null, 2)}\n`;
};
/** A payload the vendor key really signed, whatever it says. */
const signedByVendor = (licence: string) =>
  rewrap(signed(), (envelope) => {
    envelope.licence = licence;
    envelope.signature = sign(null, Buffer.from(licence), vendor.privateKeyPem).toString('base64');
  });

describe('licence file: sign and verify', () => {
  it('round-trips every term, with the id, the issue time and the key id', () => {
    const licence = verifyLicenceFile(signed(), EXPECT);
    expect(licence).toStrictEqual({
      ...TERMS,
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      issuedAt: NOW,
      keyId: keyIdOf(vendor.publicKeyPem),
    });
  });

  it('writes pretty-printed JSON in the documented shape, the payload as signed text', () => {
    const file = signed();
    expect(file).toMatch(/^\{\n {2}"format": "license-manager-licence",\n {2}"version": 1,\n/);
    expect(file.endsWith('}\n')).toBe(true);
    const envelope = envelopeOf(file);
    expect(Object.keys(envelope)).toEqual(['format', 'version', 'keyId', 'licence', 'signature']);
    expect(envelope.keyId).toBe(
      createHash('sha256')
        .update(Buffer.from(vendor.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
        .digest('hex')
        .slice(0, 16),
    );
    expect(JSON.parse(envelope.licence)).toEqual({
      id: expect.any(String),
      product: PRODUCT,
      licensee: TERMS.licensee,
      features: TERMS.features,
      issuedAt: '2026-01-15T09:30:00.000Z',
      expiresAt: '2027-01-15T09:30:00.000Z',
      graceDays: 14,
      fingerprint: HERE,
    });
  });

  it('leaves out what was not granted: a perpetual licence for any computer, nobody named', () => {
    const file = signLicence(
      vendor.privateKeyPem,
      { product: PRODUCT, licensee: {}, features: [], expiresAt: null },
      NOW,
    );
    expect(JSON.parse(envelopeOf(file).licence)).not.toHaveProperty('fingerprint');
    expect(verifyLicenceFile(file, EXPECT)).toStrictEqual({
      id: expect.any(String),
      product: PRODUCT,
      licensee: {},
      features: [],
      issuedAt: NOW,
      expiresAt: null,
      keyId: keyIdOf(vendor.publicKeyPem),
    });
  });

  it('does not judge expiry: an expired licence verifies and says when it expired', () => {
    const old = Date.UTC(2001, 0, 1);
    const licence = verifyLicenceFile(signed({ expiresAt: old + DAY }, undefined, old), EXPECT);
    expect(licence).toMatchObject({ issuedAt: old, expiresAt: old + DAY });
  });

  it("accepts this computer's fingerprint in capitals, and a file saved with a byte order mark", () => {
    expect(
      verifyLicenceFile(signed(), { ...EXPECT, fingerprint: HERE.toUpperCase() }).fingerprint,
    ).toBe(HERE);
    expect(verifyLicenceFile(`\uFEFF${signed()}`, EXPECT).product).toBe(PRODUCT);
  });

  it('gives every licence its own id', () => {
    const ids = new Set(Array.from({ length: 5 }, () => verifyLicenceFile(signed(), EXPECT).id));
    expect(ids.size).toBe(5);
  });
});

describe('licence file: refusals, each with its own code and message', () => {
  it('refuses a file over 64 KiB before parsing it, saying its size and the limit', () => {
    const big = signed().replace(/\}\n$/, `${' '.repeat(MAX_LICENCE_FILE_BYTES)}}\n`);
    expectRefusal(
      big,
      'invalid_file',
      /has 6\d{4} bytes; a licence file has at most 65536 \(64 KiB\)/,
    );
    expectRefusal('x'.repeat(MAX_LICENCE_FILE_BYTES + 1), 'invalid_file', /has 65537 bytes/);
    // UTF-8 bytes count, not characters.
    expectRefusal('é'.repeat(40_000), 'invalid_file', /has 80000 bytes/);
  });

  it('refuses an empty file', () => {
    expectRefusal('', 'invalid_file', /is empty/);
    expectRefusal(' \n\t', 'invalid_file', /is empty/);
  });

  it('refuses a file cut short at any point as incomplete', () => {
    const file = signed();
    // The last two characters are "}\n": cut before them, the object is unfinished.
    for (let end = 1; end <= file.length - 2; end += 1) {
      const error = refused(file.slice(0, end));
      expect({ end, code: error.code, message: error.message }).toEqual({
        end,
        code: 'invalid_file',
        message: expect.stringMatching(/^The licence file is incomplete \(cut short\)/),
      });
    }
  });

  it.each([
    ['plain text', 'Dear customer, here is your licence.', /not a licence file: it is not JSON/],
    ['a JSON object', '{"name": "licence", "valid": true}', /not a licence file: it is JSON, but/],
    ['a JSON array', '[1, 2, 3]', /not a licence file: it is JSON, but/],
    ['JSON null', 'null', /not a licence file: it is JSON, but/],
    ['a wrong format marker', '{"format": "licensespring", "version": 1}', /it is JSON, but/],
    ['broken JSON that is not cut short', '{"format": }', /not a licence file: it is not JSON/],
  ])('refuses %s as not a licence file', (_, text, message) => {
    expectRefusal(text, 'invalid_file', message);
  });

  it('says a base64 blob may be a LicenseSpring licence to import on that profile', () => {
    const licenseSpring = Buffer.from(
      JSON.stringify({
        license_key: 'AAAA-BBBB-CCCC-DDDD',
        hardware_id: HERE,
        product_details: { short_code: 'acme' },
        license_signature: 'c2lnbmF0dXJl',
      }),
    )
      .toString('base64')
      .replace(/.{76}/g, '$&\n');
    expectRefusal(
      licenseSpring,
      'invalid_file',
      /not a licence file: it looks like a LicenseSpring licence \(base64 text\)\. Import it on the LicenseSpring profile/,
    );
  });

  it('refuses an image read as text as a binary file', () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    expectRefusal(png.toString('utf8'), 'invalid_file', /not a licence file: it is a binary file/);
  });

  it('refuses a newer format version, asking for an app update', () => {
    const file = rewrap(signed(), (envelope) => {
      envelope.version = 2;
    });
    expectRefusal(
      file,
      'invalid_file',
      /format version 2; this app reads version 1 only\. Update the app/,
    );
  });

  it('refuses a damaged envelope (a version that is not a number, a missing signature)', () => {
    expectRefusal(
      rewrap(signed(), (envelope) => {
        envelope.version = '1';
      }),
      'invalid_file',
      /damaged: its "version" is missing/,
    );
    expectRefusal(
      rewrap(signed(), (envelope) => {
        delete (envelope as Partial<Envelope>).signature;
      }),
      'invalid_file',
      /damaged \(signature: /,
    );
  });

  it('refuses a file signed by another vendor key as tampered, naming both key ids', () => {
    const file = signed({}, otherVendor.privateKeyPem);
    const error = refused(file);
    expect(error.code).toBe('tampered');
    expect(error.message).toMatch(
      /signed by a different vendor key \([0-9a-f]{16}\) than this app trusts/,
    );
    expect(error.message).toContain(keyIdOf(otherVendor.publicKeyPem));
    expect(error.message).toContain(keyIdOf(vendor.publicKeyPem));
  });

  it('refuses another key hiding behind our key id as altered', () => {
    const file = rewrap(signed({}, otherVendor.privateKeyPem), (envelope) => {
      envelope.keyId = keyIdOf(vendor.publicKeyPem);
    });
    expectRefusal(file, 'tampered', /altered after it was signed/);
  });

  it('refuses one byte changed in the payload as altered', () => {
    const file = signed();
    // Edited in the file's text as a person would: a later expiry.
    const later = file.replace('2027-01-15', '2029-01-15');
    expect(later).not.toBe(file);
    expectRefusal(later, 'tampered', /altered after it was signed: its signature does not match/);
    // One character of the fingerprint: the licence moved to another computer.
    const moved = file.replace(HERE, `${HERE.slice(0, -1)}${HERE.endsWith('0') ? '1' : '0'}`);
    expectRefusal(moved, 'tampered', /altered after it was signed/);
  });

  it('refuses a signature swapped from another genuine licence as altered', () => {
    const donor = envelopeOf(signed({ features: ['export-pdf'] }));
    const file = rewrap(signed(), (envelope) => {
      envelope.signature = donor.signature;
    });
    expectRefusal(file, 'tampered', /altered after it was signed/);
  });

  it('refuses a signature that only decodes to the same bytes (non-canonical base64)', () => {
    const file = signed();
    const { signature } = envelopeOf(file);
    // 64 bytes leave 4 unused bits in the last base64 digit: flip one of them.
    const last = signature.at(-3) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const twin = alphabet[alphabet.indexOf(last) ^ 1] as string;
    const altered = rewrap(file, (envelope) => {
      envelope.signature = `${signature.slice(0, -3)}${twin}==`;
    });
    expect(Buffer.from(envelopeOf(altered).signature, 'base64')).toEqual(
      Buffer.from(signature, 'base64'),
    );
    expectRefusal(altered, 'tampered', /altered/);
  });

  it('refuses a lone surrogate put in place of U+FFFD, though both encode to the same bytes', () => {
    const file = signed({ licensee: { name: 'Ren\uFFFDe' } });
    const altered = rewrap(file, (envelope) => {
      envelope.licence = envelope.licence.replace('\uFFFD', '\uD800');
    });
    expect(Buffer.from(envelopeOf(altered).licence)).toEqual(Buffer.from(envelopeOf(file).licence));
    expectRefusal(altered, 'tampered', /altered/);
  });

  it('refuses a genuinely signed payload whose fields are not valid as invalid_file', () => {
    const payload = JSON.parse(envelopeOf(signed()).licence) as Record<string, unknown>;
    expectRefusal(
      signedByVendor(JSON.stringify({ ...payload, features: ['a', 'a'] })),
      'invalid_file',
      /signed, but its contents are not valid \(features: each feature code appears once\)/,
    );
    expectRefusal(
      signedByVendor(JSON.stringify({ ...payload, seats: 5 })),
      'invalid_file',
      /signed, but its contents are not valid/,
    );
    expectRefusal(
      signedByVendor(JSON.stringify({ ...payload, expiresAt: '31/12/2027' })),
      'invalid_file',
      /expiresAt: must be a UTC instant/,
    );
    expectRefusal(
      signedByVendor('not json'),
      'invalid_file',
      /signed, but its contents are not JSON/,
    );
  });

  it('refuses a licence for another product, naming both', () => {
    expectRefusal(
      signed({ product: 'acme-viewer' }),
      'wrong_product',
      /for the product "acme-viewer", not "acme-cad" \(this app\)\. Ask the vendor for a licence for acme-cad/,
    );
  });

  it("refuses a licence for another computer, giving this computer's fingerprint to send", () => {
    expectRefusal(
      signed({ fingerprint: THERE }),
      'wrong_machine',
      new RegExp(
        `issued for another computer\\. Send the vendor this computer's fingerprint ${HERE} `,
      ),
    );
  });

  it.each([
    [
      'an RSA public key',
      rsa.publicKey,
      /is an rsa key; licence files are verified with an Ed25519 key/,
    ],
    ['not a key at all', 'ed25519 please', /is not a PEM public key/],
    ['the private key', vendor.privateKeyPem, /is a PRIVATE key: anyone with this configuration/],
  ])('refuses a configured key that is %s as a config error', (_, publicKeyPem, message) => {
    expectRefusal(signed(), 'config', message, { ...EXPECT, publicKeyPem });
  });

  it('reports the most precise problem first', () => {
    // Another product and another computer: the product is named.
    expect(refused(signed({ product: 'acme-viewer', fingerprint: THERE })).code).toBe(
      'wrong_product',
    );
    // An edit that moves the licence to this product: the edit is what matters.
    const moved = signed({ product: 'acme-viewer' }).replace('acme-viewer', 'acme-cad');
    expect(refused(moved).code).toBe('tampered');
    // Signed by another key and edited: the key is named, not the edit.
    const foreign = signed({}, otherVendor.privateKeyPem).replace('2027-01-15', '2029-01-15');
    expect(refused(foreign).message).toMatch(/different vendor key/);
    // A newer version cut short would not parse: cut short wins over the version.
    expect(refused(rewrap(signed(), (e) => void (e.version = 2)).slice(0, 100)).message).toMatch(
      /cut short/,
    );
  });
});

describe('licence file: signing refuses what it cannot sign', () => {
  it.each([
    ['an RSA key', rsa.privateKey, /is an rsa key; licence files are signed with an Ed25519 key/],
    ['the public key', vendor.publicKeyPem, /is a public key; sign with the private key/],
    ['not a key', 'hello', /is not an unencrypted PEM private key/],
  ])('refuses %s as the signing key', (_, key, message) => {
    const error = refusal(() => signed({}, key));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/`license-manager vendor keygen`|private\.pem/);
  });

  it.each<[string, Partial<LicenceTerms>, RegExp]>([
    ['a feature code with a space', { features: ['export pdf'] }, /features\.0: use letters/],
    ['a feature twice', { features: ['a', 'a'] }, /features: each feature code appears once/],
    ['an expiry before the issue', { expiresAt: NOW - 1 }, /expiresAt: must be after issuedAt/],
    ['an invalid expiry', { expiresAt: Number.NaN }, /expiresAt: must be a UTC instant/],
    ['grace days on a perpetual licence', { expiresAt: null }, /graceDays: only a licence that/],
    ['a fractional grace', { graceDays: 1.5 }, /graceDays: /],
    ['a bad fingerprint', { fingerprint: 'ABC' }, /fingerprint: must be 64 lower-case hex/],
    ['a product code with a slash', { product: 'acme/cad' }, /product: use letters/],
    ['a name with spaces around', { licensee: { name: ' Jane ' } }, /licensee\.name: must be/],
    ['an address that is not one', { licensee: { email: 'jane' } }, /licensee\.email: must be/],
  ])('refuses terms with %s, naming the field', (_, terms, message) => {
    const error = refusal(() => signed(terms));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^These licence terms cannot be signed: /);
    expect(error.message).toMatch(message);
  });
});

describe('licence file: properties', () => {
  // C0, DEL and C1 controls are refused in names; everything else printable may appear.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/;
  const name = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .map((text) => text.trim())
    .filter((text) => text.length > 0 && !control.test(text));
  const email = fc
    .tuple(fc.stringMatching(/^[a-z0-9_+-]{1,20}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/))
    .map(([local, domain]) => `${local}@${domain}.example`);
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

  const termsAndNow = fc
    .record({
      now: instant,
      product: fc.stringMatching(PRODUCT_CODE),
      name: fc.option(name, { nil: undefined }),
      email: fc.option(email, { nil: undefined }),
      features: fc.uniqueArray(fc.stringMatching(FEATURE_CODE), { maxLength: 12 }),
      lifetime: fc.option(fc.integer({ min: 1, max: 50 * 365 * DAY }), { nil: null }),
      graceDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
      fingerprint: fc.option(fc.stringMatching(FINGERPRINT), { nil: undefined }),
    })
    .map(({ now, lifetime, name, email, graceDays, fingerprint, ...rest }) => {
      const terms: LicenceTerms = {
        ...rest,
        licensee: { ...(name !== undefined && { name }), ...(email !== undefined && { email }) },
        expiresAt: lifetime === null ? null : now + lifetime,
        ...(lifetime !== null && graceDays !== undefined && { graceDays }),
        ...(fingerprint !== undefined && { fingerprint }),
      };
      return { terms, now };
    });

  it('(a) any valid terms round-trip exactly', () => {
    fc.assert(
      fc.property(termsAndNow, ({ terms, now }) => {
        const file = signLicence(vendor.privateKeyPem, terms, now);
        const licence = verifyLicenceFile(file, {
          publicKeyPem: vendor.publicKeyPem,
          productCode: terms.product,
          fingerprint: terms.fingerprint ?? HERE,
        });
        expect(licence).toStrictEqual({
          ...terms,
          id: licence.id,
          issuedAt: now,
          keyId: keyIdOf(vendor.publicKeyPem),
        });
      }),
      { numRuns: 300 },
    );
  });

  // U+FFFD in the name: a lone surrogate put in its place encodes to the very same bytes.
  const original = signed({ licensee: { name: 'Ren\uFFFDe \u{1F600}' } });
  const mutation = (field: 'licence' | 'signature') =>
    fc
      .record({
        at: fc.nat(),
        by: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      })
      .map(({ at, by }) => {
        const text = envelopeOf(original)[field];
        const index = at % text.length;
        return { field, mutated: `${text.slice(0, index)}${by}${text.slice(index + 1)}` };
      })
      .filter(({ mutated }) => mutated !== envelopeOf(original)[field]);

  it('(b) any one-character change of the licence string or the signature is refused', () => {
    fc.assert(
      fc.property(fc.oneof(mutation('licence'), mutation('signature')), ({ field, mutated }) => {
        const file = rewrap(original, (envelope) => {
          envelope[field] = mutated;
        });
        expect(refused(file).code).toBe('tampered');
      }),
      { numRuns: 1_000 },
    );
  });

  it('(b) no one-character edit of the file text changes what it grants', () => {
    const granted = verifyLicenceFile(original, EXPECT);
    fc.assert(
      fc.property(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (at, by) => {
        const index = at % original.length;
        const edited = `${original.slice(0, index)}${by}${original.slice(index + 1)}`;
        try {
          // Only a harmless edit (white space between fields) may still verify.
          expect(verifyLicenceFile(edited, EXPECT)).toStrictEqual(granted);
        } catch (error) {
          expect(error).toBeInstanceOf(LicensingError);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('(c) any text is refused with a LicensingError, never anything else', () => {
    const trustedId = keyIdOf(vendor.publicKeyPem);
    const envelopeLike = fc
      .record(
        {
          format: fc.oneof(fc.constant('license-manager-licence'), fc.jsonValue()),
          version: fc.oneof(fc.constant(1), fc.jsonValue()),
          keyId: fc.oneof(fc.constant(trustedId), fc.jsonValue()),
          licence: fc.oneof(fc.json(), fc.string(), fc.jsonValue()),
          signature: fc.oneof(fc.base64String(), fc.string(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      )
      .map((envelope) => JSON.stringify(envelope, null, 2));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.base64String(),
      envelopeLike,
      fc.nat().map((cut) => original.slice(0, cut % original.length)),
    );
    fc.assert(
      fc.property(text, fc.oneof(fc.constant(vendor.publicKeyPem), fc.string()), (input, key) => {
        try {
          verifyLicenceFile(input, { ...EXPECT, publicKeyPem: key });
        } catch (error) {
          expect(error).toBeInstanceOf(LicensingError);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
