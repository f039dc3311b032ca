/**
 * The languages the interface is written in (the renderer's catalogues, the tray and notifications).
 * English is the source; every other one is checked against it.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleChoice {
  readonly locale: Locale;
  /** The BCP 47 tag numbers and dates are formatted with ("de-AT", "en-GB"): the user's region. */
  readonly intlTag: string;
}

/**
 * The first of the user's languages (the OS order, as the browser or Electron reports it) that we
 * have, with its region kept for formatting. English when none matches.
 */
export function pickLocale(languages: readonly string[]): LocaleChoice {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return { locale: match, intlTag: validTag(tag) ?? match };
  }
  return { locale: 'en', intlTag: 'en' };
}

/** `de_DE` (as some systems spell it) becomes `de-DE`; a tag Intl refuses is dropped. */
function validTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}
