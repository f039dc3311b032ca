import type { LocaleChoice } from '../locale';
import { renderText, type Wording } from '../text';
import { german, germanFormats } from './german';

/**
 * What the core said, in `language` where it said it as a text; its English otherwise. For main's
 * own windows (the start-failure dialog); the screens have `say()`, which loads German lazily.
 */
export function sayIn(wording: Wording, language: LocaleChoice): string {
  if (language.locale === 'en' || !wording.text) return wording.message;
  return renderText(wording.text, german, germanFormats(language.intlTag)) ?? wording.message;
}
