import type { LicenceView } from '../../shared/model';

/**
 * Every word the tray and the notifications show, in one place (they are drawn by the OS, not
 * by the renderer, so they cannot use the renderer's texts).
 */

/** "3 Mar 2027": day first and the month spelt, so no reader mistakes 03/04 for 4 March. */
export const dayFormatter =
  (locale = 'en-GB', timeZone?: string) =>
  (ms: number): string =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone,
    }).format(ms);

export type FormatDay = (ms: number) => string;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const desktopText = {
  open: 'Open',
  quit: 'Quit',
  licence(name: string, view: LicenceView, formatDay: FormatDay): string {
    switch (view.status) {
      case 'active':
        return view.expiresAt === undefined
          ? `${name} — licensed`
          : `${name} — licensed until ${formatDay(view.expiresAt)}`;
      case 'inactive':
        return `${name} — not activated`;
      case 'expired':
        return `${name} — licence expired`;
      case 'revoked':
        return `${name} — licence revoked`;
      case 'invalid':
        return `${name} — licence not valid`;
    }
  },
  seatHeld(active: number | undefined, max: number | undefined): string {
    return active === undefined || max === undefined
      ? 'Seat held'
      : `Seat held (${active} of ${max} in use)`;
  },
  seatReconnecting: 'Seat held — server not reached, retrying',
  seatLostRetrying: 'Seat lost — retrying',
  seatLost: 'Seat lost',
  noSeat: 'No seat held',
  expiringTitle: (name: string, daysLeft: number) =>
    `${name}: licence ends in ${plural(daysLeft, 'day', 'days')}`,
  expiringBody: (day: string) =>
    `The licence ends on ${day}. Renew it with your vendor to keep working without interruption.`,
  seatLostTitle: (name: string) => `${name}: seat lost`,
  seatLostBody: (retrying: boolean) =>
    retrying
      ? 'The floating seat could not be kept. The app keeps trying to take it back.'
      : 'The floating seat could not be kept. Open the app to request a seat again.',
  seatRegainedTitle: (name: string) => `${name}: seat regained`,
  seatRegainedBody: 'A floating seat is held again.',
};
