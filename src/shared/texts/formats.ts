import type { Formats } from '../text';

/**
 * Formats for the English the core writes (CLI, log, support bundle, and the screens in English):
 * UTC and ISO-like, the same on every machine, so a support engineer reads the same text the user
 * saw.
 */
export const englishFormats: Formats = {
  number: (value) => String(value),
  duration: (seconds) =>
    describeDuration(seconds, { second: 'second', minute: 'minute', hour: 'hour' }, 's'),
  instant: (epochMs) => `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  day: (epochMs) => new Date(epochMs).toISOString().slice(0, 10),
};

interface Units {
  readonly second: string;
  readonly minute: string;
  readonly hour: string;
}

/**
 * "1 second", "45 seconds", "3 minutes", "2 hours": rounded up to the unit a person pictures.
 * `plural` is added to a unit when the count is not 1 (English "s", German "n").
 */
export function describeDuration(seconds: number, units: Units, plural: string): string {
  const count = (value: number, unit: string): string =>
    `${value} ${value === 1 ? unit : `${unit}${plural}`}`;
  if (seconds < 90) return count(Math.max(1, Math.ceil(seconds)), units.second);
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? count(minutes, units.minute) : count(Math.ceil(minutes / 60), units.hour);
}

/** Formats for a translation, in the user's region (`intlTag`, e.g. "de-AT") and local time. */
export function localFormats(intlTag: string, units: Units, plural: string): Formats {
  const number = new Intl.NumberFormat(intlTag, { maximumFractionDigits: 1 });
  const instant = new Intl.DateTimeFormat(intlTag, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(intlTag, { dateStyle: 'medium' });
  return {
    number: (value) => number.format(value),
    duration: (seconds) => describeDuration(seconds, units, plural),
    instant: (epochMs) => instant.format(epochMs),
    day: (epochMs) => day.format(epochMs),
  };
}
