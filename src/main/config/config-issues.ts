import type { Text } from '../../shared/text';
import { config, MAX_ISSUES, type IssueParams } from '../../shared/texts/config.en';
import { inEnglish } from '../../shared/texts/english';

/**
 * zod carries a validation message as a string. The schema's own messages are texts, remembered
 * here by their English, so the loader can say a refusal in the screen's language. What zod
 * writes itself (a wrong type, a length) is not ours: it stays English.
 */
const remembered = new Map<string, Text>();

/** The English zod is given for `text`; `issueText` finds the text again. */
export function issueMessage(text: Text): string {
  const english = inEnglish(text);
  remembered.set(english, text);
  return english;
}

/** A schema or loader message as a text where it is ours; zod's own words as they are. */
export const issueText = (message: string): Text | string => remembered.get(message) ?? message;

/** One mistake: the field it is in (a zod issue, or one the loader finds) and what to do. */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string | Text;
}

/** "The configuration file … is not valid:" with the first five mistakes listed. */
export function notValid(file: string, issues: readonly ConfigIssue[]): Text {
  const params: Record<string, string | Text> = { file };
  issues.slice(0, MAX_ISSUES).forEach((issue, index) => {
    params[`field${index + 1}`] = issue.path.map(String).join('.');
    params[`problem${index + 1}`] =
      typeof issue.message === 'string' ? issueText(issue.message) : issue.message;
  });
  return config.notValid(params as unknown as IssueParams);
}
