import { tActivation } from '../i18n/activation.en';

/**
 * Client-side checks that mirror the contract's licence-key rule, so an obvious slip is caught
 * before a round trip. The core checks again; this is for a faster, friendlier message.
 */

const MAX_LENGTH = 256;
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** Keys copied from e-mails and PDFs arrive wrapped or padded: drop line breaks, tabs and edges. */
export function cleanPastedKey(text: string): string {
  return text.replace(/[\r\n\t]+/g, '').trim();
}

/** A message for the person, or null when the key may be sent. */
export function keyProblem(key: string): string | null {
  const t = tActivation().keyProblem;
  const trimmed = key.trim();
  if (trimmed.length === 0) return t.empty;
  if (trimmed.length > MAX_LENGTH) return t.tooLong(MAX_LENGTH);
  if (!PRINTABLE_ASCII.test(trimmed)) return t.notPrintable;
  return null;
}
