import type { AppError, ErrorCode } from '../../../../shared/errors';
import { LICENCE_CODE_PATTERN, type HubLicenceView } from '../../../../shared/hubs-model';
import type { HubsTextMessages } from '../../i18n/hubs-text.en';
import { formatNumber } from '../../i18n/messages';
import { licenceTypeLabel } from '../eniris-text';
import type { Tone } from '../tone';
import { hubsWords as words } from './hubs-words';

/**
 * What a hub's licence reads as: its usage, its state, what is worrying about it, a hub's error in
 * a word or two, and whether a typed licence code may be sent. Pure: no DOM, no storage, no clock,
 * so a fleet of 1,000 hubs is tested without a browser.
 */

// ---------------------------------------------------------------------------------------------
// Numbers and usage

/** "1,000" (or "1.000") in the active language's region. */
export function formatCount(value: number): string {
  return formatNumber(value);
}

/** The fraction of the licence in use, or undefined when the licence sets no size. */
export function usageRatio(licence: HubLicenceView): number | undefined {
  return licence.size > 0 ? licence.used / licence.size : undefined;
}

/**
 * Over 90 % used: the licence will soon refuse new objects. Strictly above, as the engine's own
 * counters read it (used > 0.9 × size).
 */
export function isNearlyFull(licence: HubLicenceView | undefined): boolean {
  return licence !== undefined && licence.size > 0 && licence.used > 0.9 * licence.size;
}

/**
 * "85 %". Whole percents, rounded down so a licence never reads fuller than it is, except just
 * above 90, where "90 %" would sit oddly under the "Over 90 %" chip: there a decimal (or ">90")
 * shows.
 */
export function usagePercentText(licence: HubLicenceView): string {
  const ratio = usageRatio(licence);
  if (ratio === undefined) return '—';
  const percent = ratio * 100;
  if (percent > 0 && percent < 1) return '<1\u00a0%';
  if (percent > 90 && percent < 91) {
    const tenths = Math.floor(percent * 10) / 10;
    return tenths > 90 ? `${formatCount(tenths)}\u00a0%` : '>90\u00a0%';
  }
  return `${formatCount(Math.floor(percent))}\u00a0%`;
}

/** "850 of 1,000 points". */
export function usageText(licence: HubLicenceView): string {
  const { usage } = words();
  return licence.isObjectBased
    ? usage.objects(licence.used, licence.size)
    : usage.points(licence.used, licence.size);
}

/** "1,000 points": the licence's size in its unit. */
export function sizeText(licence: HubLicenceView): string {
  const { usage } = words();
  return licence.isObjectBased ? usage.sizeObjects(licence.size) : usage.sizePoints(licence.size);
}

/** The facts behind the usage figure, short enough for a table cell: objects, rate, points map. */
export function usageDetails(licence: HubLicenceView): readonly string[] {
  const { usage } = words();
  const details: string[] = [];
  if (licence.isObjectBased) {
    details.push(usage.pointsPerObject(licence.pointsPerObject));
  } else {
    details.push(usage.objectCount(licence.objectCount));
  }
  if (licence.useCustomPointsMap) details.push(usage.customPointsMap);
  return details;
}

// ---------------------------------------------------------------------------------------------
// States and errors

export interface StateText {
  readonly label: string;
  readonly tone: Tone;
}

export function validityText(licence: HubLicenceView | undefined): StateText {
  const { state } = words();
  if (!licence) return { label: state.notRead, tone: 'neutral' };
  return licence.isValid
    ? { label: state.valid, tone: 'success' }
    : { label: state.invalid, tone: 'danger' };
}

export function activityText(licence: HubLicenceView | undefined): StateText {
  const { state } = words();
  if (!licence) return { label: state.notRead, tone: 'neutral' };
  return licence.isActive
    ? { label: state.active, tone: 'success' }
    : { label: state.inactive, tone: 'warning' };
}

export interface Concern {
  readonly tone: 'danger' | 'warning';
  readonly text: string;
}

