import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesAsTexts, issueText, textIssues } from '../../src/shared/issue-text';
import type { Text } from '../../src/shared/text';
import { english, inEnglish } from '../../src/shared/texts/english';
import { hubs } from '../../src/shared/texts/hubs.en';
import { schema, schemaEn } from '../../src/shared/texts/schema.en';
import { inGerman } from '../support/in-german';

/**
 * zod's own words as texts: the English is zod's message to the letter (the CLI and the log read
 * as before), the German is ours and has none of zod's English in it.
 */

/** Values that do not fit, one (or two) per kind of issue zod writes itself. */
const CASES: readonly (readonly [label: string, schema: z.ZodType, value: unknown])[] = [
  ['a wrong type', z.object({ port: z.number() }), { port: 'x' }],
  ['a missing field', z.object({ name: z.string() }), {}],
  ['a class zod names', z.string(), new Date(0)],
  ['a number that is not finite', z.number(), Infinity],
  ['NaN expected', z.nan(), 1],
  ['one value allowed', z.literal('https'), 'http'],
  ['one of several', z.enum(['a', 'b']), 'c'],
  ['a string too long', z.string().max(3), 'abcd'],
  ['a list too short', z.array(z.string()).min(2), ['a']],
  ['a number too big', z.number().lt(10), 10],
  ['a number too small', z.number().int().min(1), 0],
  ['an exact length', z.string().length(3), 'ab'],
  ['a bigint bound', z.bigint().gt(5n), 3n],
  ['a date bound', z.date().max(new Date(0)), new Date(5)],
  ['a string format', z.email(), 'nobody'],
  ['a URL', z.url(), 'no url'],
  ['a prefix', z.string().startsWith('ab'), 'x'],
  ['a suffix', z.string().endsWith('yz'), 'x'],
  ['an inclusion', z.string().includes('mid'), 'x'],
  ['a pattern', z.string().regex(/^a+$/), 'b'],
  ['a multiple', z.number().multipleOf(3), 4],
  ['one unknown key', z.object({}).strict(), { colour: 'red' }],
  ['unknown keys', z.object({}).strict(), { colour: 'red', size: 2 }],
  ['a record key', z.record(z.string().min(2), z.number()), { a: 1 }],
  ['a union', z.union([z.string(), z.number()]), true],
  ['a discriminator', z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') })]), {}],
  ['many options', z.xor([z.string(), z.string().min(1)]), 'ab'],
  ['a refinement without words', z.string().refine(() => false), 'a'],
  [
    'an element of a set',
    z.set(z.string()).superRefine((_set, ctx) => {
      ctx.addIssue({ code: 'invalid_element', origin: 'set', key: 'a', issues: [] });
    }),
    new Set(['a']),
  ],
];

/** The string formats zod's English names (a regex is said with its pattern: noMatch). */
const FORMATS = (
  'email url emoji uuid uuidv4 uuidv6 nanoid guid cuid cuid2 ulid xid ksuid datetime date time ' +
  'duration ipv4 ipv6 mac cidrv4 cidrv6 base64 base64url json_string e164 currency_code ' +
  'credit_card iban jwt template_literal'
).split(' ');

const issuesOf = (schemaToParse: z.ZodType, value: unknown, asTexts: boolean) => {
  const parsed = asTexts
    ? schemaToParse.safeParse(value, issuesAsTexts)
    : schemaToParse.safeParse(value);
  expect(parsed.success).toBe(false);
  return parsed.error?.issues ?? [];
};

const textOf = (said: Text | string): Text => {
  expect(said, 'a text, not an English string').toBeTypeOf('object');
  return said as Text;
};

/** zod's English words, none of which a German rendering may contain. */
const ZOD_ENGLISH =
  /\b(Invalid|input|expected|received|option|Too|big|small|characters|items|must|string|Unrecognized|key|discriminator|matched|exactly)\b/;

describe("zod's own words as texts", () => {
  it.each(CASES)('%s: the English is zod’s message, as without texts', (_label, type, value) => {
    const plain = issuesOf(type, value, false);
    const withTexts = issuesOf(type, value, true);
    expect(withTexts.map((issue) => issue.message)).toEqual(plain.map((issue) => issue.message));
    for (const issue of withTexts) {
      expect(inEnglish(textOf(issueText(issue)))).toBe(issue.message);
    }
  });

  it('cover every message of the schema area', () => {
    const said = new Set<string>();
    for (const [, type, value] of CASES) {
      for (const issue of issuesOf(type, value, true)) said.add(textOf(issueText(issue)).id);
    }
    expect([...said].sort()).toEqual(
      Object.keys(schemaEn)
        .map((key) => `schema.${key}`)
        .sort(),
    );
  });

  it.each(CASES)('%s: said in German, without zod’s English', (_label, type, value) => {
    for (const issue of issuesOf(type, value, true)) {
      expect(inGerman(textOf(issueText(issue)))).not.toMatch(ZOD_ENGLISH);
    }
  });

  it('say in German what a person can act on', () => {
    const german = (type: z.ZodType, value: unknown) =>
      issuesOf(type, value, true).map((issue) => inGerman(textOf(issueText(issue))));
    expect(german(z.object({ port: z.number(), name: z.string() }), { port: 'x' })).toEqual([
      'Zahl erwartet, Text angegeben',
      'fehlt (Text erwartet)',
    ]);
    expect(german(z.string().max(80), 'x'.repeat(81))).toEqual(['höchstens 80 Zeichen']);
    expect(german(z.array(z.string()).min(1), [])).toEqual(['mindestens 1 Eintrag']);
    expect(german(z.number().int().max(65_535), 70_000)).toEqual(['höchstens 65.535']);
    expect(german(z.number().gt(0), 0)).toEqual(['größer als 0']);
    expect(german(z.number().max(0.25), 1)).toEqual(['höchstens 0,25']);
    expect(german(z.number().max(1234.5), 2000)).toEqual(['höchstens 1.234,5']);
    expect(german(z.enum(['http', 'https']), 'ftp')).toEqual([
      'muss einer dieser Werte sein: "http"|"https"',
    ]);
    expect(german(z.email(), 'x')).toEqual(['ungültiges Format: E-Mail-Adresse erwartet']);
    expect(german(z.object({}).strict(), { colour: 1, Größe: 2 })).toEqual([
      'unbekannte Felder: "colour", "Größe"',
    ]);
  });

  it('name every string format zod names, in zod’s English', () => {
    const zodEnglish = z.locales.en().localeError;
    for (const format of FORMATS) {
      const issue: z.core.$ZodRawIssue = { code: 'invalid_format', format, input: '', path: [] };
      expect(inEnglish(schema.wrongFormat({ format }))).toBe(zodEnglish(issue));
    }
    expect(inEnglish(schema.wrongFormat({ format: 'toString' }))).toBe('Invalid toString');
  });

  it('leave a schema’s own text in place, and a refinement’s own params', () => {
    const { saying } = textIssues(english);
    const name = z.object({ name: z.string().min(1, saying(hubs.nameMissing())) });
    const [missing] = issuesOf(name, { name: '' }, true);
    expect(missing && issueText(missing)).toEqual(hubs.nameMissing());
    const refined = z.string().refine(() => false, { params: { reason: 'kept' } });
    const [custom] = issuesOf(refined, 'a', true);
    expect(custom).toMatchObject({ params: { reason: 'kept', text: schema.invalid() } });
  });
});
