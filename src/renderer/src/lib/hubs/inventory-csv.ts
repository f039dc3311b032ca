import type { HubImportResult } from '../../../../shared/hubs-model';
import { hubsWords as words } from './hubs-words';

/**
 * The inventory's CSV files: what a downloaded one is called, a large one cut into pieces the core
 * imports one at a time, and what an import did.
 */

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
