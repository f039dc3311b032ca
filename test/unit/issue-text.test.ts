import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, textIssues } from '../../src/shared/issue-text';
import { english, inEnglish } from '../../src/shared/texts/english';
import { config } from '../../src/shared/texts/config.en';

/**
 * A schema says a text with its issue: English as the message, the text itself for the screens.
 * These cases also pin what the helper relies on in zod: a check's issue keeps what its error map
 * left in it, and keeps its own code.
 */
describe('texts carried by zod issues', () => {
  const { saying, customIssue } = textIssues(english);
  const required = config.productCodeRequired();
  const shaped = config.codeChars();

  const onlyIssue = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toHaveLength(1);
    return parsed.error!.issues[0]!;
  };

  it('keep the check’s own code and bounds, with the English as the message', () => {
    const issue = onlyIssue(z.object({ code: z.string().min(1, saying(required)) }), { code: '' });
    expect(issue).toMatchObject({ code: 'too_small', minimum: 1, path: ['code'] });
    expect(issue.message).toBe('the product short code is required');
    expect(issueText(issue)).toEqual(required);
  });

  it('carry the text from every kind of check the schemas use', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string().regex(/^a$/, saying(shaped)), 'b', 'invalid_format'],
      [z.string().url(saying(shaped)), 'no url', 'invalid_format'],
      [z.url({ protocol: /^https$/, ...saying(shaped) }), 'http://a.example', 'invalid_format'],
      [z.email(saying(shaped)), 'nobody', 'invalid_format'],
      [z.enum(['a', 'b'], saying(shaped)), 'c', 'invalid_value'],
      [z.array(z.string()).min(1, saying(shaped)), [], 'too_small'],
      [z.string().refine((value) => value === 'a', saying(shaped)), 'b', 'custom'],
    ];
    for (const [schema, value, code] of cases) {
      const issue = onlyIssue(schema, value);
      expect(issue.code).toBe(code);
      expect(issue.message).toBe(inEnglish(shaped));
      expect(issueText(issue)).toEqual(shaped);
    }
  });

  it('carry the text of an issue a refinement adds itself', () => {
    const text = config.duplicateProfileId({ id: 'x' });
    const schema = z.string().superRefine((_value, ctx) => {
      ctx.addIssue({ code: 'custom', path: ['id'], ...customIssue(text) });
    });
    const issue = onlyIssue(schema, 'x');
    expect(issue.message).toBe('profile id "x" is used twice; ids must be unique');
    expect(issueText(issue)).toEqual(text);
  });

  it('carry a text with parameters, rendered in English from the library given', () => {
    const text = config.screenIds({ ids: 'a, b' });
    const { saying: inConfigOnly } = textIssues({ config: english.config });
    const issue = onlyIssue(z.enum(['a', 'b'], inConfigOnly(text)), 'c');
    expect(issue.message).toBe('use one of: a, b');
    expect(issueText(issue)).toEqual(text);
  });

  it("leave zod's own words as they are", () => {
    const issue = onlyIssue(z.object({ port: z.number() }), { port: 'x' });
    expect(issueText(issue)).toBe(issue.message);
    expect(issueText(issue)).toMatch(/expected number/);
  });

  it('take no text from params a schema gave for another purpose', () => {
    const schema = z.string().refine(() => false, { params: { text: 'not a text' } });
    const issue = onlyIssue(schema, 'a');
    expect(issueText(issue)).toBe(issue.message);
  });
});
