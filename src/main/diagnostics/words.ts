import type { Locale } from '../../shared/locale';
import { diagnosticsWordsDe } from './words.de';
import { diagnosticsWordsEn, type DiagnosticsWords } from './words.en';

export type { DiagnosticsWords } from './words.en';

const WORDS: Readonly<Record<Locale, DiagnosticsWords>> = {
  en: diagnosticsWordsEn,
  de: diagnosticsWordsDe,
};

/** The diagnostics' sentences in `locale`; English when none is asked for. */
export const wordsFor = (locale: Locale = 'en'): DiagnosticsWords => WORDS[locale];
