import type { Text, Wording } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { hubs, hubsEn } from '../../shared/texts/hubs.en';

/**
 * What is wrong with a hub draft (a form, a CSV line), as texts: the draft schema's own messages
 * become the catalogue's, so a German screen says them in German; zod's own words stay as they are.
 */

const SCHEMA_MESSAGES = [
  'nameMissing',
  'hostMissing',
  'hostShape',
  'basePathShape',
  'hidShape',
  'usernameMissing',
  'httpOnlyOnLan',
] as const;

/** The schema's English (hubsEn repeats it word for word) to the text that says it. */
const BY_MESSAGE = new Map<string, () => Text>(
  SCHEMA_MESSAGES.map((key) => [hubsEn[key](), hubs[key]]),
);

/** One issue's message as a text when it is one of the schema's, else zod's words unchanged. */
export const problemOf = (message: string): Text | string => BY_MESSAGE.get(message)?.() ?? message;

export interface FieldProblem {
  /** The field or CSV column; undefined for the hub as a whole. */
  readonly field: string | undefined;
  readonly message: string;
}

/**
 * Texts cross IPC nested at most 5 deep (text-schema.ts): a list of problems nests one level per
 * problem, plus one for the schema's message, so longer lists keep their English alone.
 */
const MAX_PROBLEMS = 4;

/** "host: …; hid: …" as a text, or undefined for a list too long to nest. */
export function problemsText(problems: readonly FieldProblem[]): Text | undefined {
  if (problems.length === 0 || problems.length > MAX_PROBLEMS) return undefined;
  let text: Text | undefined;
  for (const { field, message } of [...problems].reverse()) {
    const problem = problemOf(message);
    if (field === undefined) {
      text = text ? hubs.hubProblemThen({ problem, more: text }) : hubs.hubProblem({ problem });
    } else {
      text = text
        ? hubs.fieldProblemThen({ field, problem, more: text })
        : hubs.fieldProblem({ field, problem });
    }
  }
  return text;
}

/** The English the problems always had, and the text when they can travel as one. */
export function problemsWording(problems: readonly FieldProblem[]): Wording {
  const message = problems.map(({ field, message }) => `${field ?? 'hub'}: ${message}`).join('; ');
  const text = problemsText(problems);
  return text ? { message, text } : { message };
}

/** A sentence of ours: its English for logs and the CLI, and the text for the screen. */
export const said = (text: Text): { message: string; text: Text } => ({
  message: inEnglish(text),
  text,
});
