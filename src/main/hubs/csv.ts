import type { Wording } from '../../shared/text';
import { hubs } from '../../shared/texts/hubs.en';
import { said } from './hub-problems';

/**
 * CSV as RFC 4180 writes it and spreadsheets read it: fields separated by commas, quoted with
 * `"` when they hold a separator, a quote or a line break, quotes doubled inside; lines end with
 * CRLF. Reading is forgiving where spreadsheets differ: LF or CR line ends, a UTF-8 byte-order
 * mark, and `;` as the separator (what Excel writes in many European locales).
 */

/** Why a line was not taken: English for the CLI, and the text the screen says. */
export interface LineProblem extends Wording {
  readonly line: number;
}

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvParseResult {
  readonly records: readonly CsvRecord[];
  /** Records that could not be read at all (an unclosed quote). */
  readonly errors: readonly LineProblem[];
}

/** `;` when the first record (the header) has unquoted semicolons and no unquoted commas. */
function separatorOf(text: string): ',' | ';' {
  let quoted = false;
  let semicolons = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === ',') return ',';
    else if (char === ';') semicolons++;
    else if (char === '\n' || char === '\r') break;
  }
  return semicolons > 0 ? ';' : ',';
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  const errors: LineProblem[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;

  const endField = (): void => {
    cells.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    // A blank line is no record: spreadsheets leave them at the end.
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) {
    errors.push({ line: recordLine, ...said(hubs.csvQuoteOpen()) });
  } else if (field !== '' || cells.length > 0) {
    endRecord();
  }
  return { records, errors };
}

const needsQuotes = (cell: string): boolean => /[",;\r\n]|^\s|\s$/.test(cell);

export const csvCell = (cell: string): string =>
  needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

export function serialiseCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (OWASP "CSV injection"); a
 * leading apostrophe makes it text. `unguardFormula` undoes it on import, so an export
 * round-trips unchanged. Cells that already start with apostrophes before a formula character
 * get one more too: otherwise import took the apostrophe of a name like '=x (or an account '-)
 * for the guard and dropped it.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
export const guardFormula = (cell: string): string => (GUARDED.test(cell) ? `'${cell}` : cell);
export const unguardFormula = (cell: string): string =>
  cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
