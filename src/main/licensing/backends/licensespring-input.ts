import { MAX_EPOCH_MS } from '../../../shared/epoch';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
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

const invalid = (message: Text): LicensingError => new LicensingError('invalid_input', message);

/** A trimmed name or code: present, printable, and no longer than any real one. */
function checkName(
  raw: string,
  rule: {
    /** Asks for it when it is empty. */
    readonly ask: Text;
    /** Says it has characters it may not have (spaces, unless `spaces`, and controls). */
    readonly invisible: Text;
    readonly tooLong: (p: { length: number; max: number }) => Text;
    readonly max: number;
    readonly spaces: boolean;
  },
): string {
  const text = raw.trim();
  if (text === '') throw invalid(rule.ask);
  if (CONTROL_CHARACTERS.test(text) || (!rule.spaces && /\s/.test(text))) {
    throw invalid(rule.invisible);
  }
  if (text.length > rule.max) throw invalid(rule.tooLong({ length: text.length, max: rule.max }));
  return text;
}

/** The stored identity: a licence key, or the account name of a user-based product. */
export function checkIdentity(raw: string, userProduct: boolean): string {
  if (!userProduct) return normaliseLicenceKey(raw);
  return checkName(raw, {
    ask: ls.askAccountName(),
    invisible: ls.accountNameInvisible(),
    tooLong: ls.accountNameTooLong,
    max: MAX_KEY_LENGTH,
    spaces: true,
  });
}

/** Passwords are sent as typed: surrounding spaces may be part of them. */
export function checkPassword(password: string): string {
  if (password === '') throw invalid(ls.askPassword());
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(ls.passwordTooLong({ max: MAX_PASSWORD_LENGTH, length: password.length }));
  }
  return password;
}

export const checkFeatureCode = (raw: string): string =>
  checkName(raw, {
    ask: ls.askFeatureCode(),
    invisible: ls.featureCodeSpaces(),
    tooLong: ls.featureCodeTooLong,
    max: MAX_FEATURE_CODE_LENGTH,
    spaces: false,
  });

/** A consumption: a whole number of units, never 0 (negative only where the vendor allows it). */
export function checkAmount(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount === 0) {
    throw invalid(ls.amountNotWhole({ amount: String(amount) }));
  }
  return amount;
}

/** The end of a borrowing: a real instant after now. Absent means "as long as allowed". */
export function checkBorrowUntil(until: number | undefined, now: number): string | null {
  if (until === undefined) return null;
  // Beyond ±MAX_EPOCH_MS a JavaScript Date is invalid.
  if (!Number.isFinite(until) || Math.abs(until) > MAX_EPOCH_MS) {
    throw invalid(ls.borrowEndInvalid());
  }
  if (until <= now) throw invalid(ls.borrowEndPast({ until }));
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
    throw invalid(ls.emailWrong());
  }
  return email;
}
