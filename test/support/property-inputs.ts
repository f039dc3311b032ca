import fc from 'fast-check';
import { expect } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import type { ErrorCode } from '../../src/shared/errors';

/**
 * Hostile inputs for the property tests of parsers and validators (test/unit/property-*.test.ts),
 * and the one check they share: a parser answers a value or throws a LicensingError with one of
 * the codes it is meant to use, never a TypeError or RangeError.
 */

/** Names that reach Object.prototype when a parser copies keys carelessly. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

// C0, DEL and C1 controls, zero-width and bidi characters, a lone surrogate, U+FFFD and the BOM.
const TRICKY_CHARS = [
  ...'\u0000\t\n\r\u001b\u007f\u0085\u009f\u00a0\u200b\u202e\u2028\ufeff\ufffd\u{1f600}é "\\',
  '\ud800',
  '\udfff',
];

/** Strings people and servers produce by mistake: control characters, odd Unicode, padding. */
export const trickyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.string({ minLength: 1, maxLength: 1 })),
    maxLength,
  });

/** Far beyond any real value (10 000 to 100 000 characters), to catch slow paths and missing caps. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('A', '0', ' ', '-', 'é', '\u{1f600}', '-----BEGIN PUBLIC KEY-----'),
    fc.integer({ min: 10_000, max: 100_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/**
 * Any UTF-16 code unit, lone surrogates included. (fast-check's `unit: 'binary'` covers the same
 * ground but takes a second to build, which every test file importing this would pay.)
 */
export const codeUnit: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 0xffff })
  .map((code) => String.fromCharCode(code));

export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: codeUnit }),
  trickyString(),
  fc.constantFrom('', ' ', ...PROTOTYPE_KEYS),
  hugeString,
);

/** Arrays nested past the depth at which JSON.stringify gives up (JSON.parse still reads them). */
export const deeplyNestedJson: fc.Arbitrary<string> = fc
  .integer({ min: 20_000, max: 30_000 })
  .map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);

export const deeplyNested: fc.Arbitrary<unknown> = deeplyNestedJson.map(
  (text) => JSON.parse(text) as unknown,
);

/** `{"__proto__": …}` as JSON.parse makes it: an own property named __proto__. */
export const protoPayload = (): Record<string, unknown> =>
  JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
  ) as Record<string, unknown>;

const oddNumbers = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
);

/** JSON values, with odd numbers, odd strings and prototype keys mixed in. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  anyString,
  oddNumbers,
  fc.constant(null),
  fc.constant(protoPayload()),
  fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'id', 'data'), fc.jsonValue(), { maxKeys: 4 }),
);

/** Any JavaScript value: JSON, plus what only a confused caller passes (dates, maps, boxed values). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyJson,
  fc.anything({
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withBigInt: true,
    key: fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_KEYS)),
  }),
);

type Step = { readonly kind: 'drop' | 'replace' | 'extra' | 'proto'; readonly value: unknown };

/** One change somewhere inside a value: drop a key or item, change its value, or add a key. */
function mutate(value: unknown, path: readonly number[], step: Step): unknown {
  if (typeof value !== 'object' || value === null) return step.value;
  // Spreading keeps an own "__proto__" key as an own key, as JSON.parse made it.
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<
    string,
    unknown
  >;
  const keys = Object.keys(copy);
  const [head, ...rest] = path;
  const key = head === undefined || keys.length === 0 ? undefined : keys[head % keys.length]!;
  const child = key === undefined ? undefined : copy[key];
  if (key !== undefined && rest.length > 0 && typeof child === 'object' && child !== null) {
    copy[key] = mutate(child, rest, step);
    return copy;
  }
  if (step.kind === 'extra' || step.kind === 'proto') {
    // defineProperty makes an own key even for __proto__, as JSON.parse does.
    const name = step.kind === 'proto' ? '__proto__' : 'unexpected_field';
    Object.defineProperty(copy, name, { value: step.value, enumerable: true, writable: true });
    return copy;
  }
  if (key === undefined) return step.value;
  if (step.kind === 'replace') copy[key] = step.value;
  else if (Array.isArray(copy)) copy.splice(Number(key), 1);
  else delete copy[key];
  return copy;
}

/** A valid value with one change in it, at any depth; `values` are what a changed field becomes. */
export const mutationOf = (
  valid: fc.Arbitrary<unknown>,
  values: fc.Arbitrary<unknown> = anyJson,
): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      valid,
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      fc.record({ kind: fc.constantFrom('drop', 'replace', 'extra', 'proto'), value: values }),
    )
    .map(([value, path, step]) => mutate(value, path, step as Step));

/** What a parser did with one input: its value, or the LicensingError it threw. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LicensingError };

/**
 * Runs a parser and checks that it either answers or throws a LicensingError with one of `codes`
 * (anything else, a TypeError above all, fails the property). Returns what happened.
 */
export function outcomeOf<T>(run: () => T, codes: readonly ErrorCode[]): Outcome<T> {
  let value: T;
  try {
    value = run();
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    expect(codes).toContain((error as LicensingError).code);
    return { ok: false, error: error as LicensingError };
  }
  return { ok: true, value };
}

/** The async form of outcomeOf, for adapters and file loaders. */
export async function settledOutcome<T>(
  run: () => Promise<T>,
  codes: readonly ErrorCode[],
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    expect(codes).toContain((error as LicensingError).code);
    return { ok: false, error: error as LicensingError };
  }
}

/** No parse may leave anything on Object.prototype (the payloads above try "polluted"). */
export function expectPrototypeIntact(): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}
