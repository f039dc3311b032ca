import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { Text } from '../../shared/text';
import { offline } from '../../shared/texts/offline.en';
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

export function generateVendorKeyPair(): VendorKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const PRIVATE_PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

const typeOf = (key: KeyObject) => key.asymmetricKeyType ?? offline.unknownKeyType();

/** The public key the app trusts, from its configuration: a mistake there is a `config` error. */
export function ed25519PublicKey(publicKeyPem: string): KeyObject {
  const fail = (why: Text, cause?: unknown) => new LicensingError('config', why, { cause });
  // createPublicKey would quietly derive the public half: a shipped private key must be refused.
  if (PRIVATE_PEM.test(publicKeyPem)) throw fail(offline.publicKeyIsPrivate());
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (cause) {
    throw fail(offline.publicKeyNotPem(), cause);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw fail(offline.publicKeyNotEd25519({ type: typeOf(key) }));
  }
  return key;
}

/** The vendor's signing key, as given to the CLI: a mistake there is the vendor's input. */
export function ed25519PrivateKey(privateKeyPem: string): KeyObject {
  const fail = (why: Text, cause?: unknown) => new LicensingError('invalid_input', why, { cause });
  if (!PRIVATE_PEM.test(privateKeyPem) && /-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(privateKeyPem)) {
    throw fail(offline.signingKeyIsPublic());
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw fail(offline.signingKeyNotPem(), cause);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw fail(offline.signingKeyNotEd25519({ type: typeOf(key) }));
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
