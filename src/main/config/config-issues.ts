import type { z } from 'zod';
import { issueText, textIssues } from '../../shared/issue-text';
import type { Text } from '../../shared/text';
import { config, MAX_ISSUES } from '../../shared/texts/config.en';
import { numberedProblems } from '../../shared/texts/numbered-problems';
import { english } from '../../shared/texts/english';

/**
 * The configuration schema's own words: each says a text, which the loader hands on so a screen
 * says the refusal in its language. What zod writes itself (a wrong type, a length) becomes a text
 * too, as the loader parses with `issuesAsTexts`.
 */
export const { saying, customIssue } = textIssues(english);

/** One mistake: the field it is in (a zod issue, or one the loader finds) and what to do. */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly problem: Text | string;
}

/** zod's issues as the loader lists them. */
export const configIssues = (issues: readonly z.core.$ZodIssue[]): ConfigIssue[] =>
  issues.map((issue) => ({ path: issue.path, problem: issueText(issue) }));

/** "The configuration file … is not valid:" with the first five mistakes listed. */
export const notValid = (file: string, issues: readonly ConfigIssue[]): Text =>
  config.notValid({
    file,
    ...numberedProblems(
      issues.map(({ path, problem }) => ({ field: path.map(String).join('.'), problem })),
      MAX_ISSUES,
    ),
  });
