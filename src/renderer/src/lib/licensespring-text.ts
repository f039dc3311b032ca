import type { AppError } from '../../../shared/errors';
import type {
  LsConsumptionMeter,
  LsFeatureView,
  LsFloatingView,
  LsLicenceDetails,
  LsLocalCheck,
} from '../../../shared/licensespring-model';
import { assertNever } from './assert-never';
import { tLicensespring } from '../i18n/licensespring.en';
import { formatDateTime } from './format';
import type { LsAction, LsActionKind } from './licensespring-actions';
import { readMeter } from './licensespring-meter';
import type { Tone } from './tone';

/**
 * Words for the LicenseSpring screens (Licence, Features, the trial offer), in one place so the
 * cards, the forms and the announcements agree. The logic they word lives beside them: meter maths
 * in licensespring-meter, actions in licensespring-actions, form checks in
 * licensespring-form-checks, borrow times in borrow-time. Pure: no DOM, no storage, no clock
 * (callers pass `now`).
 */

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
// Actions: what they did, and what their failures mean

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
