import type { LsConsumptionMeter } from '../../../shared/licensespring-model';
import { tLicensespring } from '../i18n/licensespring.en';
import { latestBorrowEnd } from './borrow-time';
import { formatDateTime, localDateTimeToIso } from './format';
import { hoursText } from './licensespring-text';
import { readMeter } from './licensespring-meter';

/**
 * What the LicenseSpring forms check before anything is sent (a usage amount, a borrow end, a
 * trial's email): the value the contract takes, or the problem to show under the field. The
 * server checks again; these give a quick answer in the person's words.
 */

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The contract's bound on one recording. */
export const MAX_RECORD = 1_000_000;

/** The amount typed in a "Record usage" field, or what is wrong with it. */
export function parseUsageAmount(text: string, meter: LsConsumptionMeter): Checked<number> {
  const t = tLicensespring().usageProblems;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: t.empty };
  if (!/^[-+]?\d+$/.test(trimmed)) return { ok: false, problem: t.notWhole };
  const amount = Number(trimmed);
  if (amount === 0) return { ok: false, problem: t.zero };
  if (Math.abs(amount) > MAX_RECORD) return { ok: false, problem: t.tooMuch(MAX_RECORD) };
  if (amount < 0 && !meter.allowNegative) return { ok: false, problem: t.upOnly };
  const { left } = readMeter(meter);
  if (left !== undefined && amount > left) {
    const problem =
      left === 0
        ? t.limitReached
        : meter.allowOverages
          ? t.onlyLeftWithOverages(left)
          : t.onlyLeft(left);
    return { ok: false, problem };
  }
  return { ok: true, value: amount };
}

/**
 * The borrow end typed in a `datetime-local` field, as the ISO date-time the contract takes.
 * Empty: as long as the vendor allows (undefined). The limit is checked here for a quick answer;
 * the server checks it again.
 */
export function parseBorrowEnd(
  value: string,
  now: number,
  maxBorrowHours: number | undefined,
): Checked<string | undefined> {
  const t = tLicensespring().borrowProblems;
  const iso = localDateTimeToIso(value);
  if (iso === undefined) return { ok: true, value: undefined };
  if (iso === null) return { ok: false, problem: t.incomplete };
  const at = Date.parse(iso);
  if (at <= now) return { ok: false, problem: t.past };
  const latest = latestBorrowEnd(now, maxBorrowHours);
  // A minute's slack: the field has no seconds, and the limit moves on while the person types.
  if (latest !== undefined && maxBorrowHours !== undefined && at > latest + 60_000) {
    return { ok: false, problem: t.beyondLimit(hoursText(maxBorrowHours), formatDateTime(latest)) };
  }
  return { ok: true, value: iso };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The optional email of a trial: empty is fine, anything else must look like an address. */
export function parseTrialEmail(text: string): Checked<string | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    return { ok: false, problem: tLicensespring().trial.emailProblem };
  }
  return { ok: true, value: trimmed };
}
