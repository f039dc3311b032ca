import type { AppError } from '../../../shared/errors';
import type {
  LsConsumptionMeter,
  LsFeatureView,
  LsFloatingView,
  LsLicenceDetails,
  LsLocalCheck,
} from '../../../shared/licensespring-model';
import { assertNever } from './assert-never';
import { localDateTimeToIso } from './eniris-text';
import { formatDateTime } from './format';
import type { Tone } from './tone';

/**
 * Words, meter maths and form checks for the LicenseSpring screens (Licence, Features, the trial
 * offer), in one place so the cards, the forms and the announcements agree. Pure: no DOM, no
 * storage, no clock (callers pass `now`).
 */

const HOUR = 3_600_000;

export type LsLicenseType = LsLicenceDetails['licenseType'];
export type LsResetPeriod = NonNullable<LsConsumptionMeter['resetPeriod']>;

export function licenseTypeText(type: LsLicenseType): {
  readonly label: string;
  readonly explanation: string;
} {
  switch (type) {
    case 'perpetual':
      return { label: 'Perpetual', explanation: 'Yours to keep: it does not run out.' };
    case 'time-limited':
      return { label: 'Time-limited', explanation: 'Valid until a set date.' };
    case 'subscription':
      return { label: 'Subscription', explanation: 'Valid while the subscription is paid.' };
    case 'consumption':
      return { label: 'Consumption', explanation: 'Paid by use: usage counts against a limit.' };
    default:
      return assertNever(type);
  }
}

export function featureTypeLabel(type: LsFeatureView['type']): string {
  switch (type) {
    case 'activation':
      return 'On/off feature';
    case 'consumption':
      return 'Usage-based feature';
    default:
      return assertNever(type);
  }
}

export function resetPeriodLabel(period: LsResetPeriod | undefined): string {
  switch (period) {
    case undefined:
      return 'Never resets';
    case 'daily':
      return 'Resets every day';
    case 'weekly':
      return 'Resets every week';
    case 'monthly':
      return 'Resets every month';
    case 'annually':
      return 'Resets every year';
    default:
      return assertNever(period);
  }
}

/** "3 of 5 used", or "3 used · no limit" when the vendor set none. */
export function activationsText(activations: LsLicenceDetails['activations']): string {
  return activations.unlimited
    ? `${activations.used} used · no limit`
    : `${activations.used} of ${activations.max} used`;
}

/** LicenseSpring counts a maximum of 0 transfers as "no limit", and -1 as none allowed. */
export function transfersText(transfers: LsLicenceDetails['transfers']): string {
  if (!transfers.allowed) return 'Not allowed: this licence stays on this computer';
  return transfers.max === 0
    ? `${transfers.used} used · no limit`
    : `${transfers.used} of ${transfers.max} used`;
}

// ---------------------------------------------------------------------------------------------
// Consumption meters

export type MeterState = 'unlimited' | 'ok' | 'high' | 'overage' | 'exhausted';

/** Where the parts of a meter's bar go, as fractions (0 to 1) of the bar's length. */
export interface MeterBar {
  /** Usage within the included amount. */
  readonly included: number;
  /** Usage beyond it, drawn in the overage zone. */
  readonly overage: number;
  /** Where the included amount ends: the start of the overage zone. */
  readonly limit: number;
  /** The overage zone's length; 0 when the vendor allows no overages. */
  readonly zone: number;
}

export interface MeterReading {
  readonly state: MeterState;
  /** Used beyond the included amount. */
  readonly over: number;
  /** The most the counter may reach (included plus overages); undefined when nothing caps it. */
  readonly cap: number | undefined;
  /** What may still be recorded; undefined when nothing caps it. */
  readonly left: number | undefined;
  /** Undefined for an unlimited counter: there is nothing to fill. */
  readonly bar: MeterBar | undefined;
}

/** How much of the bar an uncapped overage zone takes, so overages still have room to show. */
const OPEN_ZONE = 0.25;
/** From this share of the included amount on, the meter turns amber. */
const HIGH_SHARE = 0.8;

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * The maths of a consumption counter. With overages the bar has two zones: the included amount,
 * then the overage zone up to the vendor's cap (or an open-ended zone when there is no cap).
 */
