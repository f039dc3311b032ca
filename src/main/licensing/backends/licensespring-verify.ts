import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { LicensingError } from '../licensing-error';

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

const refused = (why: string): LicensingError =>
  new LicensingError(
    'tampered',
    `The licensing server's answer was refused because it could not be verified as coming from LicenseSpring (${why}). Nothing from it was used. Something on the network may be altering traffic: try again, on another network if it persists, or contact the vendor.`,
    { unverifiedReply: true },
  );

/** Loads the vendor key once; a key that is not an RSA public key is a configuration error. */
export function loadPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new LicensingError(
      'config',
      "The LicenseSpring public key in the configuration cannot be read. It must be the vendor's RSA public key in PEM form (-----BEGIN PUBLIC KEY-----).",
      { cause: error instanceof Error ? new Error(error.message) : undefined },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new LicensingError(
      'config',
      `The LicenseSpring public key in the configuration is a ${key.asymmetricKeyType ?? 'non-RSA'} key; LicenseSpring signs with RSA. Check the vendor configuration.`,
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

  const readSignature = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw refused(`${what} is missing`);
    const signature = value.trim();
    if (!BASE64.test(signature)) throw refused(`${what} is damaged`);
    return signature;
  };

  return {
    checkV2(rawBody, parsedBody, header) {
      const signature = readSignature(header, 'its signature');
      if (rsaVerifies(key, rawBody, signature)) return;
      // The official SDK verifies JSON.stringify of the parsed body; a server whose bytes differ
      // only cosmetically (spacing, escapes) signs that form. Both describe the same parsed value.
      const text = parsedBody === undefined ? undefined : restringified(parsedBody);
      if (text !== undefined && rsaVerifies(key, text, signature)) return;
      throw refused('its signature does not match');
    },

    checkV1(fields, value) {
      const signature = readSignature(value, 'the licence signature');
      let text: string;
      try {
        text = v1SigningString(fields.hardwareId, fields.id, fields.validity);
      } catch {
        throw refused('its licence validity date cannot be read');
      }
      if (!rsaVerifies(key, text, signature)) {
        throw refused('the licence signature does not match this computer and licence');
      }
    },

    checkEmbeddedV2(body) {
      const { license_signature: _v1, license_signature_v2: value, ...signed } = body;
      const signature = readSignature(value, 'its v2 signature');
      // Re-stringified as the SDK does: no bytes of the signed part exist on their own.
      const text = restringified(signed);
      if (text === undefined || !rsaVerifies(key, text, signature)) {
        throw refused('its v2 signature does not match');
      }
    },
  };
}
