import { describe, expect, it } from 'vitest';
import { de } from '../../src/renderer/src/i18n/de';
import { en } from '../../src/renderer/src/i18n/english';
import { pickLocale } from '../../src/shared/locale';
import { leavesOf, SAME_IN_BOTH } from '../support/catalogue-leaves';

/** The `{name}` placeholders of a text (see components/rich-text.tsx), sorted. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

/**
 * The German catalogue against the English source: the same messages, each one translated. The
 * compiler already demands every key; this also catches a string pasted in untranslated, a message
 * function that drops an argument, and a group that went missing behind a cast.
 */
describe('the German catalogue', () => {
  const english = leavesOf(en);
  const german = leavesOf(de);

  it('has exactly the English messages', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('translates every text (names and shared words aside)', () => {
    const untranslated = [...english].filter(
      ([path, text]) =>
        typeof text === 'string' && german.get(path) === text && !SAME_IN_BOTH.has(text.trim()),
    );
    expect(untranslated.map(([path, text]) => `${path}: ${String(text)}`)).toEqual([]);
  });

  it('keeps every {placeholder} of the English, where the screen puts an element', () => {
    const mismatched = [...english].filter(([path, text]) => {
      const translation = german.get(path);
      return (
        typeof text === 'string' &&
        (typeof translation !== 'string' ||
          placeholders(translation).join() !== placeholders(text).join())
      );
    });
    expect(mismatched.map(([path]) => path)).toEqual([]);
  });

  it('takes the same arguments in every message function', () => {
    const mismatched = [...english].filter(([path, message]) => {
      const translation = german.get(path);
      return (
        typeof message === 'function' &&
        (typeof translation !== 'function' || translation.length !== message.length)
      );
    });
    expect(mismatched.map(([path]) => path)).toEqual([]);
  });
});

describe('pickLocale', () => {
  it('follows the first language the app speaks, keeping its region for formats', () => {
    expect(pickLocale(['de-AT', 'en-US'])).toEqual({ locale: 'de', intlTag: 'de-AT' });
    expect(pickLocale(['fr-FR', 'de_CH', 'en'])).toEqual({ locale: 'de', intlTag: 'de-CH' });
    expect(pickLocale(['en-GB', 'de-DE'])).toEqual({ locale: 'en', intlTag: 'en-GB' });
  });

  it('falls back to English for languages it lacks and tags Intl refuses', () => {
    expect(pickLocale(['fr-FR', 'ja'])).toEqual({ locale: 'en', intlTag: 'en' });
    expect(pickLocale([])).toEqual({ locale: 'en', intlTag: 'en' });
    expect(pickLocale(['de-!!'])).toEqual({ locale: 'de', intlTag: 'de' });
  });
});
