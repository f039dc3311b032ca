import { MAX_EPOCH_MS } from '../../../shared/epoch';
import { LicensingError } from '../licensing-error';
import { MAX_KEY_LENGTH, normaliseLicenceKey } from './key-input';

/**
 * Checks what a person (or the service) hands the LicenseSpring adapter before anything is sent,
 * so a slip becomes a precise message instead of the server's generic `validation_error`.
 */

const MAX_FEATURE_CODE_LENGTH = 128;
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 256;

// C0 controls, DEL and C1 controls: never part of a name or code, often pasted by accident.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const invalid = (message: string): LicensingError => new LicensingError('invalid_input', message);

/** A trimmed name or code: present, printable, and no longer than any real one. */
function checkName(
  raw: string,
  rule: {
    readonly name: string;
    readonly ask: string;
    readonly max: number;
    readonly spaces: boolean;
  },
): string {
  const text = raw.trim();
  if (text === '') throw invalid(rule.ask);
  if (CONTROL_CHARACTERS.test(text) || (!rule.spaces && /\s/.test(text))) {
    const what = rule.spaces ? 'invisible control characters' : 'spaces or invisible characters';
    throw invalid(`The ${rule.name} contains ${what}. Type it again.`);
  }
  if (text.length > rule.max) {
    throw invalid(
      `The ${rule.name} has ${text.length} characters, more than any real one (${rule.max}). Check what was pasted.`,
    );
  }
  return text;
}

/** The stored identity: a licence key, or the account name of a user-based product. */
export function checkIdentity(raw: string, userProduct: boolean): string {
  if (!userProduct) return normaliseLicenceKey(raw);
  return checkName(raw, {
    name: 'account name',
    ask: 'Enter your LicenseSpring account name (e-mail address).',
    max: MAX_KEY_LENGTH,
    spaces: true,
  });
}

/** Passwords are sent as typed: surrounding spaces may be part of them. */
export function checkPassword(password: string): string {
  if (password === '') throw invalid('Enter the password of your LicenseSpring account.');
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(
      `Passwords have at most ${MAX_PASSWORD_LENGTH} characters; this one has ${password.length}. Check what was pasted.`,
    );
  }
  return password;
}

export const checkFeatureCode = (raw: string): string =>
  checkName(raw, {
    name: 'feature code',
    ask: 'Name the licence feature (its code).',
    max: MAX_FEATURE_CODE_LENGTH,
    spaces: false,
  });

/** A consumption: a whole number of units, never 0 (negative only where the vendor allows it). */
export function checkAmount(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount === 0) {
    throw invalid(
      `The amount to record must be a whole number other than 0 (got ${String(amount)}).`,
    );
  }
  return amount;
}

/** The end of a borrowing: a real instant after now. Absent means "as long as allowed". */
export function checkBorrowUntil(until: number | undefined, now: number): string | null {
  if (until === undefined) return null;
  // Beyond ±MAX_EPOCH_MS a JavaScript Date is invalid.
  if (!Number.isFinite(until) || Math.abs(until) > MAX_EPOCH_MS) {
    throw invalid('The borrowing end date is not a valid date.');
  }
  if (until <= now) {
    throw invalid(
      `The borrowing end (${new Date(until).toISOString()}) is not in the future. Choose a later date.`,
    );
  }
  return new Date(until).toISOString();
}

export function checkEmail(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const email = raw.trim();
  if (email === '') return undefined;
  if (
    email.length > MAX_EMAIL_LENGTH ||
    CONTROL_CHARACTERS.test(email) ||
    !/^[^\s@]+@[^\s@]+$/.test(email)
  ) {
    throw invalid('That e-mail address does not look right. Check it and try again.');
  }
  return email;
}
