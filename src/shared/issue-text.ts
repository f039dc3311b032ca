import type { z } from 'zod';
import { renderText, type Library, type Text, type Wording } from './text';
import { textSchema } from './text-schema';
import { englishFormats } from './texts/formats';
import { zodText } from './zod-text';

/**
 * A schema's own words as texts. zod gives an issue a message, a string: the English, kept for
 * the log, the CLI and anyone reading the issue. The text rides in the issue's `params`, where
 * zod's custom issues keep what a refinement gives them, so a screen can say it in its language
 * without looking the English up again.
 *
 * A check's own issue (too_small, invalid_format, invalid_value) has no `params` of its own: zod
 * asks the check's error map for the message with the raw issue, and reports that issue's own
 * keys, so the map leaves the text there too. The issue keeps its code and bounds. That zod keeps
 * a key the map left is not documented: test/unit/issue-text.test.ts pins it.
 *
 * Where a schema says nothing of its own (a wrong type, a length), zod's words become a text the
 * same way, when the parse asks for them (`issuesAsTexts`; test/unit/zod-text.test.ts).
 */

const withText = (text: Text) => ({ text });

/**
 * What schemas say, in English from `library` (the areas they use; the renderer parses hub
 * drafts too, and needs only that area's English, not every area's).
 */
export function textIssues(library: Library) {
  const english = (text: Text): string => renderText(text, library, englishFormats) ?? text.id;
  return {
    /** The `error` of a check, schema or refinement: `.min(1, saying(text))`. */
    saying: (text: Text) => {
      const message = english(text);
      return {
        error: (issue: object): string => {
          Object.assign(issue, { params: withText(text) });
          return message;
        },
      };
    },
    /** An issue a refinement adds: `ctx.addIssue({ code: 'custom', path, ...customIssue(text) })`. */
    customIssue: (text: Text) => ({ message: english(text), params: withText(text) }),
  };
}

/**
 * Parse options (`schema.safeParse(value, issuesAsTexts)`) that give zod's own words a text too,
 * for a parse whose issues reach a person. zod asks this map only when neither the check nor the
 * schema gave words, so a text of ours is never replaced; it answers nothing, so zod still writes
 * its English message, which the text's English matches.
 */
export const issuesAsTexts: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    const own = issue.code === 'custom' ? issue.params : undefined;
    Object.assign(issue, { params: { ...own, ...withText(zodText(issue)) } });
    return undefined;
  },
};

/**
 * What a zod issue says: the schema's text where it gave one, zod's words as a text where the
 * parse asked for them (`issuesAsTexts`), else zod's English.
 */
export function issueText(issue: z.core.$ZodIssue): Text | string {
  const params: unknown = 'params' in issue ? issue.params : undefined;
  const text =
    typeof params === 'object' && params !== null && 'text' in params
      ? textSchema.safeParse(params.text)
      : undefined;
  return text?.success ? text.data : issue.message;
}

/** What a zod issue says, for `say()` on a screen: the English message, and the text if any. */
export function issueWording(issue: z.core.$ZodIssue): Wording {
  const text = issueText(issue);
  return typeof text === 'string' ? { message: text } : { message: issue.message, text };
}
