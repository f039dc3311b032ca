import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, serialiseCsv } from '../../src/main/hubs/csv';
import {
  INVENTORY_COLUMNS,
  readInventoryCsv,
  writeInventoryCsv,
} from '../../src/main/hubs/hub-csv';
import { newRecord } from '../../src/main/hubs/hub-edits';
import { joinQrContents, qrCodesFor } from '../../src/main/offline/qr-codes';
import { HUB_ID_PATTERN, hubDraftSchema, type ParsedHubDraft } from '../../src/shared/hubs-model';
import {
  anyString,
  expectPrototypeIntact,
  outcomeOf,
  PROTOTYPE_KEYS,
  trickyString,
} from '../support/property-inputs';

/**
 * The hub inventory importer (csv.ts, hub-csv.ts) and the QR codes that carry offline requests
 * (qr-codes.ts): any file or any set of scans is read without a throw, every line it accepts is a
 * valid hub, the app's own export reads back to the same hubs, and scans join back to exactly the
 * text they were made from, or are refused.
 */

/** Text a spreadsheet cell may hold: separators, quotes, line breaks, formula starts, Unicode. */
const cellText = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '"', "'", '=', '+', '-', '@', '\n', 'é'),
    maxLength,
  });

const csvText = fc.oneof(
  anyString,
  trickyString(200),
  fc
    .array(fc.array(cellText(12), { minLength: 1, maxLength: 6 }), { maxLength: 6 })
    .map((rows) => rows.map((row) => row.join(',')).join('\n')),
);

describe('CSV', () => {
  it('reads any text into records with rising line numbers, and reads its own writing back', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const { records, errors } = parseCsv(text);
        const lines = records.map((record) => record.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(lines.every((line) => line >= 1)).toBe(true);
        expect(errors.length).toBeLessThanOrEqual(1);
        // What was read, written and read again is the same table.
        const cells = records.map((record) => record.cells);
        expect(parseCsv(serialiseCsv(cells)).records.map((record) => record.cells)).toEqual(cells);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hub inventory CSV', () => {
  const text = (max: number) =>
    cellText(max)
      .map((value) => value.trim())
      .filter((value) => value.length > 0);
  const draft: fc.Arbitrary<ParsedHubDraft> = fc
    .record({
      name: text(80),
      site: fc.oneof(fc.constant(''), text(80)),
      host: fc.stringMatching(/^[A-Za-z0-9.:-]{1,40}$/),
      port: fc.integer({ min: 1, max: 65_535 }),
      basePath: fc.stringMatching(/^(\/[A-Za-z0-9._~-]{1,10}){0,3}$/),
      hid: fc.stringMatching(HUB_ID_PATTERN),
      lan: fc.boolean(),
      // The importer trims every cell but the password: a name with spaces around it would not
      // come back as it was (the form keeps them), so none is generated.
      username: text(40),
    })
    .map(({ lan, ...rest }) =>
      hubDraftSchema.parse({ ...rest, lan, scheme: lan ? 'http' : 'https' }),
    );

  it('reads its own export back to the same hubs, whatever their names hold', () => {
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 5 }), (drafts) => {
        const csv = writeInventoryCsv(drafts.map((d) => newRecord(d)));
        const { lines, rejected } = readInventoryCsv(csv);
        expect(rejected).toEqual([]);
        expect(lines.map((line) => line.draft)).toEqual(drafts);
      }),
      { numRuns: 300 },
    );
  });

  it('reads any file into valid hubs and numbered refusals, and pollutes nothing', () => {
    const header = fc
      .shuffledSubarray([...INVENTORY_COLUMNS], { minLength: 1 })
      .map((c) => c.join(','));
    const file = fc.oneof(
      csvText,
      fc
        .tuple(
          header,
          fc.array(fc.array(fc.oneof(cellText(20), anyString), { maxLength: 11 }), {
            maxLength: 4,
          }),
        )
        .map(([head, rows]) => serialiseCsv([head.split(','), ...rows])),
    );
    fc.assert(
      fc.property(file, (csv) => {
        // A throw of any kind fails the property.
        const { lines, rejected } = readInventoryCsv(csv);
        for (const { draft: accepted } of lines) {
          expect(hubDraftSchema.parse(accepted)).toEqual(accepted);
        }
        const numbers = rejected.map((refusal) => refusal.line);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(numbers.every((line) => line >= 1)).toBe(true);
        expectPrototypeIntact();
      }),
      { numRuns: 200 },
    );
  });

  it('names an unknown column as it was written, even one Object.prototype has', () => {
    const unknown = fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'valueOf', 'isPrototypeOf'),
      fc
        .stringMatching(/^[a-z]{1,12}$/)
        .filter((name) => !(INVENTORY_COLUMNS as readonly string[]).includes(name)),
    );
    fc.assert(
      fc.property(unknown, (name) => {
        const { lines, rejected } = readInventoryCsv(
          `name,host,hid,username,${name}\r\nx,h,00A1F3,u,v\r\n`,
        );
        expect(lines).toEqual([]);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.message).toContain('unknown column');
        expect(rejected[0]!.message).not.toMatch(/function|\[object/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('QR codes of offline requests', () => {
  // QR drawing costs milliseconds a code: short texts, small codes, few runs.
  const requestText = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300, size: 'max' }),
    fc.base64String({ minLength: 4, maxLength: 900 }),
    fc.constant('LMQR:1/1:00000000:looks like a part'),
  );
  /** Long enough for several codes. */
  const longText = fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 });
  const codesOf = (text: string) => qrCodesFor(text, { maxCharsPerCode: 120 });

  it('joins the codes of any text back to exactly that text, in any order, scanned any number of times', () => {
    fc.assert(
      fc.property(requestText, fc.nat(), (text, seed) => {
        const contents = codesOf(text).map((code) => code.content);
        const scans = [...contents, ...contents.filter((_, i) => (seed >> i) & 1)];
        scans.sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        expect(joinQrContents(scans)).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses parts with one character changed, or one part missing, as invalid_input', () => {
    fc.assert(
      fc.property(
        longText,
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (text, at, char) => {
          const contents = codesOf(text).map((code) => code.content);
          const which = at % contents.length;
          const part = contents[which]!;
          const index = at % part.length;
          const changed = `${part.slice(0, index)}${char}${part.slice(index + 1)}`;
          fc.pre(changed !== part);
          const edited = contents.map((content, i) => (i === which ? changed : content));
          expect(outcomeOf(() => joinQrContents(edited), ['invalid_input']).ok).toBe(false);
          const missing = contents.filter((_, i) => i !== which);
          expect(outcomeOf(() => joinQrContents(missing), ['invalid_input']).ok).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers a text or invalid_input for any set of scans', () => {
    const header = fc
      .tuple(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.stringMatching(/^[0-9a-f]{8}$/),
        anyString,
      )
      .map(([index, total, id, chunk]) => `LMQR:${index}/${total}:${id}:${chunk}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString, header), { maxLength: 6 }), (scans) => {
        const outcome = outcomeOf(() => joinQrContents(scans), ['invalid_input']);
        if (outcome.ok && !scans.some((scan) => scan.startsWith('LMQR:'))) {
          expect(new Set(scans).size).toBe(1);
          expect(outcome.value).toBe(scans[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
