import type { AppError } from '../../../shared/errors';
import type {
  LsConsumptionMeter,
  LsFeatureView,
  LsFloatingView,
  LsLicenceDetails,
  LsLocalCheck,
} from '../../../shared/licensespring-model';
import { assertNever } from './assert-never';
import { localDateTimeToIso } from './format';
import { tLicensespring } from '../i18n/licensespring.en';
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

/** The licence type's name, and what it means for the person who has it. */
export const licenseTypeText = (type: LsLicenseType) => tLicensespring().licenseTypes[type];

export const featureTypeLabel = (type: LsFeatureView['type']): string =>
  tLicensespring().featureTypes[type];

export const resetPeriodLabel = (period: LsResetPeriod | undefined): string =>
  tLicensespring().resets[period ?? 'never'];

/** "3 of 5 used", or "3 used · no limit" when the vendor set none. */
export function activationsText(activations: LsLicenceDetails['activations']): string {
  const t = tLicensespring().counts;
  return activations.unlimited
    ? t.usedNoLimit(activations.used)
    : t.usedOf(activations.used, activations.max);
}

/** LicenseSpring counts a maximum of 0 transfers as "no limit", and -1 as none allowed. */
export function transfersText(transfers: LsLicenceDetails['transfers']): string {
  const t = tLicensespring().counts;
  if (!transfers.allowed) return t.transfersNotAllowed;
  return transfers.max === 0
    ? t.usedNoLimit(transfers.used)
    : t.usedOf(transfers.used, transfers.max);
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

/** The meter in one line: "42 of 100 used · 58 left", "108 of 100 used · 8 over the limit". */
export function meterSummary(meter: LsConsumptionMeter): string {
  const t = tLicensespring().meter;
  const reading = readMeter(meter);
  const { total, max } = meter;
  switch (reading.state) {
    case 'unlimited':
      return t.unlimited(total);
    case 'exhausted':
      return reading.over > 0 ? t.exhaustedOver(total, max, reading.over) : t.exhausted(total, max);
    case 'overage':
      return t.overage(total, max, reading.over);
    case 'ok':
    case 'high':
      return t.left(total, max, Math.max(0, max - total));
    default:
      return assertNever(reading.state);
  }
}

/** What happens past the included amount. */
export function overagesText(meter: LsConsumptionMeter): string {
  const t = tLicensespring().overages;
  if (meter.unlimited) return t.unlimited;
  if (!meter.allowOverages) return t.notAllowed;
  return meter.maxOverages > 0 ? t.upTo(meter.maxOverages) : t.uncapped;
}

/** The contract's bound on one recording. */
export const MAX_RECORD = 1_000_000;

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The amount typed in a "Record usage" field, or what is wrong with it. */
export function parseUsageAmount(text: string, meter: LsConsumptionMeter): Checked<number> {
  const t = tLicensespring().usageProblems;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: t.empty };
  if (!/^[-+]?\d+$/.test(trimmed)) return { ok: false, problem: t.notWhole };
  const amount = Number(trimmed);
  if (amount === 0) return { ok: false, problem: t.zero };
  if (Math.abs(amount) > MAX_RECORD) return { ok: false, problem: t.tooMuch(MAX_RECORD) };
  if (amount < 0 && !meter.allowNegative) return { ok: false, problem: t.upOnly };
  const { left } = readMeter(meter);
  if (left !== undefined && amount > left) {
    const problem =
      left === 0
        ? t.limitReached
        : meter.allowOverages
          ? t.onlyLeftWithOverages(left)
          : t.onlyLeft(left);
    return { ok: false, problem };
  }
  return { ok: true, value: amount };
}

// ---------------------------------------------------------------------------------------------
// Floating slots and borrowing

/** "2 of 5 slots in use", or the pool's size while nobody has checked yet. */
export function slotsText(floating: Pick<LsFloatingView, 'inUse' | 'max'>): string {
  const t = tLicensespring().slots;
  return floating.inUse === undefined
    ? t.notChecked(floating.max)
    : t.inUse(floating.inUse, floating.max);
}

/** Borrowed (still), held, or neither: what this computer has of a floating pool. */
export function holdState(
  floating: Pick<LsFloatingView, 'held' | 'borrowedUntil'>,
  now: number,
): { readonly label: string; readonly tone: Tone; readonly releasable: boolean } {
  const t = tLicensespring().hold;
  if (floating.borrowedUntil !== undefined && floating.borrowedUntil > now)
    return { label: t.borrowed, tone: 'info', releasable: true };
  if (floating.held) return { label: t.held, tone: 'success', releasable: true };
  return { label: t.notHeld, tone: 'neutral', releasable: false };
}

