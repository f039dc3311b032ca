import { tCommon } from '../i18n/common.en';
import { intlTag } from '../i18n/messages';

/**
 * Pure formatting for times and durations. No Date.now() in here: callers pass `now`, so a ticking
 * clock re-renders only the leaf that shows the time, and tests need no fake timers.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A no-break space between number and unit: "2 m" never wraps in the middle. */
const unit = (value: number, symbol: string): string => `${value}\u00a0${symbol}`;

/**
 * "42 s", "2 m 10 s", "3 h 5 m", "4 d 3 h": two units at most, which is as precise as a person
 * reads a countdown. Rounds up, so a countdown shows "1 s" until the moment itself, not "0 s" early.
 */
export function formatDuration(ms: number): string {
  const { second, minute, hour, day } = tCommon().units;
  const total = Math.max(0, Math.ceil(ms / SECOND)) * SECOND;
  if (total < MINUTE) return unit(total / SECOND, second);
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
    small > 0 ? `${unit(big, bigUnit)} ${unit(small, smallUnit)}` : unit(big, bigUnit);
  if (total < HOUR) {
    return pair(Math.floor(total / MINUTE), minute, Math.floor((total % MINUTE) / SECOND), second);
  }
  if (total < DAY) {
    return pair(Math.floor(total / HOUR), hour, Math.floor((total % HOUR) / MINUTE), minute);
  }
  return pair(Math.floor(total / DAY), day, Math.floor((total % DAY) / HOUR), hour);
}

/**
 * "just now", "12 s ago", "48 m ago", "in 3 m": for timestamps where the distance matters more than
 * the date. Coarser than a countdown (one unit, two only for hours), because in a table "48 m 1 s
 * ago" is noise. Rounds towards zero, so a time never reads as further away than it is.
 */
export function formatRelative(at: number, now: number): string {
  const t = tCommon();
  const { second, minute, hour, day } = t.units;
  const diff = at - now;
  const distance = Math.abs(diff);
  if (distance < 5 * SECOND) return t.justNow;
  let text: string;
  if (distance < MINUTE) text = unit(Math.floor(distance / SECOND), second);
  else if (distance < HOUR) text = unit(Math.floor(distance / MINUTE), minute);
  else if (distance < DAY) {
    const hours = Math.floor(distance / HOUR);
    const minutes = Math.floor((distance % HOUR) / MINUTE);
    text = minutes > 0 ? `${unit(hours, hour)} ${unit(minutes, minute)}` : unit(hours, hour);
  } else text = unit(Math.floor(distance / DAY), day);
  return diff > 0 ? t.inFuture(text) : t.inPast(text);
}

/**
 * The contract bounds timestamps below but not above; a value past the year 275760 would make Date
 * and Intl throw, so a wild one from a server reads as "unknown date" instead of breaking a screen.
 */
export function isValidTime(at: number): boolean {
  return Number.isFinite(new Date(at).getTime());
}

/** For <time dateTime>: empty when the timestamp cannot be a date. */
export function isoTime(at: number): string | undefined {
  return isValidTime(at) ? new Date(at).toISOString() : undefined;
}

/** Absolute date and time in the user's locale; the options exist so tests can pin them. */
export function formatDateTime(at: number, locale = intlTag(), timeZone?: string): string {
  if (!isValidTime(at)) return tCommon().unknownDate;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

/** A time of day in the user's locale ("14:05", "2:05 PM"), for moments within the next hours. */
export function formatTime(at: number, locale = intlTag(), timeZone?: string): string {
  if (!isValidTime(at)) return tCommon().unknownTime;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(at);
}

export function formatDate(at: number, locale = intlTag(), timeZone?: string): string {
  if (!isValidTime(at)) return tCommon().unknownDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
}

/** Whole days from `now` until `at`, rounded up (negative once it has passed). */
export function daysUntil(at: number, now: number): number {
  return Math.ceil((at - now) / DAY);
}

/** "in 21 days", "tomorrow", "today", "3 days ago", for a whole-day distance from daysUntil. */
export function formatDayDistance(days: number): string {
  const t = tCommon();
  if (days === 0) return t.today;
  if (days === 1) return t.tomorrow;
  if (days === -1) return t.yesterday;
  return days > 0 ? t.inDays(days) : t.daysAgo(-days);
}

/**
 * The value of a `datetime-local` field ("2025-05-01T09:30", the user's local time) as the ISO
 * date-time with offset that the contract asks for. Empty → undefined (activate now); a value that
 * is not a date → null.
 */
export function localDateTimeToIso(value: string): string | undefined | null {
  if (value.trim() === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  // Without an offset, Date reads a date-time string as local time, which is what the field means.
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
}
