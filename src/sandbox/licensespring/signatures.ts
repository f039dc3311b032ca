import {
  createHmac,
  generateKeyPairSync,
  sign,
  timingSafeEqual,
  type KeyObject,
  createPrivateKey,
  createPublicKey,
} from 'node:crypto';

/**
 * The cryptography of License API v4, both directions (contract 5.2 and 5.4):
 * - requests carry base64(HMAC-SHA256(sharedKey, "licenseSpring\ndate: <Date>")), which the
 *   sandbox recomputes and compares in constant time;
 * - responses carry RSA-SHA256 (PKCS#1 v1.5) signatures made with the sandbox's own key pair: v2
 *   over the exact body bytes (header `LicenseSignature`), v1 over
 *   lowercase(hardware_id#id#validity) (body field `license_signature`).
 */

/** Line 1 of every signing string. */
export const SIGNING_PREFIX = 'licenseSpring';

/** `licenseSpring` then one `name: value` line per signed header, in the order `headers` lists. */
export function requestSigningString(headers: readonly (readonly [string, string])[]): string {
  return [SIGNING_PREFIX, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\n');
}

/** The signature a client sends for the usual `headers="date"`; the doc's test vector checks it. */
export function signRequestDate(sharedKey: string, date: string): string {
  return hmacBase64(sharedKey, requestSigningString([['date', date]]));
}

export function hmacBase64(sharedKey: string, message: string): string {
  return createHmac('sha256', Buffer.from(sharedKey, 'utf8'))
    .update(message, 'utf8')
    .digest('base64');
}

/** Constant-time check of a client's base64 signature against the expected one. */
export function verifyRequestSignature(
  sharedKey: string,
  signingString: string,
  signature: string,
): boolean {
  const expected = Buffer.from(hmacBase64(sharedKey, signingString), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual throws on a length mismatch; comparing with itself keeps the time constant.
  const same = timingSafeEqual(expected, given.length === expected.length ? given : expected);
  return same && given.length === expected.length;
}

/** What the v1 `license_signature` covers: `id` is the licence key, or the username before `|`. */
export function v1SigningString(
  hardwareId: string,
  id: string,
  validityPeriod: string | null,
): string {
  const validity = validityPeriod === null ? '' : new Date(validityPeriod).toISOString();
  return `${hardwareId}#${id}#${validity}`.toLowerCase();
}

export interface KeyPairPem {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

export interface ResponseSigner {
  /** SPKI PEM ("-----BEGIN PUBLIC KEY-----"), what a client is configured with. */
  readonly publicKeyPem: string;
  /** base64 RSA-SHA256 over the exact UTF-8 bytes of a response body. */
  v2(bodyText: string): string;
  /** base64 RSA-SHA256 over the v1 signing string. */
  v1(hardwareId: string, id: string, validityPeriod: string | null): string;
}

/** 2048 bits, not production's 4096: a fresh pair per sandbox must start fast. */
export function generateKeyPairPem(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

export function createResponseSigner(pair: KeyPairPem = generateKeyPairPem()): ResponseSigner {
  const privateKey: KeyObject = createPrivateKey(pair.privateKeyPem);
  // Re-export so a PKCS#1 "BEGIN RSA PUBLIC KEY" input still reaches clients as SPKI.
  const publicKeyPem = createPublicKey(pair.publicKeyPem)
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const rsa = (text: string) =>
    sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('base64');
  return {
    publicKeyPem,
    v2: rsa,
    v1: (hardwareId, id, validity) => rsa(v1SigningString(hardwareId, id, validity)),
  };
}
