import { hubDraftSchema, type ParsedHubDraft } from '../../shared/hubs-model';
import { issuesAsTexts } from '../../shared/issue-text';
import type { HubRecord } from './hub-records';
import { hubs } from '../../shared/texts/hubs.en';
import type { Wording } from '../../shared/text';
import { guardFormula, parseCsv, serialiseCsv, unguardFormula, type LineProblem } from './csv';
import { draftProblems, said } from './hub-problems';

/**
 * The inventory as CSV, for bulk entry in a spreadsheet and for moving a fleet between laptops.
 * Export never contains passwords (the column stays, empty, so the same sheet can be filled in
 * and imported). Import reads each line on its own: a bad line is reported with its number and
 * why, and the good ones still go in.
 */

export const INVENTORY_COLUMNS = [
  'name',
  'site',
  'scheme',
  'host',
  'port',
  'base_path',
  'hid',
  'lan',
  'username',
  'password',
] as const;
type Column = (typeof INVENTORY_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'host', 'hid', 'username'];

export interface InventoryLine {
  readonly line: number;
  readonly draft: ParsedHubDraft;
}

export interface InventoryCsv {
  readonly lines: readonly InventoryLine[];
  readonly rejected: readonly LineProblem[];
}

const FIELD_OF: Readonly<Record<Column, keyof ParsedHubDraft>> = {
  name: 'name',
  site: 'site',
  scheme: 'scheme',
  host: 'host',
  port: 'port',
  base_path: 'basePath',
  hid: 'hid',
  lan: 'lan',
  username: 'username',
  password: 'password',
};
const COLUMN_OF = new Map(Object.entries(FIELD_OF).map(([column, field]) => [field, column]));

/** Other names people give the columns. */
const ALIASES: Readonly<Record<string, Column>> = {
  user_name: 'username',
  user: 'username',
  basepath: 'base_path',
  hub_id: 'hid',
};

/** "Base Path", "base-path", "basePath" all name base_path. */
function columnName(header: string): string {
  const name = header
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  // Own keys only: ALIASES["__proto__"] is Object.prototype, which made the message name the
  // column "[object Object]" (and "constructor" a function) instead of what was written.
  return Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
}

const isColumn = (name: string): name is Column =>
  (INVENTORY_COLUMNS as readonly string[]).includes(name);

function readHeader(cells: readonly string[]): Column[] | Wording {
  const columns = cells.map(columnName);
  const unknown = columns.filter((name) => !isColumn(name));
  if (unknown.length > 0) {
    return said(
      hubs.csvUnknownColumns({
        columns: unknown.map((name) => `"${name}"`).join(', '),
        known: INVENTORY_COLUMNS.join(','),
      }),
    );
  }
  const repeated = columns.find((name, index) => columns.indexOf(name) !== index);
  if (repeated) return said(hubs.csvColumnTwice({ column: repeated }));
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0)
    return said(hubs.csvMissingColumns({ count: missing.length, columns: missing.join(', ') }));
  return columns as Column[];
}

/** A refusal rather than a draft: drafts have no `message`. */
const isWording = (value: ParsedHubDraft | Wording): value is Wording => 'message' in value;

const YES = /^(true|yes|y|1|x)$/i;
const NO = /^(false|no|n|0|)$/i;

/** One line as a draft, or why it cannot be one. */
function readLine(columns: readonly Column[], cells: readonly string[]): ParsedHubDraft | Wording {
  if (cells.length > columns.length) {
    return said(hubs.csvTooManyFields({ fields: cells.length, columns: columns.length }));
  }
  const raw: Record<string, unknown> = {};
  for (const [index, column] of columns.entries()) {
    // Passwords are taken exactly as typed; everything else loses surrounding spaces.
    const cell = cells[index] ?? '';
    const value = column === 'password' ? cell : unguardFormula(cell.trim());
    // An empty optional cell takes the form's default; an empty required one gets its message.
    if (value === '' && column !== 'lan' && !REQUIRED.includes(column)) continue;
    if (column === 'port') {
      if (!/^\d{1,5}$/.test(value)) return said(hubs.csvNotAPort({ value: value.slice(0, 20) }));
      raw.port = Number(value);
    } else if (column === 'lan') {
      if (!YES.test(value) && !NO.test(value))
        return said(hubs.csvLanYesNo({ value: value.slice(0, 20) }));
      raw.lan = YES.test(value);
    } else {
      raw[FIELD_OF[column]] = column === 'scheme' ? value.toLowerCase() : value;
    }
  }
  const parsed = hubDraftSchema.safeParse(raw, issuesAsTexts);
  if (parsed.success) return parsed.data;
  return said(
    draftProblems(parsed.error.issues, (issue) => {
      const field = String(issue.path[0] ?? '');
      return COLUMN_OF.get(field as keyof ParsedHubDraft) ?? field;
    }),
  );
}

export function readInventoryCsv(csv: string): InventoryCsv {
  const { records, errors } = parseCsv(csv);
  const [header, ...rows] = records;
  if (header === undefined) {
    return {
      lines: [],
      rejected: [{ line: 1, ...said(hubs.csvEmpty()) }],
    };
  }
  const columns = readHeader(header.cells);
  if (!Array.isArray(columns)) return { lines: [], rejected: [{ line: header.line, ...columns }] };
  const lines: InventoryLine[] = [];
  const rejected = [...errors];
  for (const row of rows) {
    const draft = readLine(columns, row.cells);
    if (isWording(draft)) rejected.push({ line: row.line, ...draft });
    else lines.push({ line: row.line, draft });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { lines, rejected };
}

export function writeInventoryCsv(records: readonly HubRecord[]): string {
  const rows = records.map((hub) =>
    [
      hub.name,
      hub.site,
      hub.scheme,
      hub.host,
      String(hub.port),
      hub.basePath,
      hub.hid,
      hub.lan ? 'true' : 'false',
      hub.username,
      '', // never exported
    ].map(guardFormula),
  );
  return serialiseCsv([[...INVENTORY_COLUMNS], ...rows]);
}
