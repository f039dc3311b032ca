import { z } from 'zod';
import type { Text } from './text';
import { schema } from './texts/schema.en';

const { joinValues, parsedType, stringifyPrimitive } = z.core.util;

/**
 * What zod itself says of an issue, as a text (texts/schema.en.ts), so a screen can say it in its
 * language. It reads the issue as zod's error maps get it, before zod drops the input: a wrong
 * type is named by the input's type, which the reported issue no longer has. The parameters are
 * the ones zod's English locale reads, derived with zod's own helpers, so the English text is
 * zod's message to the letter.
 */
export function zodText(issue: z.core.$ZodRawIssue): Text {
  switch (issue.code) {
    case 'invalid_type':
      return schema.wrongType({ expected: issue.expected, received: foundType(issue.input) });
    case 'invalid_value':
      return issue.values.length === 1
        ? schema.oneValue({ value: stringifyPrimitive(issue.values[0]) })
        : schema.oneOf({ values: joinValues(issue.values, '|') });
    case 'too_big':
      return schema.tooBig(bound(issue.origin ?? 'value', issue.maximum, issue));
    case 'too_small':
      return schema.tooSmall(bound(issue.origin, issue.minimum, issue));
    case 'invalid_format':
      return formatText(issue as unknown as z.core.$ZodStringFormatIssues);
    case 'not_multiple_of':
      return schema.notMultipleOf({ divisor: plain(issue.divisor) });
    case 'unrecognized_keys':
      return schema.unknownKeys({ keys: joinValues(issue.keys, ', '), count: issue.keys.length });
    case 'invalid_key':
      return schema.invalidKey({ origin: issue.origin });
    case 'invalid_element':
      return schema.invalidElement({ origin: issue.origin });
    case 'invalid_union':
      return unionText(issue);
    default:
      return schema.invalid();
  }
}

/** A text's parameters are strings, numbers and booleans: a bigint travels as its digits. */
const plain = (value: number | bigint): number | string =>
  typeof value === 'bigint' ? value.toString() : value;

/** The type zod names for an input; a number that is not finite by its value ("Infinity"). */
const foundType = (input: unknown): string =>
  typeof input === 'number' && !Number.isFinite(input) ? String(input) : parsedType(input);

const bound = (
  origin: string,
  limit: number | bigint,
  issue: { readonly inclusive?: boolean; readonly exact?: boolean },
) => ({
  origin,
  limit: plain(limit),
  inclusive: issue.inclusive === true,
  exact: issue.exact === true,
});

/** A discriminated union names the values it knows; another union only that none or many fit. */
function unionText(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): Text {
  const { options } = issue as { readonly options?: readonly z.core.util.Primitive[] };
  if (options && options.length > 0) {
    return schema.noDiscriminator({
      options: options.map((option) => `'${String(option)}'`).join(' | '),
    });
  }
  return issue.inclusive === false ? schema.manyMatched() : schema.invalid();
}

function formatText(issue: z.core.$ZodStringFormatIssues): Text {
  switch (issue.format) {
    case 'starts_with':
      return schema.noPrefix({ prefix: issue.prefix });
    case 'ends_with':
      return schema.noSuffix({ suffix: issue.suffix });
    case 'includes':
      return schema.notIncluding({ includes: issue.includes });
    case 'regex':
      return schema.noMatch({ pattern: issue.pattern });
    default:
      return schema.wrongFormat({ format: issue.format });
  }
}
