import type { AppError } from '../../../shared/errors';
import type { EnirisLicenceView } from '../../../shared/model';
import { assertNever } from './assert-never';
import type { Tone } from './tone';

/**
 * Words, checks and formats for the Eniris (Sofar) screen, in one place so the table, the forms and
 * the announcements agree. Pure: no DOM, no storage, no clock (callers pass `now`).
 */

export type EnirisLicenceState = EnirisLicenceView['state'];

export function enirisStateText(state: EnirisLicenceState): { label: string; tone: Tone } {
  switch (state) {
    case 'active':
      return { label: 'Active', tone: 'success' };
    case 'not-activated':
      return { label: 'Not activated', tone: 'neutral' };
    case 'expired':
      return { label: 'Expired', tone: 'danger' };
    case 'deactivated':
      return { label: 'Deactivated', tone: 'danger' };
    default:
      return assertNever(state);
  }
}

/** "residential" → "Residential"; the type list is open, so anything new is shown as it comes. */
export function licenceTypeLabel(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? 'Unknown' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "8.5 kW", with a no-break space so a chip never wraps between number and unit. */
export function formatKw(value: number, locale?: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}\u00a0kW`;
}

export interface Capacity {
  readonly label: string;
  /** Null: the licence does not set a limit for this kind of device. */
  readonly kw: number | null;
}

/** The four capacities in the order installers read them off the controller. */
export function capacities(licence: EnirisLicenceView): readonly Capacity[] {
  return [
    { label: 'Grid', kw: licence.gridKw },
    { label: 'Solar', kw: licence.solarKw },
    { label: 'Battery', kw: licence.batteryKw },
    { label: 'EV', kw: licence.evKw },
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
  switch (error.code) {
    case 'invalid_credentials':
      return action === 'signIn'
        ? 'The account name or password is wrong'
        : 'Sign in to Eniris again';
    case 'rate_limited':
      return action === 'signIn' ? 'Too many failed sign-in attempts' : undefined;
    case 'invalid_key':
      return "Eniris doesn't know this licence key";
    case 'seat_unavailable':
      return action === 'claim' ? 'This licence is claimed by another controller' : undefined;
    case 'unauthorized':
      return action === 'signIn' ? undefined : "Your account doesn't have rights to this";
    case 'invalid_input':
      switch (action) {
        case 'claim':
          return 'Check the licence key and the controller id';
        case 'licences':
          return 'Check the id you entered';
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

/** A message for the person, or null when the key may be sent (the contract allows 1 to 50). */
export function enirisKeyProblem(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed.length === 0) return 'Enter a licence key.';
  if (trimmed.length > ENIRIS_KEY_MAX)
    return `An Eniris licence key is at most ${ENIRIS_KEY_MAX} characters.`;
  if (!PRINTABLE_ASCII.test(trimmed)) {
    return 'A licence key has only letters, digits and punctuation. Check for stray characters.';
  }
  return null;
}

export function nodeIdProblem(nodeId: string): string | null {
  const trimmed = nodeId.trim();
  if (trimmed.length === 0) return 'Enter the controller id.';
  if (trimmed.length > NODE_ID_MAX) return `A controller id is at most ${NODE_ID_MAX} characters.`;
  if (!PRINTABLE_ASCII.test(trimmed)) return 'A controller id has only printable characters.';
  return null;
}

export function customerIdProblem(customerId: string): string | null {
  const trimmed = customerId.trim();
  if (trimmed.length === 0) return 'Enter the customer id.';
  if (!UUID.test(trimmed)) {
    return 'A customer id is a UUID: 32 hexadecimal digits in groups of 8-4-4-4-12.';
  }
  return null;
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

/** Which licences the table shows: those claimed for one controller, or one customer's. */
export type LicenceQuery =
  | { readonly by: 'controller'; readonly nodeId: string }
  | { readonly by: 'customer'; readonly customerId: string };

export type QueryKind = LicenceQuery['by'];

export function queryKindLabel(kind: QueryKind): string {
  switch (kind) {
    case 'controller':
      return 'By controller';
    case 'customer':
      return 'By customer';
    default:
      return assertNever(kind);
  }
}

/** "controller SOFAR-CTRL-0001" / "customer 3f9c2b1e-…": for headings, labels and announcements. */
export function describeQuery(query: LicenceQuery): string {
  switch (query.by) {
    case 'controller':
      return `controller ${query.nodeId}`;
    case 'customer':
      return `customer ${query.customerId}`;
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
  return count === 1 ? '1 licence' : `${count} licences`;
}

/** What activating did, in words for the note beside the result (the row shows the details). */
export function activationOutcome(
  licence: EnirisLicenceView,
  formatDay: (at: number) => string,
): { readonly ok: boolean; readonly text: string } {
  switch (licence.state) {
    case 'active':
      return {
        ok: true,
        text:
          licence.expiresAt !== undefined
            ? `Licence active until ${formatDay(licence.expiresAt)}.`
            : 'Licence active.',
      };
    case 'expired':
      return { ok: false, text: 'Activated, but its period is already over: it has expired.' };
    case 'deactivated':
      return { ok: false, text: 'Eniris answered, but this licence is deactivated.' };
    case 'not-activated':
      return { ok: false, text: 'Eniris answered, but the licence is still not activated.' };
    default:
      return assertNever(licence.state);
  }
}
