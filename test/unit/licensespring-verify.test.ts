import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createResponseVerifier,
  v1SigningString,
} from '../../src/main/licensing/backends/licensespring-verify';
import { licensingFailure } from '../support/licensing-failure';

/** Response signatures of contract §5.4: v2 over the body, v1 over device#licence#validity. */

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const rsa = (text: string): string =>
  sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('base64');

const verifier = createResponseVerifier(publicKeyPem);
const attempt = (check: () => void) => licensingFailure(Promise.resolve().then(check));

const body = { id: 17, license_key: 'ABCD-EFGH', validity_period: '2027-01-01T00:00:00.000Z' };
const raw = JSON.stringify(body);

describe('licensespring v2 response signature', () => {
  it('accepts the exact bytes the server signed', () => {
    expect(() => verifier.checkV2(raw, body, rsa(raw))).not.toThrow();
  });

  it('accepts a cosmetically different body whose parsed value was signed, as the SDK does', () => {
    const spaced = JSON.stringify(body, null, 2);
    expect(() => verifier.checkV2(spaced, body, rsa(raw))).not.toThrow();
  });

  it.each([
    ['missing', undefined, /signature is missing/],
    ['empty', '  ', /signature is missing/],
    ['not base64', 'not*base64!', /signature is damaged/],
    ['over other bytes', rsa('{"id":18}'), /signature does not match/],
    ['truncated', rsa(raw).slice(0, 40), /signature does not match/],
  ])('refuses a signature that is %s as tampered, saying nothing was used', async (_, sig, why) => {
    const error = await attempt(() => verifier.checkV2(raw, body, sig));
    expect(error.code).toBe('tampered');
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/could not be verified .* Nothing from it was used/);
  });

  it('refuses an edited body under the original signature', async () => {
    const edited = { ...body, validity_period: '2099-12-31T00:00:00.000Z' };
    const error = await attempt(() => verifier.checkV2(JSON.stringify(edited), edited, rsa(raw)));
    expect(error.code).toBe('tampered');
  });

  it('refuses a body signed by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = sign('sha256', Buffer.from(raw), other).toString('base64');
    expect((await attempt(() => verifier.checkV2(raw, body, forged))).code).toBe('tampered');
  });
});

describe('licensespring v1 licence signature', () => {
  const fields = { hardwareId: 'HW-1', id: 'ABCD-EFGH', validity: '2027-01-01T00:00:00Z' };

  it('signs the lower-cased device#licence#ISO validity, or an empty validity', () => {
    expect(v1SigningString('HW-1', 'ABCD-EFGH', '2027-01-01T00:00:00Z')).toBe(
      'hw-1#abcd-efgh#2027-01-01t00:00:00.000z',
    );
    expect(v1SigningString('HW-1', 'user@x.example', null)).toBe('hw-1#user@x.example#');
  });

  it('accepts the signature of this device, licence and validity', () => {
    const signature = rsa(v1SigningString(fields.hardwareId, fields.id, fields.validity));
    expect(() => verifier.checkV1(fields, signature)).not.toThrow();
  });

  it('refuses another device’s answer replayed here, or a moved validity', async () => {
    const signature = rsa(v1SigningString('HW-OTHER', fields.id, fields.validity));
    expect((await attempt(() => verifier.checkV1(fields, signature))).code).toBe('tampered');
    const mine = rsa(v1SigningString(fields.hardwareId, fields.id, fields.validity));
    const later = { ...fields, validity: '2099-01-01T00:00:00Z' };
    const error = await attempt(() => verifier.checkV1(later, mine));
    expect(error.message).toMatch(/licence signature does not match this computer and licence/);
  });

  it('refuses a missing licence signature or an unreadable validity', async () => {
    expect((await attempt(() => verifier.checkV1(fields, undefined))).message).toMatch(
      /licence signature is missing/,
    );
    const bad = { ...fields, validity: 'not a date' };
    expect((await attempt(() => verifier.checkV1(bad, rsa('x')))).code).toBe('tampered');
  });
});

describe('licensespring public key configuration', () => {
  it.each([
    ['garbage', 'not a key'],
    ['a truncated PEM', publicKeyPem.slice(0, 100)],
  ])('refuses %s as configuration', async (_, pem) => {
    const error = await attempt(() => createResponseVerifier(pem));
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/public key .* cannot be read/);
  });

  it('refuses a key that is not RSA', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const pem = ec.export({ type: 'spki', format: 'pem' }).toString();
    const error = await attempt(() => createResponseVerifier(pem));
    expect(error).toMatchObject({ code: 'config' });
    expect(error.message).toMatch(/ec key; LicenseSpring signs with RSA/);
  });
});