export function readMeter(meter: LsConsumptionMeter): MeterReading {
  const { total, max } = meter;
  if (meter.unlimited) {
    return { state: 'unlimited', over: 0, cap: undefined, left: undefined, bar: undefined };
  }
  const over = Math.max(0, total - max);
  const capped = !meter.allowOverages || meter.maxOverages > 0;
  const cap = !meter.allowOverages
    ? max
    : meter.maxOverages > 0
      ? max + meter.maxOverages
      : undefined;
  const left = cap === undefined ? undefined : Math.max(0, cap - total);
  const scale = capped
    ? (cap ?? max)
    : Math.max(total, max + Math.max(1, Math.ceil((max * OPEN_ZONE) / (1 - OPEN_ZONE))));
  const limit = scale > 0 ? max / scale : 1;
  const bar: MeterBar = {
    included: scale > 0 ? clamp(Math.min(total, max) / scale) : 0,
    overage: scale > 0 ? clamp(over / scale) : 0,
    limit,
    zone: meter.allowOverages ? 1 - limit : 0,
  };
  const state: MeterState =
    left === 0
      ? 'exhausted'
      : over > 0
        ? 'overage'
        : max > 0 && total >= max * HIGH_SHARE
          ? 'high'
          : 'ok';
  return { state, over, cap, left, bar };
}

/** Counts as people read them: "12,345", grouped in this computer's locale. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat().format(value);
}

/** The meter in one line: "42 of 100 used · 58 left", "108 of 100 used · 8 over the limit". */
export function meterSummary(meter: LsConsumptionMeter): string {
  const reading = readMeter(meter);
  const total = formatCount(meter.total);
  const max = formatCount(meter.max);
  switch (reading.state) {
    case 'unlimited':
      return `${total} used · no limit`;
    case 'exhausted':
      return reading.over > 0
        ? `${total} of ${max} used · ${formatCount(reading.over)} over, no more allowed`
        : `${total} of ${max} used · none left`;
    case 'overage':
      return `${total} of ${max} used · ${formatCount(reading.over)} over the limit`;
    case 'ok':
    case 'high':
      return `${total} of ${max} used · ${formatCount(Math.max(0, meter.max - meter.total))} left`;
    default:
      return assertNever(reading.state);
  }
}

/** What happens past the included amount. */
export function overagesText(meter: LsConsumptionMeter): string {
  if (meter.unlimited) return 'No limit to go over';
  if (!meter.allowOverages) return 'Not allowed';
  return meter.maxOverages > 0
    ? `Up to ${formatCount(meter.maxOverages)} over the limit`
    : 'Allowed, no cap';
}

/** The contract's bound on one recording. */
export const MAX_RECORD = 1_000_000;

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The amount typed in a "Record usage" field, or what is wrong with it. */
export function parseUsageAmount(text: string, meter: LsConsumptionMeter): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Enter how much was used.' };
  if (!/^[-+]?\d+$/.test(trimmed)) return { ok: false, problem: 'Enter a whole number.' };
  const amount = Number(trimmed);
  if (amount === 0) return { ok: false, problem: 'Enter an amount other than 0.' };
  if (Math.abs(amount) > MAX_RECORD) {
    return { ok: false, problem: `Record at most ${MAX_RECORD.toLocaleString('en')} at a time.` };
  }
  if (amount < 0 && !meter.allowNegative) {
    return { ok: false, problem: 'This counter only goes up: enter a positive amount.' };
  }
  const { left } = readMeter(meter);
  if (left !== undefined && amount > left) {
    return {
      ok: false,
      problem:
        left === 0
          ? 'Nothing more can be recorded: the limit is reached.'
          : `Only ${left} more can be recorded${meter.allowOverages ? ', overages included' : ''}.`,
    };
  }
  return { ok: true, value: amount };
}

// ---------------------------------------------------------------------------------------------
// Floating slots and borrowing

/** "2 of 5 slots in use", or the pool's size while nobody has checked yet. */
export function slotsText(floating: Pick<LsFloatingView, 'inUse' | 'max'>): string {
  const slots = floating.max === 1 ? 'slot' : 'slots';
  return floating.inUse === undefined
    ? `${floating.max} ${slots} · not checked yet`
    : `${floating.inUse} of ${floating.max} ${slots} in use`;
}

/** Borrowed (still), held, or neither: what this computer has of a floating pool. */
export function holdState(
  floating: Pick<LsFloatingView, 'held' | 'borrowedUntil'>,
  now: number,
): { readonly label: string; readonly tone: Tone; readonly releasable: boolean } {
  if (floating.borrowedUntil !== undefined && floating.borrowedUntil > now)
    return { label: 'Borrowed by this computer', tone: 'info', releasable: true };
  if (floating.held) return { label: 'Held by this computer', tone: 'success', releasable: true };
  return { label: 'Not held here', tone: 'neutral', releasable: false };
}

