import { createHmac } from 'node:crypto';
import { LicensingError } from '../licensing-error';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';

/**
 * Request signing of the LicenseSpring License API (contract §5.2): every request carries a
 * `Date` header and an `Authorization` header whose signature is
 * base64(HMAC-SHA256(sharedKey, "licenseSpring\ndate: <Date>")). The server refuses a Date more
 * than 15 minutes old, so the Date comes from the injected clock, never from the wall clock
 * directly, and tests can sign "in the past".
 */

/** The Date header value for an instant: RFC 7231 GMT, as `Date#toUTCString` writes it. */
export const httpDate = (epochMs: number): string => new Date(epochMs).toUTCString();

/** base64 HMAC-SHA256 of the documented signing string; the doc's test vector checks it. */
export function licenseSpringSignature(sharedKey: string, date: string): string {
  return createHmac('sha256', Buffer.from(sharedKey, 'utf8'))
    .update(`licenseSpring\ndate: ${date}`, 'utf8')
    .digest('base64');
}

/** The Authorization header, formatted as the official Node SDK writes it (no spaces, `apikey`). */
export function hmacAuthorization(apiKey: string, sharedKey: string, date: string): string {
  const signature = licenseSpringSignature(sharedKey, date);
  return `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${apiKey}"`;
}

/** Date + Authorization for one request sent at `epochMs`. */
export function hmacHeaders(
  auth: { readonly apiKey: string; readonly sharedKey: string },
  epochMs: number,
): { Date: string; Authorization: string } {
  const date = httpDate(epochMs);
  return { Date: date, Authorization: hmacAuthorization(auth.apiKey, auth.sharedKey, date) };
}

// Visible ASCII without the quote and backslash that would break out of `apikey="…"`.
const HEADER_SAFE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Refuses an API key or shared key that could never work before anything is sent: a key pasted
 * with a stray quote or line break would otherwise produce a confusing signature refusal.
 */
export function checkHmacKeys(apiKey: string, sharedKey: string): void {
  if (!HEADER_SAFE.test(apiKey)) {
    throw new LicensingError('config', ls.apiKeyUnusable());
  }
  if (sharedKey.trim() === '') {
    throw new LicensingError('config', ls.sharedKeyEmpty());
  }
}
