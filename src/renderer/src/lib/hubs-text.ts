import type { AppError, ErrorCode } from '../../../shared/errors';
import {
  hubDraftSchema,
  LICENCE_CODE_PATTERN,
  type FleetProgress,
  type HubCertificate,
  type HubDraft,
  type HubImportResult,
  type HubLicenceView,
  type HubView,
} from '../../../shared/hubs-model';
import type { HubsTextMessages } from '../i18n/hubs-text.en';
import { tHubs } from '../i18n/hubs.en';
import { formatNumber } from '../i18n/messages';
import { assertNever } from './assert-never';
import { licenceTypeLabel } from './eniris-text';
import type { Tone } from './tone';

/**
 * Words, checks, filters and orderings of the MobiusFlow hubs screen, in one place so the fleet
 * table, the side panel, the chips and the announcements agree. The words themselves are in the
 * catalogue (i18n/hubs-text.en.ts and its translations). Pure: no DOM, no storage, no clock
 * (callers pass `now`), so a fleet of 1,000 hubs is tested without a browser.
 */

type HubsMessagesText = HubsTextMessages;

/** This module's words in the active language. */
const words = (): HubsMessagesText => tHubs().text;

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
const ERROR_LABELS: Readonly<Record<ErrorCode, keyof HubsMessagesText['error']>> = {
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
// Filters and search

export const FLEET_FILTERS = [
  'all',
  'invalid',
  'inactive',
  'nearlyFull',
  'unreachable',
  'errors',
] as const;
export type FleetFilter = (typeof FLEET_FILTERS)[number];
export type FilterCounts = Readonly<Record<FleetFilter, number>>;

export function filterLabel(filter: FleetFilter): string {
  return words().filter[filter];
}

export function matchesFilter(hub: HubView, filter: FleetFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'invalid':
      return hub.licence?.isValid === false;
    case 'inactive':
      return hub.licence?.isActive === false;
    case 'nearlyFull':
      return isNearlyFull(hub.licence);
    case 'unreachable':
      return isUnreachable(hub.lastError);
    case 'errors':
      return hub.lastError !== undefined;
    default:
      return assertNever(filter);
  }
}

/** What the search box looks in: name, site, hid and host, lower-cased once per hub version. */
export function searchText(hub: HubView): string {
  return `${hub.name}\n${hub.site}\n${hub.hid}\n${hub.host}`.toLowerCase();
}

/** The words typed, lower-cased; every one must appear ("site b 0a" finds hub 0A1F3 on Site B). */
export function searchTerms(query: string): readonly string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesSearch(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}

// ---------------------------------------------------------------------------------------------
// Sorting