/** "12 hours", "3 days", "1 day 6 hours": a borrow limit as people say it. */
export function hoursText(hours: number): string {
  const whole = Math.round(hours);
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days === 0) return plural(rest, 'hour');
  return rest === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(rest, 'hour')}`;
}

/** The latest moment a borrow may end; undefined when the vendor sets no limit here. */
export function latestBorrowEnd(
  now: number,
  maxBorrowHours: number | undefined,
): number | undefined {
  return maxBorrowHours !== undefined && maxBorrowHours > 0
    ? now + maxBorrowHours * HOUR
    : undefined;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A moment as a `datetime-local` value ("2026-05-01T09:30"), in this computer's time zone. */
export function toLocalInputValue(at: number): string {
  const date = new Date(at);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
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
  const iso = localDateTimeToIso(value);
  if (iso === undefined) return { ok: true, value: undefined };
  if (iso === null) return { ok: false, problem: 'Enter a full date and time, or leave it empty.' };
  const at = Date.parse(iso);
  if (at <= now) return { ok: false, problem: 'Pick a moment in the future.' };
  const latest = latestBorrowEnd(now, maxBorrowHours);
  // A minute's slack: the field has no seconds, and the limit moves on while the person types.
  if (latest !== undefined && maxBorrowHours !== undefined && at > latest + 60_000) {
    return {
      ok: false,
      problem: `You can borrow for ${hoursText(maxBorrowHours)} at most: until ${formatDateTime(latest)}.`,
    };
  }
  return { ok: true, value: iso };
}

// ---------------------------------------------------------------------------------------------
// The local check

export function localCheckPill(state: LsLocalCheck['state']): { label: string; tone: Tone } {
  switch (state) {
    case 'valid':
      return { label: 'Valid', tone: 'success' };
    case 'grace':
      return { label: 'Grace period', tone: 'warning' };
    case 'expired':
      return { label: 'Expired', tone: 'danger' };
    case 'clock_moved_back':
      return { label: 'Clock set back', tone: 'danger' };
    default:
      return assertNever(state);
  }
}

export interface LocalCheckNotice {
  readonly tone: 'warning' | 'danger';
  readonly title: string;
  /** What to do about it. */
  readonly advice: string;
}

/** The callout for a local check that is not simply valid; nothing while it is. */
export function localCheckNotice(
  check: LsLocalCheck,
  formatDay: (at: number) => string,
): LocalCheckNotice | undefined {
  switch (check.state) {
    case 'valid':
      return undefined;
    case 'grace':
      return {
        tone: 'warning',
        title:
          check.graceUntil !== undefined
            ? `Running on the grace period until ${formatDay(check.graceUntil)}`
            : 'Running on the grace period',
        advice:
          'Connect to the internet and choose Check with server before the grace period ends. If the licence has run out, renew it with your vendor first.',
      };
    case 'expired':
      return {
        tone: 'danger',
        title: 'This licence has expired',
        advice:
          'Its validity and any grace period are over. Renew it with your vendor, then choose Check with server.',
      };
    case 'clock_moved_back':
      return {
        tone: 'danger',
        title: "This computer's clock was set back",
        advice:
          'Its date is earlier than a time this app has already seen, so no date here can be trusted. Set the correct date and time, then choose Check with server to confirm the licence.',
      };
    default:
      return assertNever(check.state);
  }
}

// ---------------------------------------------------------------------------------------------
// Actions: their identity, what they did, and what their failures mean

/** Every action on the Licence and Features screens; each has its own outcome beside its button. */
export type LsAction =
  | { readonly kind: 'refresh' }
  | { readonly kind: 'borrow'; readonly until?: string }
  | { readonly kind: 'release' }
  | { readonly kind: 'consume'; readonly amount: number }
  | { readonly kind: 'feature-check'; readonly feature: string }
  | { readonly kind: 'feature-borrow'; readonly feature: string; readonly until?: string }
  | { readonly kind: 'feature-release'; readonly feature: string }
  | { readonly kind: 'feature-consume'; readonly feature: string; readonly amount: number };

export type LsActionKind = LsAction['kind'];

/** Names one action's outcome slot: the kind, and the feature it is about (codes have no spaces). */
export function actionKey(kind: LsActionKind, feature?: string): string {
  return feature === undefined ? kind : `${kind} ${feature}`;
}

export function keyOf(action: LsAction): string {
  return actionKey(action.kind, 'feature' in action ? action.feature : undefined);
}

/** A feature's name for sentences, falling back to its code. */
function featureName(details: LsLicenceDetails, code: string): string {
  return details.features.find((feature) => feature.code === code)?.name ?? code;
}

/** While it runs, for the screen's live region: "Checking Floating seats…". */
export function actionPending(action: LsAction, details: LsLicenceDetails): string {
  switch (action.kind) {
    case 'refresh':
      return 'Checking the licence with the server…';
    case 'borrow':
      return 'Borrowing the licence…';
    case 'release':
      return 'Releasing the floating slot…';
    case 'consume':
      return 'Recording usage…';
    case 'feature-check':
      return `Checking ${featureName(details, action.feature)}…`;
    case 'feature-borrow':
      return `Borrowing ${featureName(details, action.feature)}…`;
    case 'feature-release':
      return `Releasing ${featureName(details, action.feature)}…`;
    case 'feature-consume':
      return `Recording usage of ${featureName(details, action.feature)}…`;
    default:
      return assertNever(action);
  }
}

const borrowedText = (until: number | undefined): string =>
  until !== undefined ? `Borrowed until ${formatDateTime(until)}.` : 'Borrowed.';

/**
 * What an action did, read off the details it returned: shown beside its button and read aloud.
 * Sentences name the feature, since the live region speaks without the card around it.
 */
export function actionNote(action: LsAction, after: LsLicenceDetails): string {
  switch (action.kind) {
    case 'refresh':
      return `Checked with the server: ${localCheckPill(after.localCheck.state).label.toLowerCase()}.`;
    case 'borrow':
      return borrowedText(after.floating?.borrowedUntil);
    case 'release':
      return 'Floating slot released.';
    case 'consume':
      return after.consumption
        ? `Recorded ${action.amount}: ${meterSummary(after.consumption)}.`
        : `Recorded ${action.amount}.`;
    default:
      return featureNote(action, after);
  }
}

function featureNote(
  action: Extract<LsAction, { feature: string }>,
  after: LsLicenceDetails,
): string {
  const feature = after.features.find((candidate) => candidate.code === action.feature);
  const name = feature?.name ?? action.feature;
  switch (action.kind) {
    case 'feature-check':
      return feature?.floating
        ? `${name} checked: ${feature.floating.held ? 'slot held' : 'no slot held'} · ${slotsText(feature.floating)}.`
        : `${name} checked: available.`;
    case 'feature-borrow':
      return `${name}: ${borrowedText(feature?.floating?.borrowedUntil)}`;
    case 'feature-release':
      return `${name} released.`;
    case 'feature-consume':
      return feature?.consumption
        ? `Recorded ${action.amount} on ${name}: ${meterSummary(feature.consumption)}.`
        : `Recorded ${action.amount} on ${name}.`;
    default:
      return assertNever(action);
  }
}

/**
 * The headline of a failed action, when its code means something more precise here than the
 * generic title; the core's message underneath says exactly what.
 */
export function actionErrorTitle(kind: LsActionKind, error: AppError): string | undefined {
  const onFeature = kind.startsWith('feature-');
  switch (error.code) {
    case 'seat_unavailable':
      if (kind === 'consume' || kind === 'feature-consume') return 'The usage limit is reached';
      if (kind === 'borrow') return 'Every floating slot is in use';
      if (kind === 'feature-check' || kind === 'feature-borrow')
        return 'Every slot of this feature is in use';
      return undefined;
    case 'license_expired':
      return onFeature ? 'This feature has expired' : undefined;
    case 'invalid_input':
      if (kind === 'consume' || kind === 'feature-consume') return 'Check the amount';
      if (kind === 'borrow' || kind === 'feature-borrow') return 'Check the borrow date';
      return undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Trials

/** "Start a 14-day trial". */
export function trialButtonLabel(days: number): string {
  return days > 0 ? `Start a ${days}-day trial` : 'Start a trial';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The optional email of a trial: empty is fine, anything else must look like an address. */
export function parseTrialEmail(text: string): Checked<string | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    return {
      ok: false,
      problem: 'Enter an email address like name@example.com, or leave it empty.',
    };
  }
  return { ok: true, value: trimmed };
}
