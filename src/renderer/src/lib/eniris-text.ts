import type { AppError } from '../../../shared/errors';
import type { EnirisLicenceView } from '../../../shared/model';
import { tEniris } from '../i18n/eniris.en';
import { intlTag } from '../i18n/messages';
import { assertNever } from './assert-never';
import type { Tone } from './tone';

/**
 * Words, checks and formats for the Eniris (Sofar) screen, in one place so the table, the forms and
 * the announcements agree. Pure: no DOM, no storage, no clock (callers pass `now`).
 */

export type EnirisLicenceState = EnirisLicenceView['state'];

export function enirisStateText(state: EnirisLicenceState): { label: string; tone: Tone } {
  const t = tEniris().states;
  switch (state) {
    case 'active':
      return { label: t.active, tone: 'success' };
    case 'not-activated':
      return { label: t.notActivated, tone: 'neutral' };
    case 'expired':
      return { label: t.expired, tone: 'danger' };
    case 'deactivated':
      return { label: t.deactivated, tone: 'danger' };
    default:
      return assertNever(state);
  }
}

/**
 * "residential" → "Residential" (German "Wohngebäude"); the type list is open, so a type the
 * catalogue does not know is shown as it comes, capitalised.
 */
export function licenceTypeLabel(type: string): string {
  const t = tEniris().types;
  const known: Readonly<Record<string, string>> = t.known;
  if (Object.hasOwn(known, type)) return known[type] ?? type;
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? t.unknown : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "8.5 kW", with a no-break space so a chip never wraps between number and unit. */
export function formatKw(value: number, locale = intlTag()): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}\u00a0kW`;
}

export interface Capacity {
  readonly label: string;
  /** Null: the licence does not set a limit for this kind of device. */
  readonly kw: number | null;
}

/** The four capacities in the order installers read them off the controller. */
export function capacities(licence: EnirisLicenceView): readonly Capacity[] {
  const t = tEniris().capacities;
  return [
    { label: t.grid, kw: licence.gridKw },
    { label: t.solar, kw: licence.solarKw },
    { label: t.battery, kw: licence.batteryKw },
    { label: t.ev, kw: licence.evKw },
  ];
}

/** The actions of the screen, each with its own outcome beside its button. */
export type EnirisAction = 'signIn' | 'signOut' | 'activate' | 'claim' | 'licences';

/**
 * The headline of a failed Eniris action. The generic titles are written for seats and device
 * activations; here the same codes mean something about the account, the key or the controller,
 * and the core's message underneath says exactly which.
 */
export function enirisErrorTitle(action: EnirisAction, error: AppError): string | undefined {
  const t = tEniris().errors;
  switch (error.code) {
    case 'invalid_credentials':
      return action === 'signIn' ? t.wrongCredentials : t.signInAgain;
    case 'rate_limited':
      return action === 'signIn' ? t.tooManyAttempts : undefined;
    case 'invalid_key':
      return t.unknownKey;
    case 'seat_unavailable':
      return action === 'claim' ? t.claimedElsewhere : undefined;
    case 'unauthorized':
      return action === 'signIn' ? undefined : t.noRights;
    case 'invalid_input':
      switch (action) {
        case 'claim':
          return t.checkKeyAndController;
        case 'licences':
          return t.checkId;
        case 'signIn':
        case 'signOut':
        case 'activate':
          return undefined;
        default:
          return assertNever(action);
      }
    default:
      return undefined;
  }
}

/** When a refused sign-in may be tried again: the moment the server named, if it named one. */
export function retryMoment(error: AppError, failedAt: number): number | undefined {
  const seconds = error.retryAfterSeconds;
  return seconds !== undefined && seconds > 0 ? failedAt + seconds * 1000 : undefined;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ENIRIS_KEY_MAX = 50;
export const NODE_ID_MAX = 128;

/** The key field's placeholder: the shape of a key, the same in every language. */
export const ENIRIS_KEY_PLACEHOLDER = 'XXX-XXX-XXXX-XXXX';

/** A message for the person, or null when the key may be sent (the contract allows 1 to 50). */
export function enirisKeyProblem(key: string): string | null {
  const t = tEniris().problems;
  const trimmed = key.trim();
  if (trimmed.length === 0) return t.keyEmpty;
  if (trimmed.length > ENIRIS_KEY_MAX) return t.keyTooLong(ENIRIS_KEY_MAX);
  if (!PRINTABLE_ASCII.test(trimmed)) return t.keyCharacters;
  return null;
}

export function nodeIdProblem(nodeId: string): string | null {
  const t = tEniris().problems;
  const trimmed = nodeId.trim();
  if (trimmed.length === 0) return t.nodeEmpty;
  if (trimmed.length > NODE_ID_MAX) return t.nodeTooLong(NODE_ID_MAX);
  if (!PRINTABLE_ASCII.test(trimmed)) return t.nodeCharacters;
  return null;
}

export function customerIdProblem(customerId: string): string | null {
  const t = tEniris().problems;
  const trimmed = customerId.trim();
  if (trimmed.length === 0) return t.customerEmpty;
  if (!UUID.test(trimmed)) return t.customerFormat;
  return null;
}

/** Which licences the table shows: those claimed for one controller, or one customer's. */
export type LicenceQuery =
  | { readonly by: 'controller'; readonly nodeId: string }
  | { readonly by: 'customer'; readonly customerId: string };

export type QueryKind = LicenceQuery['by'];

export function queryKindLabel(kind: QueryKind): string {
  const t = tEniris().licences;
  switch (kind) {
    case 'controller':
      return t.byController;
    case 'customer':
      return t.byCustomer;
    default:
      return assertNever(kind);
  }
}

/** "controller SOFAR-CTRL-0001" / "customer 3f9c2b1e-…": for headings, labels and announcements. */
export function describeQuery(query: LicenceQuery): string {
  const t = tEniris().query;
  switch (query.by) {
    case 'controller':
      return t.controller(query.nodeId);
    case 'customer':
      return t.customer(query.customerId);
    default:
      return assertNever(query);
  }
}

export function sameQuery(a: LicenceQuery, b: LicenceQuery): boolean {
  switch (a.by) {
    case 'controller':
      return b.by === 'controller' && a.nodeId === b.nodeId;
    case 'customer':
      return b.by === 'customer' && a.customerId.toLowerCase() === b.customerId.toLowerCase();
    default:
      return assertNever(a);
  }
}

/** "1 licence", "3 licences". */
export function licenceCount(count: number): string {
  return tEniris().count(count);
}

/** What activating did, in words for the note beside the result (the row shows the details). */
export function activationOutcome(
  licence: EnirisLicenceView,
  formatDay: (at: number) => string,
): { readonly ok: boolean; readonly text: string } {
  const t = tEniris().outcome;
  switch (licence.state) {
    case 'active':
      return {
        ok: true,
        text:
          licence.expiresAt !== undefined ? t.activeUntil(formatDay(licence.expiresAt)) : t.active,
      };
    case 'expired':
      return { ok: false, text: t.expired };
    case 'deactivated':
      return { ok: false, text: t.deactivated };
    case 'not-activated':
      return { ok: false, text: t.notActivated };
    default:
      return assertNever(licence.state);
  }
}
