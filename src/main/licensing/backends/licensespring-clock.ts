import type { HttpResponse } from '../../http/http-client';
import type { Text } from '../../../shared/text';
import { inEnglish } from '../../../shared/texts/english';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { LicensingError } from '../licensing-error';

/**
 * LicenseSpring refuses a request whose Date header is more than 15 minutes old (contract §5.2),
 * with a bare `signature_mismatch`. The reply's own Date header tells us how far this computer's
 * clock is off, so the person learns what to fix instead of blaming the vendor's keys.
 */

export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** The reply's Date header as epoch ms, when it has a readable one. */
export function serverTimeOf(response: HttpResponse): number | undefined {
  const header = response.headers.date;
  if (header === undefined) return undefined;
  const time = Date.parse(header);
  return Number.isNaN(time) ? undefined : time;
}

/** How far the server's clock is ahead of ours (negative: ours is ahead), when the reply says. */
export function clockSkewMs(response: HttpResponse, now: number): number | undefined {
  const server = serverTimeOf(response);
  return server === undefined ? undefined : server - now;
}

/** "20 minutes", "3 hours", "2 days": rounded to the nearest, since the Date header has whole seconds. */
export function offsetText(ms: number): Text {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 90) return ls.offsetMinutes({ count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48
    ? ls.offsetHours({ count: hours })
    : ls.offsetDays({ count: Math.round(hours / 24) });
}

/** The same in English, for logs and tests. */
export const describeOffset = (ms: number): string => inEnglish(offsetText(ms));

/** `skewMs` = server time − local time. */
export function clockOffError(skewMs: number): LicensingError {
  const amount = offsetText(skewMs);
  return new LicensingError(
    'unauthorized',
    skewMs > 0 ? ls.clockBehind({ amount }) : ls.clockAhead({ amount }),
  );
}

/** The server names the time stamp, but sent no Date of its own to measure our clock against. */
export function clockSuspectError(): LicensingError {
  return new LicensingError('unauthorized', ls.clockSuspect());
}

/**
 * The clock error for a refused signature, when the clock explains it. The reply's Date header
 * decides when there is one: off by more than the server allows is the clock, within it is not
 * (whatever the server's words mention). Without one, the server's words are all we have.
 */
export function clockExplains(
  response: HttpResponse,
  now: number,
  serverText: string | undefined,
): LicensingError | undefined {
  const skew = clockSkewMs(response, now);
  if (skew !== undefined)
    return Math.abs(skew) > MAX_CLOCK_SKEW_MS ? clockOffError(skew) : undefined;
  return /\b(date|time|clock|expired|too old)\b/i.test(serverText ?? '')
    ? clockSuspectError()
    : undefined;
}
