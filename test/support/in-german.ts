import { expect } from 'vitest';
import { toAppError } from '../../src/main/licensing/licensing-error';
import { renderText, type Text } from '../../src/shared/text';
import { textSchema } from '../../src/shared/text-schema';
import { english } from '../../src/shared/texts/english';
import { englishFormats } from '../../src/shared/texts/formats';
import { german, germanFormats } from '../../src/shared/texts/german';

/** The formats of a German screen in Germany: what every German test renders with. */
export const formatsDe = germanFormats('de-DE');

/** Something the core said: a text itself, or an error or warning that carries one. */
export type Said = Text | { readonly text?: Text | undefined } | null | undefined;

/** A text has an id and maybe params, nothing else: a view with its own id is a carrier. */
const isText = (said: object): said is Text =>
  Object.keys(said).every((key) => key === 'id' || key === 'params') && 'id' in said;

const textOf = (said: Said): Text | undefined =>
  said === null || said === undefined ? undefined : isText(said) ? said : said.text;

/**
 * What the core said, as a German screen shows it. It fails unless there is a text the IPC
 * contract lets through, the German catalogue renders it, and the rendering is not the English
 * one: a German test that passed on the English fallback would prove nothing about the translation.
 */
export function inGerman(said: Said): string {
  const text = textOf(said);
  expect(text, 'what was said carries a text for the screens').toBeDefined();
  expect(textSchema.safeParse(text).success, 'the IPC contract lets the text through').toBe(true);
  const shown = text && renderText(text, german, formatsDe);
  expect(shown, `the German catalogue renders ${text?.id ?? 'it'}`).toBeTypeOf('string');
  expect(shown, 'German, not the English').not.toBe(
    text && renderText(text, english, englishFormats),
  );
  return shown ?? '';
}

/** How a German screen shows a refusal: the rejection as IPC carries it (an AppError), in German. */
export async function refusalInGerman(promise: Promise<unknown>): Promise<string> {
  const rejection = await promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  );
  return inGerman(toAppError(rejection));
}
