import type { Text, TextArgs } from '../text';

/**
 * A list of problems, each with the field it is in, as a text's parameters. A parameter holds one
 * value, not a list, so the list travels numbered: field1, problem1, field2, problem2, and so on.
 * The text stays one level deep however long the list is (IPC bounds nesting: text-schema.ts).
 * An empty field names the whole (the configuration's top level, the hub as a whole).
 */
export interface NumberedProblems {
  readonly [field: `field${number}`]: string;
  readonly [problem: `problem${number}`]: string;
}

export interface FieldProblem {
  readonly field: string;
  /** A text (ours, or zod's words as one), or zod's English from a parse that asked for no texts. */
  readonly problem: Text | string;
}

/** The first `max` problems as a message's parameters. */
export function numberedProblems(
  problems: readonly FieldProblem[],
  max: number,
): TextArgs<NumberedProblems> {
  const params: Record<string, Text | string> = {};
  problems.slice(0, max).forEach(({ field, problem }, index) => {
    params[`field${index + 1}`] = field;
    params[`problem${index + 1}`] = problem;
  });
  return params;
}

/** The problems a message was given, in order (rendered: every problem is words by now). */
export function problemsIn(
  p: NumberedProblems,
  max: number,
): { readonly field: string; readonly problem: string }[] {
  const listed: { field: string; problem: string }[] = [];
  for (let n = 1; n <= max; n += 1) {
    const problem = p[`problem${n}`];
    if (problem !== undefined) listed.push({ field: p[`field${n}`] ?? '', problem });
  }
  return listed;
}
