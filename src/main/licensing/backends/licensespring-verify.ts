import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { LicensingError } from '../licensing-error';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';

/**
 * Checks that an answer really comes from LicenseSpring (contract §5.4), with the vendor's RSA
 * public key (RSA-SHA256, PKCS#1 v1.5):
 * - v2: the `LicenseSignature` header signs the body;
 * - v1: `license_signature` in activate/check bodies signs lowercase(hardware_id#id#validity),
 *   which ties the licence to this computer, so a valid answer for another device cannot be
 *   replayed here.
 * A missing or wrong signature is `tampered`, and the caller uses nothing from that answer.
 */

export interface ResponseVerifier {
  /** Throws `tampered` unless `signature` (the header) signs the body. */
  checkV2(rawBody: string, parsedBody: unknown, signature: string | undefined): void;
  /** Throws `tampered` unless `signature` signs this device, licence id and validity. */
  checkV1(
    fields: { hardwareId: string; id: string; validity: string | null },
    signature: unknown,
  ): void;
  /**
   * activate_offline's licence file carries its v2 signature inside (§5.4): throws `tampered`
   * unless `license_signature_v2` signs JSON.stringify of the body without both signature fields.
   */
  checkEmbeddedV2(body: Readonly<Record<string, unknown>>): void;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const refused = (why: Text): LicensingError =>
  new LicensingError('tampered', ls.unverified({ why }), { unverifiedReply: true });

/** Loads the vendor key once; a key that is not an RSA public key is a configuration error. */
export function loadPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new LicensingError('config', ls.publicKeyUnreadable(), {
      cause: error instanceof Error ? new Error(error.message) : undefined,
    });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new LicensingError(
      'config',
      ls.publicKeyNotRsa({ type: key.asymmetricKeyType ?? 'non-RSA' }),
    );
  }
  return key;
}

/** The v1 signing string; `validity` is read as the official SDK reads it (`new Date(…)`). */
export function v1SigningString(hardwareId: string, id: string, validity: string | null): string {
  const instant = validity === null ? '' : new Date(validity).toISOString();
  return `${hardwareId}#${id}#${instant}`.toLowerCase();
}

function rsaVerifies(key: KeyObject, text: string, signature: string): boolean {
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    // A signature of the wrong length for the key makes OpenSSL throw: it is simply wrong.
    return false;
  }
}

/**
 * JSON.stringify of a parsed body, or undefined when it cannot be written back. JSON.parse reads
 * arrays nested tens of thousands deep, but JSON.stringify throws a RangeError on them: a body
 * (or an offline licence file) with such a field, which no signature covers, must be refused as
 * not matching, not crash the check with an error that is no LicensingError.
 */
function restringified(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

export function createResponseVerifier(publicKeyPem: string): ResponseVerifier {
  const key = loadPublicKey(publicKeyPem);

  const readSignature = (value: unknown, what: Text): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      throw refused(ls.signatureMissing({ what }));
    }
    const signature = value.trim();
    if (!BASE64.test(signature)) throw refused(ls.signatureDamaged({ what }));
    return signature;
  };

  return {
    checkV2(rawBody, parsedBody, header) {
      const signature = readSignature(header, ls.itsSignature());
      if (rsaVerifies(key, rawBody, signature)) return;
      // The official SDK verifies JSON.stringify of the parsed body; a server whose bytes differ
      // only cosmetically (spacing, escapes) signs that form. Both describe the same parsed value.
      const text = parsedBody === undefined ? undefined : restringified(parsedBody);
      if (text !== undefined && rsaVerifies(key, text, signature)) return;
      throw refused(ls.signatureWrong({ what: ls.itsSignature() }));
    },

    checkV1(fields, value) {
      const signature = readSignature(value, ls.licenceSignature());
      let text: string;
      try {
        text = v1SigningString(fields.hardwareId, fields.id, fields.validity);
      } catch {
        throw refused(ls.validityUnreadable());
      }
      if (!rsaVerifies(key, text, signature)) {
        throw refused(ls.licenceSignatureWrong());
      }
    },

    checkEmbeddedV2(body) {
      const { license_signature: _v1, license_signature_v2: value, ...signed } = body;
      const signature = readSignature(value, ls.itsV2Signature());
      // Re-stringified as the SDK does: no bytes of the signed part exist on their own.
      const text = restringified(signed);
      if (text === undefined || !rsaVerifies(key, text, signature)) {
        throw refused(ls.signatureWrong({ what: ls.itsV2Signature() }));
      }
    },
  };
}