export const SORT_KEYS = [
  'hub',
  'hid',
  'host',
  'type',
  'valid',
  'active',
  'usage',
  'refreshed',
  'error',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_SORT: SortOrder = { key: 'hub', direction: 'ascending' };

/** The first click on a column: the fullest and the latest are what an engineer looks for. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'usage' || key === 'refreshed' ? 'descending' : 'ascending';
}

/** A click on a column header: the same column flips, another starts at its first direction. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type SortValue = string | number | undefined;

/** The value a column sorts by; undefined (never read, no error) always sorts last. */
function sortValue(hub: HubView, key: SortKey): SortValue {
  const licence = hub.licence;
  switch (key) {
    case 'hub':
      return `${hub.name}\u0000${hub.site}`;
    case 'hid':
      return hub.hid.toLowerCase();
    case 'host':
      return `${hub.host}\u0000${String(hub.port).padStart(5, '0')}`;
    case 'type':
      return licence?.type;
    // Problems first in ascending order: invalid (0) before valid (1).
    case 'valid':
      return licence === undefined ? undefined : Number(licence.isValid);
    case 'active':
      return licence === undefined ? undefined : Number(licence.isActive);
    case 'usage':
      return licence === undefined ? undefined : usageRatio(licence);
    case 'refreshed':
      return hub.lastRefreshAt;
    case 'error':
      return hub.lastError ? hubErrorLabel(hub.lastError.code) : undefined;
    default:
      return assertNever(key);
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A comparator for the order: missing values last whichever the direction, ties broken by name,
 * then by inventory id, so the order is total and rows never swap places between refreshes.
 */
export function compareHubs(order: SortOrder): (a: HubView, b: HubView) => number {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const left = sortValue(a, order.key);
    const right = sortValue(b, order.key);
    if (left === undefined || right === undefined) {
      if (left !== right) return left === undefined ? 1 : -1;
    } else {
      const byKey = compareValues(left, right);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

// ---------------------------------------------------------------------------------------------
// The fleet as the table shows it

export interface FleetQuery {
  readonly filter: FleetFilter;
  readonly search: string;
  readonly sort: SortOrder;
}

export interface FleetView {
  /** The ids to show, in order. */
  readonly ids: readonly string[];
  /** Per chip, how many of the hubs matching the search it would show. */
  readonly counts: FilterCounts;
}

/**
 * Filters, counts and sorts in one pass over the fleet. `textOf` lets the caller cache each hub's
 * search text (the store keeps it per hub object), so typing in the search box stays cheap.
 */
export function fleetView(
  hubs: readonly HubView[],
  query: FleetQuery,
  textOf: (hub: HubView) => string = searchText,
): FleetView {
  const terms = searchTerms(query.search);
  const counts: Record<FleetFilter, number> = {
    all: 0,
    invalid: 0,
    inactive: 0,
    nearlyFull: 0,
    unreachable: 0,
    errors: 0,
  };
  const shown: HubView[] = [];
  for (const hub of hubs) {
    if (terms.length > 0 && !matchesSearch(textOf(hub), terms)) continue;
    for (const filter of FLEET_FILTERS) if (matchesFilter(hub, filter)) counts[filter] += 1;
    if (matchesFilter(hub, query.filter)) shown.push(hub);
  }
  shown.sort(compareHubs(query.sort));
  return { ids: shown.map((hub) => hub.id), counts };
}

// ---------------------------------------------------------------------------------------------
// Addresses, progress, files

/** "https://10.0.4.12:8443/hubs/01": where the app reaches the hub. */
export function hubAddress(hub: Pick<HubView, 'scheme' | 'host' | 'port' | 'basePath'>): string {
  return `${hub.scheme}://${hub.host}:${hub.port}${hub.basePath}`;
}

/** The share of a refresh done, 0 to 1 (1 for an empty run, which has nothing left to do). */
export function progressRatio(progress: FleetProgress): number {
  return progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
}

/** "412 of 1,000 hubs · 3 failed". */
export function progressText({ done, total, failed }: FleetProgress): string {
  const { progress } = words();
  return failed > 0
    ? progress.runningWithFailures(done, total, failed)
    : progress.running(done, total);
}

/** What a finished refresh-all did, for the live region and the line under the button. */
export function refreshSummary({ done, total, failed }: FleetProgress): string {
  const { progress } = words();
  return failed > 0
    ? progress.refreshedWithFailures(total, done - failed, failed)
    : progress.refreshed(total, done - failed);
}

/** "Added 990 hubs and updated 5. 3 lines were not imported." */
export function importSummary(
  result: Pick<HubImportResult, 'added' | 'updated' | 'rejected'>,
): string {
  const { imported } = words();
  const changed = imported.changed(result.added, result.updated);
  const rejected = result.rejected.length;
  return rejected === 0 ? changed : `${changed} ${imported.rejected(rejected)}`;
}

const two = (value: number): string => String(value).padStart(2, '0');

/** "mobiusflow-hubs-2025-05-01-1405.csv", in local time: named for when it was taken. */
export function csvFileName(kind: 'inventory' | 'report', at: Date): string {
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  return kind === 'inventory'
    ? `mobiusflow-hubs-${stamp}.csv`
    : `mobiusflow-licence-report-${stamp}.csv`;
}

// ---------------------------------------------------------------------------------------------
// Importing a large CSV in pieces

export interface CsvRecord {
  readonly text: string;
  /** The file's line the record starts on (1-based; the header is line 1). */
  readonly line: number;
}

/**
 * The records of a CSV, each with the line it starts on. A line break inside a quoted field is
 * part of its record, not the end of it; blank lines are skipped (they still count as lines).
 */
export function csvRecords(csv: string): readonly CsvRecord[] {
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  const push = (end: number): void => {
    const text = csv.slice(start, end).replace(/\r$/, '');
    if (text.trim() !== '') records.push({ text, line: startLine });
  };
  for (let index = 0; index < csv.length; index += 1) {
    const char = csv[index];
    if (char === '"') quoted = !quoted;
    if (char !== '\n') continue;
    line += 1;
    if (quoted) continue;
    push(index);
    start = index + 1;
    startLine = line;
  }
  push(csv.length);
  return records;
}

export interface CsvChunk {
  /** The header, then some of the records: a CSV the core imports on its own. */
  readonly csv: string;
  /** The file's line of each record in the piece, in order (the header not included). */
  readonly lines: readonly number[];
}

/**
 * An inventory CSV as pieces of at most about `maxChars`, each starting with the header, so a
 * large file goes to the core in several calls: each stays under what a host accepts in one
 * request, and the screen can show how far the import has got. A record longer than the limit
 * travels alone. A file without records goes whole, for the core to say what is wrong with it.
 */
export function chunkCsv(csv: string, maxChars: number): readonly CsvChunk[] {
  const [header, ...records] = csvRecords(csv);
  if (!header || records.length === 0) return [{ csv, lines: [] }];
  const chunks: CsvChunk[] = [];
  let texts: string[] = [];
  let lines: number[] = [];
  let size = header.text.length + 2;
  const close = (): void => {
    if (texts.length === 0) return;
    chunks.push({ csv: `${[header.text, ...texts].join('\r\n')}\r\n`, lines });
    texts = [];
    lines = [];
    size = header.text.length + 2;
  };
  for (const record of records) {
    if (texts.length > 0 && size + record.text.length + 2 > maxChars) close();
    texts.push(record.text);
    lines.push(record.line);
    size += record.text.length + 2;
  }
  close();
  return chunks;
}

/** A piece's line number (header = 1, its records from 2) as the line of the whole file. */
export function fileLine(chunk: CsvChunk, line: number): number {
  return chunk.lines[line - 2] ?? line;
}

// ---------------------------------------------------------------------------------------------
// Certificates

export type CertificateTrust = 'trusted' | 'untrusted' | 'changed';

/**
 * Trust on first use: a certificate is trusted when it is the pinned one; with no pin yet it is
 * merely untrusted; with a pin and another certificate, it changed (a re-keyed hub, or someone in
 * the middle), which is the one case worth alarm.
 */
export function certificateTrust(
  hub: Pick<HubView, 'tlsFingerprint'>,
  certificate: Pick<HubCertificate, 'pinned'>,
): CertificateTrust {
  if (certificate.pinned) return 'trusted';
  return hub.tlsFingerprint ? 'changed' : 'untrusted';
}

export type CertificatePeriod = 'current' | 'expired' | 'not-yet-valid';

export function certificatePeriod(
  certificate: Pick<HubCertificate, 'validFrom' | 'validTo'>,
  now: number,
): CertificatePeriod {
  if (now < certificate.validFrom) return 'not-yet-valid';
  if (now > certificate.validTo) return 'expired';
  return 'current';
}

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

// ---------------------------------------------------------------------------------------------
// The add / edit form

/** The form's fields in screen order: the first with a problem gets the focus. */
export const HUB_FIELDS = [
  'name',
  'site',
  'scheme',
  'host',
  'port',
  'basePath',
  'hid',
  'lan',
  'username',
  'password',
] as const;
export type HubField = (typeof HUB_FIELDS)[number];

/** What the form holds: text as typed, so a half-typed port is not lost to a number parse. */
export interface HubFormValues {
  readonly name: string;
  readonly site: string;
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: string;
  readonly basePath: string;
  readonly hid: string;
  readonly lan: boolean;
  readonly username: string;
  readonly password: string;
}

export const EMPTY_HUB_FORM: HubFormValues = {
  name: '',
  site: '',
  scheme: 'https',
  host: '',
  port: '8443',
  basePath: '',
  hid: '',
  lan: false,
  username: '',
  password: '',
};

/** An existing hub in the form; the password stays empty ("leave blank to keep"). */
export function formFromHub(hub: HubView): HubFormValues {
  return {
    name: hub.name,
    site: hub.site,
    scheme: hub.scheme,
    host: hub.host,
    port: String(hub.port),
    basePath: hub.basePath,
    hid: hub.hid,
    lan: hub.lan,
    username: hub.username,
    password: '',
  };
}

export type HubFormCheck =
  | { readonly ok: true; readonly draft: HubDraft }
  | { readonly ok: false; readonly problems: Partial<Readonly<Record<HubField, string>>> };

/** "give the hub a name" → "Give the hub a name.": the contract's messages, as sentences. */
function sentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function isHubField(value: unknown): value is HubField {
  return typeof value === 'string' && (HUB_FIELDS as readonly string[]).includes(value);
}

type FormWords = HubsMessagesText['form'];

/** The schema's problems by field and kind, in the catalogue's words (the schema's are English). */
const SCHEMA_PROBLEMS: Readonly<Record<string, keyof FormWords>> = {
  'name:too_small': 'nameMissing',
  'host:too_small': 'hostMissing',
  'host:invalid_format': 'hostShape',
  'basePath:invalid_format': 'basePathShape',
  'hid:invalid_format': 'hidShape',
  'username:too_small': 'usernameMissing',
  'password:too_small': 'passwordMissing',
  'scheme:custom': 'httpOffLan',
};

/** One issue the contract's schema found with a field, as a sentence in the active language. */
function schemaProblem(
  field: HubField,
  issue: { readonly code: string; readonly message: string; readonly maximum?: unknown },
): string {
  const form = words().form;
  const known = SCHEMA_PROBLEMS[`${field}:${issue.code}`];
  const message = known === undefined ? undefined : form[known];
  if (typeof message === 'string') return message;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return form.tooLong(issue.maximum);
  }
  return form.other(sentence(issue.message));
}

/**
 * Checks the form against the contract's own schema (so the screen and the core never disagree),
 * with one message per field. On add a password is required; on edit an empty one keeps the stored.
 */
export function checkHubForm(values: HubFormValues, mode: 'add' | 'edit'): HubFormCheck {
  const form = words().form;
  const problems: Partial<Record<HubField, string>> = {};
  const portText = values.port.trim();
  const port = portText === '' ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
    problems.port = form.port;
  }
  // The contract says this too, but only once every other field parses; said here, it shows at once.
  if (values.scheme === 'http' && !values.lan) {
    problems.scheme = form.httpOffLan;
  }
  if (mode === 'add' && values.password.length === 0) {
    problems.password = form.passwordMissing;
  }
  const draft: HubDraft = {
    name: values.name,
    site: values.site,
    scheme: values.scheme,
    host: values.host,
    ...(port !== undefined && problems.port === undefined ? { port } : {}),
    basePath: values.basePath,
    hid: values.hid,
    lan: values.lan,
    username: values.username,
    ...(values.password.length > 0 ? { password: values.password } : {}),
  };
  const parsed = hubDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isHubField(field) && problems[field] === undefined) {
        problems[field] = schemaProblem(field, issue);
      }
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, draft };
}

/** The first field, in screen order, that has a problem. */
export function firstProblemField(
  problems: Partial<Readonly<Record<HubField, string>>>,
): HubField | undefined {
  return HUB_FIELDS.find((field) => problems[field] !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Answers arriving out of order

/**
 * Of two views of one hub, the one to keep: the incoming one, unless it was read from the hub
 * before the one on screen (a list requested before a refresh event, answered after it).
 */
export function fresherHub(current: HubView | undefined, incoming: HubView): HubView {
  const shown = current?.lastRefreshAt;
  const arriving = incoming.lastRefreshAt;
  if (shown !== undefined && (arriving === undefined || arriving < shown))
    return current ?? incoming;
  return incoming;
}

/**
 * Of two progress reports, the later: events and answers travel on different connections, so a
 * report of an earlier run, or of fewer hubs done in the same run, may arrive last.
 */
export function laterProgress(current: FleetProgress, incoming: FleetProgress): FleetProgress {
  const { startedAt: shown } = current;
  const { startedAt: arriving } = incoming;
  if (shown === undefined || arriving === undefined) return incoming;
  if (arriving < shown) return current;
  if (arriving > shown) return incoming;
  if (!current.running && incoming.running) return current;
  if (incoming.running && incoming.done < current.done) return current;
  return incoming;
}
