import type { Text } from '../../../shared/text';
import { inEnglish } from '../../../shared/texts/english';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { offsetText } from './licensespring-clock';

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
  /** The verdict in English (logs, CLI); `text` is the same for the screens to translate. */
  message: string;
  text: Text;
  graceUntil?: number;
}

/** Clock corrections (NTP steps, time-zone slips on some systems) must not lock anyone out. */
export const CLOCK_BACK_TOLERANCE_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;

/** A verdict: its text, and the English of it. */
const verdict = (state: LsLocalState, text: Text, graceUntil?: number): LsLocalCheckResult => ({
  state,
  message: inEnglish(text),
  text,
  ...(graceUntil === undefined ? {} : { graceUntil }),
});

export function licenseSpringLocalCheck(input: LsLocalCheckInput): LsLocalCheckResult {
  const { now, validUntil } = input;
  // Only the local high-water mark: the server's clock may run ahead of ours within what
  // LicenseSpring allows, so the last server check time is no proof that ours went back.
  if (now < input.highestSeenAt - CLOCK_BACK_TOLERANCE_MS) {
    const behind = offsetText(input.highestSeenAt - now);
    return verdict(
      'clock_moved_back',
      ls.clockMovedBack({ behind, lastCheck: input.lastServerCheckAt }),
    );
  }
  if (validUntil === undefined) return verdict('valid', ls.validForever());
  if (now < validUntil) return verdict('valid', ls.validUntil({ until: validUntil }));
  const graceHours = input.gracePeriodHours ?? 0;
  const graceUntil = validUntil + graceHours * HOUR_MS;
  if (graceHours > 0 && now < graceUntil) {
    return verdict('grace', ls.inGrace({ until: validUntil, graceUntil }), graceUntil);
  }
  return verdict(
    'expired',
    graceHours > 0
      ? ls.expiredAfterGrace({ until: validUntil, graceUntil })
      : ls.expired({ until: validUntil }),
  );
}