/** "12 hours", "3 days", "1 day 6 hours": a borrow limit as people say it. */
export function hoursText(hours: number): string {
  const whole = Math.round(hours);
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  const t = tLicensespring().durations;
  if (days === 0) return t.hours(rest);
  return rest === 0 ? t.days(days) : t.daysHours(days, rest);
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
  const t = tLicensespring().borrowProblems;
  const iso = localDateTimeToIso(value);
  if (iso === undefined) return { ok: true, value: undefined };
  if (iso === null) return { ok: false, problem: t.incomplete };
  const at = Date.parse(iso);
  if (at <= now) return { ok: false, problem: t.past };
  const latest = latestBorrowEnd(now, maxBorrowHours);
  // A minute's slack: the field has no seconds, and the limit moves on while the person types.
  if (latest !== undefined && maxBorrowHours !== undefined && at > latest + 60_000) {
    return { ok: false, problem: t.beyondLimit(hoursText(maxBorrowHours), formatDateTime(latest)) };
  }
  return { ok: true, value: iso };
}

// ---------------------------------------------------------------------------------------------
// The local check

export function localCheckPill(state: LsLocalCheck['state']): { label: string; tone: Tone } {
  return { label: tLicensespring().localCheck.pills[state], tone: CHECK_TONES[state] };
}

const CHECK_TONES: Readonly<Record<LsLocalCheck['state'], Tone>> = {
  valid: 'success',
  grace: 'warning',
  expired: 'danger',
  clock_moved_back: 'danger',
};

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
  const t = tLicensespring().localCheck;
  switch (check.state) {
    case 'valid':
      return undefined;
    case 'grace':
      return {
        tone: 'warning',
        title: check.graceUntil !== undefined ? t.graceUntil(formatDay(check.graceUntil)) : t.grace,
        advice: t.graceAdvice,
      };
    case 'expired':
      return { tone: 'danger', title: t.expiredTitle, advice: t.expiredAdvice };
    case 'clock_moved_back':
      return { tone: 'danger', title: t.clockTitle, advice: t.clockAdvice };
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
  const t = tLicensespring().pending;
  return 'feature' in action
    ? t[action.kind](featureName(details, action.feature))
    : t[action.kind];
}

/**
 * What an action did, read off the details it returned: shown beside its button and read aloud.
 * Sentences name the feature, since the live region speaks without the card around it.
 */
export function actionNote(action: LsAction, after: LsLicenceDetails): string {
  const t = tLicensespring().notes;
  switch (action.kind) {
    case 'refresh':
      return t.refreshed(tLicensespring().localCheck.verdicts[after.localCheck.state]);
    case 'borrow': {
      const until = after.floating?.borrowedUntil;
      return until !== undefined ? t.borrowedUntil(formatDateTime(until)) : t.borrowed;
    }
    case 'release':
      return t.released;
    case 'consume':
      return after.consumption
        ? t.recordedMeter(action.amount, meterSummary(after.consumption))
        : t.recorded(action.amount);
  }
  const feature = after.features.find((candidate) => candidate.code === action.feature);
  const name = feature?.name ?? action.feature;
  switch (action.kind) {
    case 'feature-check':
      if (!feature?.floating) return t.featureAvailable(name);
      return feature.floating.held
        ? t.featureSlotHeld(name, slotsText(feature.floating))
        : t.featureNoSlot(name, slotsText(feature.floating));
    case 'feature-borrow': {
      const until = feature?.floating?.borrowedUntil;
      return until !== undefined
        ? t.featureBorrowedUntil(name, formatDateTime(until))
        : t.featureBorrowed(name);
    }
    case 'feature-release':
      return t.featureReleased(name);
    case 'feature-consume':
      return feature?.consumption
        ? t.featureRecordedMeter(action.amount, name, meterSummary(feature.consumption))
        : t.featureRecorded(action.amount, name);
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
  const t = tLicensespring().errorTitles;
  switch (error.code) {
    case 'seat_unavailable':
      if (kind === 'consume' || kind === 'feature-consume') return t.usageLimit;
      if (kind === 'borrow') return t.allSlots;
      if (kind === 'feature-check' || kind === 'feature-borrow') return t.allFeatureSlots;
      return undefined;
    case 'license_expired':
      return onFeature ? t.featureExpired : undefined;
    case 'invalid_input':
      if (kind === 'consume' || kind === 'feature-consume') return t.checkAmount;
      if (kind === 'borrow' || kind === 'feature-borrow') return t.checkBorrowDate;
      return undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Trials

/** "Start a 14-day trial". */
export function trialButtonLabel(days: number): string {
  const t = tLicensespring().trial;
  return days > 0 ? t.startDays(days) : t.start;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The optional email of a trial: empty is fine, anything else must look like an address. */
export function parseTrialEmail(text: string): Checked<string | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    return { ok: false, problem: tLicensespring().trial.emailProblem };
  }
  return { ok: true, value: trimmed };
}
