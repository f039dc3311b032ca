import { textsOf } from '../text';
import { formatName } from './schema-formats';

/**
 * What zod itself says of a value that does not fit a schema, where the schema gave no words of its
 * own (a wrong type, a length, an unknown key): shared/zod-text.ts turns zod's issue into one of
 * these texts. The English is zod's English (its en locale) to the letter, so the CLI and the log
 * read as they always have; test/unit/zod-text.test.ts holds each message against zod's.
 *
 * Types, origins and formats are zod's names for them (`string`, `array`, `email`); keys, allowed
 * values and patterns are written as zod quotes them, whatever the language.
 */

/** A bound zod checked: of `origin` (what it measured: string, array, number…), `limit` itself. */
export interface BoundParams {
  readonly origin: string;
  /** A bigint bound as its digits. */
  readonly limit: number | string;
  readonly inclusive: boolean;
  /** The only size allowed (`.length(5)`), not a bound. */
  readonly exact: boolean;
}

/** What zod counts a size in, by origin; other origins (number, date) are compared as values. */
const UNITS: Readonly<Record<string, string>> = {
  string: 'characters',
  file: 'bytes',
  array: 'items',
  set: 'items',
  map: 'entries',
};

const unitOf = (origin: string): string | undefined =>
  Object.hasOwn(UNITS, origin) ? UNITS[origin] : undefined;

/** `Too big: expected string to have <=80 characters`, `Too small: expected number to be >=1`. */
function bound(verdict: string, p: BoundParams, [orEqual, beyond]: [string, string]): string {
  const relation = p.exact ? 'exactly ' : p.inclusive ? orEqual : beyond;
  const unit = unitOf(p.origin);
  return unit
    ? `${verdict}: expected ${p.origin} to have ${relation}${p.limit} ${unit}`
    : `${verdict}: expected ${p.origin} to be ${relation}${p.limit}`;
}

/** zod writes the type it names NaN as `nan`, and shows it as `NaN`. */
const typeName = (type: string): string => (type === 'nan' ? 'NaN' : type);

export const schemaEn = {
  /** `received` is the type zod found (`undefined` when the field is missing). */
  wrongType: (p: { expected: string; received: string }) =>
    `Invalid input: expected ${typeName(p.expected)}, received ${typeName(p.received)}`,
  /** `value` is the one value allowed, as zod quotes it (`"https"`, `5`). */
  oneValue: (p: { value: string }) => `Invalid input: expected ${p.value}`,
  /** `values` are the values allowed, quoted and joined by `|`. */
  oneOf: (p: { values: string }) => `Invalid option: expected one of ${p.values}`,
  tooBig: (p: BoundParams) => bound('Too big', p, ['<=', '<']),
  tooSmall: (p: BoundParams) => bound('Too small', p, ['>=', '>']),
  wrongFormat: (p: { format: string }) => `Invalid ${formatName(p.format, 'en')}`,
  noPrefix: (p: { prefix: string }) => `Invalid string: must start with "${p.prefix}"`,
  noSuffix: (p: { suffix: string }) => `Invalid string: must end with "${p.suffix}"`,
  notIncluding: (p: { includes: string }) => `Invalid string: must include "${p.includes}"`,
  /** `pattern` is the regular expression as written in the schema (`/^[a-z]+$/`). */
  noMatch: (p: { pattern: string }) => `Invalid string: must match pattern ${p.pattern}`,
  notMultipleOf: (p: { divisor: number | string }) =>
    `Invalid number: must be a multiple of ${p.divisor}`,
  /** `keys` are the keys as written, quoted and joined by `, `. */
  unknownKeys: (p: { keys: string; count: number }) =>
    `Unrecognized key${p.count > 1 ? 's' : ''}: ${p.keys}`,
  /** In a record or a map (`origin`). */
  invalidKey: (p: { origin: string }) => `Invalid key in ${p.origin}`,
  /** In a map or a set (`origin`). */
  invalidElement: (p: { origin: string }) => `Invalid value in ${p.origin}`,
  /** `options` are the values a discriminated union knows, quoted and joined by ` | `. */
  noDiscriminator: (p: { options: string }) => `Invalid discriminator value. Expected ${p.options}`,
  manyMatched: () => 'Invalid input: more than one option matched',
  /** Anything else: a union no option of which fits, a refinement that gave no words. */
  invalid: () => 'Invalid input',
};

export const schema = textsOf('schema', schemaEn);
