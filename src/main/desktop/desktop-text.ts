import type { Locale } from '../../shared/locale';
import type { LicenceView } from '../../shared/model';

/**
 * Every word the tray and the notifications show, in English and German (they are drawn by the
 * OS, not by the renderer, so they cannot use the renderer's catalogues). The language follows the
 * OS, as the window's does.
 */
export interface DesktopWords {
  readonly open: string;
  readonly quit: string;
  licence(name: string, view: LicenceView): string;
  seatHeld(active: number | undefined, max: number | undefined): string;
  readonly seatReconnecting: string;
  readonly seatLostRetrying: string;
  readonly seatLost: string;
  readonly noSeat: string;
  expiringTitle(name: string, daysLeft: number): string;
  expiringBody(day: string): string;
  seatLostTitle(name: string): string;
  seatLostBody(retrying: boolean): string;
  seatRegainedTitle(name: string): string;
  readonly seatRegainedBody: string;
  keptInTrayTitle(productName: string): string;
  readonly keptInTrayBody: string;
  cannotStart(productName: string): string;
  /** "3 Mar 2027" / "3. März 2027". */
  formatDay(ms: number): string;
}

type FormatDay = (ms: number) => string;

const english = (formatDay: FormatDay): DesktopWords => ({
  open: 'Open',
  quit: 'Quit',
  licence(name, view) {
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
  seatHeld: (active, max) =>
    active === undefined || max === undefined
      ? 'Seat held'
      : `Seat held (${active} of ${max} in use)`,
  seatReconnecting: 'Seat held — server not reached, retrying',
  seatLostRetrying: 'Seat lost — retrying',
  seatLost: 'Seat lost',
  noSeat: 'No seat held',
  expiringTitle: (name, daysLeft) =>
    `${name}: licence ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
  expiringBody: (day) =>
    `The licence ends on ${day}. Renew it with your vendor to keep working without interruption.`,
  seatLostTitle: (name) => `${name}: seat lost`,
  seatLostBody: (retrying) =>
    retrying
      ? 'The floating seat could not be kept. The app keeps trying to take it back.'
      : 'The floating seat could not be kept. Open the app to request a seat again.',
  seatRegainedTitle: (name) => `${name}: seat regained`,
  seatRegainedBody: 'A floating seat is held again.',
  keptInTrayTitle: (productName) => `${productName} is still running`,
  keptInTrayBody:
    'It keeps your licence and seat in the tray, next to the clock. To stop it, choose Quit from the tray icon.',
  cannotStart: (productName) => `${productName} could not start`,
  formatDay,
});

const german = (formatDay: FormatDay): DesktopWords => ({
  open: 'Öffnen',
  quit: 'Beenden',
  licence(name, view) {
    switch (view.status) {
      case 'active':
        return view.expiresAt === undefined
          ? `${name} — lizenziert`
          : `${name} — lizenziert bis ${formatDay(view.expiresAt)}`;
      case 'inactive':
        return `${name} — nicht aktiviert`;
      case 'expired':
        return `${name} — Lizenz abgelaufen`;
      case 'revoked':
        return `${name} — Lizenz widerrufen`;
      case 'invalid':
        return `${name} — Lizenz ungültig`;
    }
  },
  seatHeld: (active, max) =>
    active === undefined || max === undefined
      ? 'Lizenzplatz belegt'
      : `Lizenzplatz belegt (${active} von ${max} in Gebrauch)`,
  seatReconnecting: 'Lizenzplatz belegt — Server nicht erreicht, neuer Versuch läuft',
  seatLostRetrying: 'Lizenzplatz verloren — neuer Versuch läuft',
  seatLost: 'Lizenzplatz verloren',
  noSeat: 'Kein Lizenzplatz belegt',
  expiringTitle: (name, daysLeft) =>
    `${name}: Lizenz endet in ${daysLeft} ${daysLeft === 1 ? 'Tag' : 'Tagen'}`,
  expiringBody: (day) =>
    `Die Lizenz endet am ${day}. Verlängern Sie sie bei Ihrem Anbieter, um ohne Unterbrechung weiterzuarbeiten.`,
  seatLostTitle: (name) => `${name}: Lizenzplatz verloren`,
  seatLostBody: (retrying) =>
    retrying
      ? 'Der Floating-Lizenzplatz konnte nicht gehalten werden. Die App versucht weiter, ihn zurückzubekommen.'
      : 'Der Floating-Lizenzplatz konnte nicht gehalten werden. Öffnen Sie die App, um erneut einen Lizenzplatz anzufordern.',
  seatRegainedTitle: (name) => `${name}: Lizenzplatz zurückerhalten`,
  seatRegainedBody: 'Ein Floating-Lizenzplatz ist wieder belegt.',
  keptInTrayTitle: (productName) => `${productName} läuft weiter`,
  keptInTrayBody:
    'Lizenz und Lizenzplatz bleiben im Infobereich neben der Uhr erhalten. Zum Beenden wählen Sie „Beenden“ im Menü des Symbols.',
  cannotStart: (productName) => `${productName} konnte nicht starten`,
  formatDay,
});

const WORDS: Readonly<Record<Locale, (formatDay: FormatDay) => DesktopWords>> = {
  en: english,
  de: german,
};

/**
 * The words for a language; days are written in `intlTag`'s region ("3 Mar 2027", "3. März
 * 2027"), day first and the month spelt, so no reader mistakes 03/04 for 4 March.
 */
export function desktopWords(locale: Locale, intlTag: string, timeZone?: string): DesktopWords {
  // A bare "en" would write March 3, 2027; day first reads the same everywhere.
  const tag = intlTag === 'en' ? 'en-GB' : intlTag;
  const format = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  return WORDS[locale]((ms) => format.format(ms));
}
