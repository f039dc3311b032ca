import type { Formats, Translation } from '../text';
import { formatName } from './schema-formats';
import type { BoundParams, schemaEn } from './schema.en';

/**
 * zod's words in our German, not zod's German locale: that one leaves the types in English
 * ("erwartet string, erhalten undefined") and says "erwartet, dass string <=80 Zeichen hat". Here a
 * missing field says it is missing, types have German names, and a bound says what is allowed
 * ("höchstens 80 Zeichen"), as the rest of the German does.
 */

const TYPES: Readonly<Record<string, string>> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  bigint: 'ganze Zahl',
  boolean: 'Wahrheitswert (true/false)',
  symbol: 'Symbol',
  undefined: 'nichts',
  null: 'null',
  never: 'nichts',
  void: 'nichts',
  date: 'Datum',
  array: 'Liste',
  tuple: 'Liste',
  object: 'Objekt',
  record: 'Objekt',
  map: 'Zuordnung',
  set: 'Menge',
  file: 'Datei',
  nonoptional: 'Wert',
  nan: 'NaN',
  function: 'Funktion',
};

/** A German name for a type zod names; a class name (`Date`) stays as it is. */
const typeName = (type: string): string => (Object.hasOwn(TYPES, type) && TYPES[type]) || type;

/** What a size is counted in, one and many, by origin. */
const UNITS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['Zeichen', 'Zeichen'],
  file: ['Byte', 'Bytes'],
  array: ['Eintrag', 'Einträge'],
  set: ['Eintrag', 'Einträge'],
  map: ['Eintrag', 'Einträge'],
};

/** Origins compared as values, with nothing to count. */
const VALUES = new Set(['number', 'int', 'bigint', 'date']);

/** "in der Menge": where a key or an element was, by origin (record, map, set). */
const CONTAINERS: Readonly<Record<string, string>> = {
  record: 'im Objekt',
  map: 'in der Zuordnung',
  set: 'in der Menge',
};
const inContainer = (origin: string): string =>
  (Object.hasOwn(CONTAINERS, origin) && CONTAINERS[origin]) || `in ${origin}`;

/** Every digit of a decimal bound: the German number format of the texts rounds to one. */
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 20 });

/** A bound or divisor as zod gave it, the German way: "65.535", "1.234,5", "0,25". */
const amount = (value: number | string, f: Formats): string => {
  if (typeof value !== 'number') return value;
  return Number.isInteger(value) ? f.number(value) : decimal.format(value);
};

/**
 * "höchstens 80 Zeichen", "kleiner als 10": `words` are the bound included, then beyond it for a
 * size and for a value. An origin we do not know is named after the bound.
 */
function bound(p: BoundParams, f: Formats, words: readonly [string, string, string]): string {
  const [orEqual, fewer, smaller] = words;
  const units = Object.hasOwn(UNITS, p.origin) ? UNITS[p.origin] : undefined;
  const relation = p.exact ? 'genau' : p.inclusive ? orEqual : units ? fewer : smaller;
  const limit = amount(p.limit, f);
  if (units) return `${relation} ${limit} ${p.limit === 1 ? units[0] : units[1]}`;
  return VALUES.has(p.origin) ? `${relation} ${limit}` : `${relation} ${limit} (${p.origin})`;
}

export const schemaDe: Translation<typeof schemaEn> = {
  wrongType: (p) =>
    p.received === 'undefined'
      ? `fehlt (${typeName(p.expected)} erwartet)`
      : `${typeName(p.expected)} erwartet, ${typeName(p.received)} angegeben`,
  oneValue: (p) => `muss ${p.value} sein`,
  oneOf: (p) => `muss einer dieser Werte sein: ${p.values}`,
  tooBig: (p, f) => bound(p, f, ['höchstens', 'weniger als', 'kleiner als']),
  tooSmall: (p, f) => bound(p, f, ['mindestens', 'mehr als', 'größer als']),
  wrongFormat: (p) => `ungültiges Format: ${formatName(p.format, 'de')} erwartet`,
  noPrefix: (p) => `muss mit „${p.prefix}“ beginnen`,
  noSuffix: (p) => `muss auf „${p.suffix}“ enden`,
  notIncluding: (p) => `muss „${p.includes}“ enthalten`,
  noMatch: (p) => `muss dem Muster ${p.pattern} entsprechen`,
  notMultipleOf: (p, f) => `muss ein Vielfaches von ${amount(p.divisor, f)} sein`,
  unknownKeys: (p) => `${p.count > 1 ? 'unbekannte Felder' : 'unbekanntes Feld'}: ${p.keys}`,
  invalidKey: (p) => `ungültiger Schlüssel ${inContainer(p.origin)}`,
  invalidElement: (p) => `ungültiger Wert ${inContainer(p.origin)}`,
  noDiscriminator: (p) => `muss einer dieser Werte sein: ${p.options}`,
  manyMatched: () => 'mehrdeutig: passt zu mehr als einer der erlaubten Formen',
  invalid: () => 'ungültige Angabe',
};
