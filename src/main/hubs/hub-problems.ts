import type { z } from 'zod';
import { issueText } from '../../shared/issue-text';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { hubs, MAX_LISTED_PROBLEMS } from '../../shared/texts/hubs.en';
import { numberedProblems } from '../../shared/texts/numbered-problems';

/**
 * What is wrong with a hub draft (a form, a CSV line) as one flat text, however many problems:
 * the draft schema's own messages and zod's words as texts (from a parse with `issuesAsTexts`), so
 * a German screen says them in German.
 */
export function draftProblems(
  issues: readonly z.core.$ZodIssue[],
  /** The field or CSV column an issue is in; empty for the hub as a whole. */
  fieldOf: (issue: z.core.$ZodIssue) => string,
): Text {
  const problems = issues.map((issue) => ({ field: fieldOf(issue), problem: issueText(issue) }));
  return hubs.problems({
    ...numberedProblems(problems, MAX_LISTED_PROBLEMS),
    more: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
  });
}

/** A sentence of ours: its English for logs and the CLI, and the text for the screen. */
export const said = (text: Text): { message: string; text: Text } => ({
  message: inEnglish(text),
  text,
});
