import { describe, expect, it } from 'vitest';
import {
  LICENCE_FORMAT,
  signLicence,
  verifyLicenceFile,
} from '../../src/main/offline/licence-file';
import { joinQrContents, qrCodesFor } from '../../src/main/offline/qr-codes';
import { describeAnchor } from '../../src/main/offline/time-anchor';
import { ed25519PublicKey, generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import { inGerman } from '../support/in-german';
import { refusalOf } from '../support/licensing-failure';

/** Refusals of the offline pieces without a service around them, said in German. */

describe('offline refusals in German', () => {
  it('QR codes: parts missing, and too many codes with the count in German digits', async () => {
    const codes = qrCodesFor('x'.repeat(3_000), { maxCharsPerCode: 500 });
    expect(codes.length).toBeGreaterThan(3);
    const [first] = codes;
    const error = await refusalOf(() => joinQrContents([first?.content ?? '']));
    expect(error.message).toBe(
      `Not every code was scanned: ${codes
        .slice(1)
        .map((code) => code.index)
        .join(', ')} of ${codes.length} are missing.`,
    );
    expect(inGerman(error)).toBe(
      `Nicht alle Codes wurden gescannt: Es fehlen ${codes
        .slice(1)
        .map((code) => code.index)
        .join(', ')} von ${codes.length}.`,
    );
    const tooLong = await refusalOf(() =>
      qrCodesFor('x'.repeat(2_500_000), { maxCharsPerCode: 2_000 }),
    );
    expect(inGerman(tooLong)).toBe(
      'Dieser Text bräuchte 1.263 QR-Codes, mehr als die 99, die ein Smartphone sinnvoll aufnehmen kann. Verwenden Sie stattdessen eine Datei.',
    );
  });

  it('vendor keys: a private key in the configuration', async () => {
    const error = await refusalOf(() => ed25519PublicKey(generateVendorKeyPair().privateKeyPem));
    expect(error.code).toBe('config');
    expect(inGerman(error)).toMatch(
      /^Der öffentliche Lizenzschlüssel in der Anbieterkonfiguration ist ein PRIVATER Schlüssel/,
    );
  });

  it('licence files: a file too big to be one, its size in German digits', async () => {
    const { publicKeyPem } = generateVendorKeyPair();
    const error = await refusalOf(() =>
      verifyLicenceFile('x'.repeat(70_000), {
        publicKeyPem,
        productCode: 'acme-studio',
        fingerprint: 'a'.repeat(64),
      }),
    );
    expect(error.code).toBe('invalid_file');
    expect(inGerman(error)).toBe(
      'Diese Datei ist 70.000 Byte groß; eine Lizenzdatei hat höchstens 65.536 Byte (64 KiB), es ist also keine. Wählen Sie die Lizenzdatei, die der Anbieter geschickt hat.',
    );
  });

  it("licence files: a damaged envelope, zod's words and the schema's in German", async () => {
    const { publicKeyPem } = generateVendorKeyPair();
    const envelope = {
      format: LICENCE_FORMAT,
      version: 1,
      keyId: 'XYZ',
      licence: '',
      signature: 5,
    };
    const error = await refusalOf(() =>
      verifyLicenceFile(JSON.stringify(envelope), {
        publicKeyPem,
        productCode: 'acme-studio',
        fingerprint: 'a'.repeat(64),
      }),
    );
    expect(error.message).toBe(
      'The licence file is damaged (keyId: must be 16 hex digits; licence: Too small: expected string to have >=1 characters; signature: Invalid input: expected string, received number). Ask the vendor to send it again.',
    );
    expect(inGerman(error)).toBe(
      'Die Lizenzdatei ist beschädigt (keyId: muss aus 16 Hexadezimalziffern bestehen; licence: mindestens 1 Zeichen; signature: Text erwartet, Zahl angegeben). Bitten Sie den Anbieter, sie erneut zu senden.',
    );
  });

  it("licence terms that cannot be signed: the schema's own words in German too", async () => {
    const { privateKeyPem } = generateVendorKeyPair();
    const now = Date.UTC(2026, 11, 6);
    const error = await refusalOf(async () =>
      signLicence(
        privateKeyPem,
        {
          product: 'acme studio',
          licensee: {},
          features: ['export', 'export'],
          expiresAt: now - 1,
        },
        now,
      ),
    );
    expect(error.message).toBe(
      'These licence terms cannot be signed: product: use letters, digits, . _ - (3 to 100); features: each feature code appears once; expiresAt: must be after issuedAt.',
    );
    expect(inGerman(error)).toBe(
      'Diese Lizenzbedingungen können nicht signiert werden: product: nur Buchstaben, Ziffern und . _ - (3 bis 100 Zeichen); features: jeder Funktionscode darf nur einmal vorkommen; expiresAt: muss nach issuedAt liegen.',
    );
  });

  it('the clock record keeps its English for logs and the CLI', () => {
    const latest = Date.UTC(2026, 2, 12, 10, 0);
    expect(describeAnchor({ state: 'rolled-back', latest, behindMs: 60_000 })).toBe(
      "This computer's clock is 1 minute behind the latest time it has shown (2026-03-12 10:00 UTC). Offline licences are suspended until the clock is set right. If it already is, connect to the licensing server once.",
    );
  });
});
