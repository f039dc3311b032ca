import { describe, expect, it } from 'vitest';
import { draftProblems } from '../../src/main/hubs/hub-problems';
import { hubDraftSchema } from '../../src/shared/hubs-model';
import { issuesAsTexts } from '../../src/shared/issue-text';
import { renderText, type Text } from '../../src/shared/text';
import { textSchema } from '../../src/shared/text-schema';
import { inEnglish } from '../../src/shared/texts/english';
import { german, germanFormats } from '../../src/shared/texts/german';

const inGerman = (text: Text): string | undefined =>
  renderText(text, german, germanFormats('de-DE'));

/** The issues of a draft with no name, `count` times over: each says the schema's own words. */
function issues(count: number) {
  const parsed = hubDraftSchema.safeParse({ name: '', hid: '000001', username: 'u', host: 'h' });
  const issue = parsed.error!.issues[0]!;
  return Array.from({ length: count }, () => issue);
}

/** A draft's problems as one flat text: English for the CLI, German on a German screen. */
describe('hub draft problems', () => {
  it("say the schema's words and zod's as texts, in English as before", () => {
    const parsed = hubDraftSchema.safeParse(
      { name: '', host: 'h', port: 0, hid: '000001', username: 'u', scheme: 'http' },
      issuesAsTexts,
    );
    const text = draftProblems(parsed.error!.issues, (issue) => issue.path.join('.'));
    expect(inEnglish(text)).toBe(
      'name: give the hub a name; port: Too small: expected number to be >=1; scheme: plain http is allowed only for a hub marked as on the site LAN',
    );
    expect(inGerman(text)).toBe(
      '„name“: Geben Sie dem Hub einen Namen; „port“: mindestens 1; „scheme“: Unverschlüsseltes http ist nur für einen Hub erlaubt, der als „Im Standort-LAN“ markiert ist',
    );
  });

  it('name the hub as a whole where a problem has no field', () => {
    const text = draftProblems(issues(1), () => '');
    expect(inEnglish(text)).toBe('hub: give the hub a name');
    expect(inGerman(text)).toBe('Hub: Geben Sie dem Hub einen Namen');
  });

  for (const count of [1, 4, 5, 16, 40]) {
    it(`say ${count} problems in German as in English, and cross IPC`, () => {
      const text = draftProblems(issues(count), () => 'name');
      const listed = Math.min(count, 16);
      const more = count - listed;
      expect(inEnglish(text)).toBe(
        [
          ...Array<string>(listed).fill('name: give the hub a name'),
          ...(more > 0 ? [`and ${more} more`] : []),
        ].join('; '),
      );
      expect(inGerman(text)).toBe(
        [
          ...Array<string>(listed).fill('„name“: Geben Sie dem Hub einen Namen'),
          ...(more > 0 ? [`und ${more} weitere`] : []),
        ].join('; '),
      );
      expect(textSchema.safeParse(text).success).toBe(true);
    });
  }
});
