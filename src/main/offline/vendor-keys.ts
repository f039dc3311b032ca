import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { LicensingError } from '../licensing/licensing-error';

/**
 * The vendor's Ed25519 key pair for licence files. The private key signs (vendor side, CLI); the
 * public key ships in the vendor configuration and verifies (app side). Ed25519 because its keys
 * and signatures are short enough to read in a file and it has no parameters to get wrong.
 */

export interface VendorKeyPair {
  /** PKCS#8 PEM: "-----BEGIN PRIVATE KEY-----". */
  readonly privateKeyPem: string;
  /** SPKI PEM: "-----BEGIN PUBLIC KEY-----". */
  readonly publicKeyPem: string;
}

const KEYGEN_HINT = 'Make a key pair with `license-manager vendor keygen`.';

export function generateVendorKeyPair(): VendorKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const PRIVATE_PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** The public key the app trusts, from its configuration: a mistake there is a `config` error. */
export function ed25519PublicKey(publicKeyPem: string): KeyObject {
  const fail = (why: string, cause?: unknown) =>
    new LicensingError('config', `The licence public key in the vendor configuration ${why}`, {
      cause,
    });
  // createPublicKey would quietly derive the public half: a shipped private key must be refused.
  if (PRIVATE_PEM.test(publicKeyPem)) {
    throw fail(
      'is a PRIVATE key: anyone with this configuration can issue licences. Put public.pem there and make a new key pair.',
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (cause) {
    throw fail(
      'is not a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----).',
      cause,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw fail(
      `is an ${key.asymmetricKeyType ?? 'unknown'} key; licence files are verified with an Ed25519 key. ${KEYGEN_HINT}`,
    );
  }
  return key;
}

/** The vendor's signing key, as given to the CLI: a mistake there is the vendor's input. */
export function ed25519PrivateKey(privateKeyPem: string): KeyObject {
  const fail = (why: string, cause?: unknown) =>
    new LicensingError('invalid_input', `The signing key ${why}`, { cause });
  if (!PRIVATE_PEM.test(privateKeyPem) && /-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(privateKeyPem)) {
    throw fail('is a public key; sign with the private key (private.pem).');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw fail(
      `is not an unencrypted PEM private key (-----BEGIN PRIVATE KEY-----). ${KEYGEN_HINT}`,
      cause,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw fail(
      `is an ${key.asymmetricKeyType ?? 'unknown'} key; licence files are signed with an Ed25519 key. ${KEYGEN_HINT}`,
    );
  }
  return key;
}

/**
 * A short, stable name for a public key: the first 16 hex digits of SHA-256 over its SPKI DER.
 * A licence file carries it so a file signed by another key is told apart from an altered one.
 */
export function keyIdOf(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? ed25519PublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}
