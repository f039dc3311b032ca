import { describeOffset } from './licensespring-clock';

/**
 * The check this computer makes on its own between server checks, as LicenseSpring's SDKs do
 * (clock-tamper detection, grace period): pure, so the licence service can run it on every read.
 * - The clock went back: `now` is earlier than the latest time this app has already seen by more
 *   than a small tolerance, so no local date can be trusted.
 * - Otherwise the licence is valid until its validity ends, then in grace for the vendor's grace
 *   period (counted from the validity end), then expired.
 */

export type LsLocalState = 'valid' | 'grace' | 'expired' | 'clock_moved_back';

export interface LsLocalCheckInput {
  readonly now: number;
  /** The latest time this app has seen (wall clock or server Date), persisted. */
  readonly highestSeenAt: number;
  readonly validUntil?: number;
  readonly gracePeriodHours?: number;
  readonly lastServerCheckAt: number;
}

export interface LsLocalCheckResult {
  state: LsLocalState;
  message: string;
  graceUntil?: number;
}

/** Clock corrections (NTP steps, time-zone slips on some systems) must not lock anyone out. */
export const CLOCK_BACK_TOLERANCE_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;

/** "2026-03-01 00:00 UTC": unambiguous on every computer, whatever its time zone. */
const when = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function licenseSpringLocalCheck(input: LsLocalCheckInput): LsLocalCheckResult {
  const { now, validUntil } = input;
  // Only the local high-water mark: the server's clock may run ahead of ours within what
  // LicenseSpring allows, so the last server check time is no proof that ours went back.
  if (now < input.highestSeenAt - CLOCK_BACK_TOLERANCE_MS) {
    const behind = describeOffset(input.highestSeenAt - now);
    return {
      state: 'clock_moved_back',
      message: `This computer's clock is ${behind} earlier than a time this app has already seen, so the licence cannot be checked here (the server last confirmed it on ${when(input.lastServerCheckAt)}). Set the date and time correctly (ideally automatically), then check the licence with the server again.`,
    };
  }
  if (validUntil === undefined) {
    return { state: 'valid', message: 'The licence is valid and does not expire.' };
  }
  if (now < validUntil) {
    return { state: 'valid', message: `The licence is valid until ${when(validUntil)}.` };
  }
  const graceHours = input.gracePeriodHours ?? 0;
  const graceUntil = validUntil + graceHours * HOUR_MS;
  if (graceHours > 0 && now < graceUntil) {
    return {
      state: 'grace',
      message: `The licence ended on ${when(validUntil)}; the vendor allows it to keep working until ${when(graceUntil)}. Renew it with the vendor before then, then check it with the server.`,
      graceUntil,
    };
  }
  return {
    state: 'expired',
    message: `The licence expired on ${when(validUntil)}${graceHours > 0 ? ` and its grace period ended on ${when(graceUntil)}` : ''}. Renew it with the vendor, then check it with the server.`,
  };
}