/**
 * What an engineer should not miss about a licence a hub reports, worst first: after a code change
 * these are the reasons to stop and check (a code for another product, a licence too small for
 * what the hub already runs).
 */
export function licenceConcerns(licence: HubLicenceView): readonly Concern[] {
  const { concern } = words();
  const concerns: Concern[] = [];
  if (!licence.isValid) concerns.push({ tone: 'danger', text: concern.notValid });
  if (!licence.isActive) concerns.push({ tone: 'warning', text: concern.notActive });
  if (licence.used > licence.size) {
    concerns.push({ tone: 'warning', text: concern.overLimit(usageText(licence)) });
  } else if (isNearlyFull(licence)) {
    concerns.push({ tone: 'warning', text: concern.nearlyFull(usageText(licence)) });
  }
  return concerns;
}

/** "Production, 1,000 points": a licence in a few words, to say what a code stands for. */
export function licenceSummary(licence: HubLicenceView): string {
  const { usage } = words();
  const type = licenceTypeLabel(licence.type);
  return licence.isObjectBased
    ? usage.summaryObjects(type, licence.size)
    : usage.summaryPoints(type, licence.size);
}

/** "Production", "Trial"; a dash before the hub was read. */
export function hubLicenceType(licence: HubLicenceView | undefined): string {
  return licence ? licenceTypeLabel(licence.type) : '—';
}

/**
 * "a5d6…308f" for "a5d6••••-••••-…-••••308f": the core masks a code to its ends, and a MobiusFlow
 * code is 8 groups of 16 digits, so the full mask is a line of dots. The ends are what it shows.
 */
export function shortCodeLabel(label: string): string {
  if (!label.includes('•')) return label;
  const head = (/^[^•]*/.exec(label)?.[0] ?? '').replace(/[-_.\s]+$/, '');
  const tail = (/[^•]*$/.exec(label)?.[0] ?? '').replace(/^[-_.\s]+/, '');
  return head || tail ? `${head}…${tail}` : '••••';
}

/** The hub could not be reached at all (as opposed to answering with a refusal or nonsense). */
export function isUnreachable(error: AppError | undefined): boolean {
  return error?.code === 'offline' || error?.code === 'timeout';
}

/**
 * A word or two for the table's error column; the full message goes in its tooltip and in the
 * side panel. Written for a hub, where the generic titles speak of a licensing server.
 */
export function hubErrorLabel(code: ErrorCode): string {
  return words().error[ERROR_LABELS[code]];
}

/** Every code has its label (the compiler checks); licence codes share one, as hubs have none. */
const ERROR_LABELS: Readonly<Record<ErrorCode, keyof HubsTextMessages['error']>> = {
  offline: 'offline',
  timeout: 'timeout',
  invalid_credentials: 'signInRefused',
  unauthorized: 'signInRefused',
  server_error: 'serverError',
  protocol: 'protocol',
  tampered: 'tampered',
  rate_limited: 'rateLimited',
  invalid_input: 'invalidInput',
  invalid_key: 'invalidKey',
  config: 'config',
  secret_store: 'secretStore',
  storage: 'storage',
  seat_unavailable: 'licence',
  license_expired: 'licence',
  license_revoked: 'licence',
  seat_lost: 'licence',
  not_activated: 'licence',
  invalid_file: 'licence',
  wrong_product: 'licence',
  wrong_machine: 'licence',
  internal: 'internal',
};

// ---------------------------------------------------------------------------------------------
// Licence codes

/** Codes arrive wrapped from e-mails and PDFs: spaces and line breaks are never part of one. */
export function cleanLicenceCode(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A message for the engineer, or null when the code may be sent. */
export function licenceCodeProblem(code: string): string | null {
  const problem = words().code;
  const cleaned = cleanLicenceCode(code);
  if (cleaned.length === 0) return problem.missing;
  if (cleaned.length > 1000) return problem.tooLong;
  if (!LICENCE_CODE_PATTERN.test(cleaned)) return problem.shape;
  return null;
}
