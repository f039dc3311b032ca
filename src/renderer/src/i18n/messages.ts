import type { Catalogues } from './catalogues';
import { type Locale, type LocaleChoice } from '../../../shared/locale';
import { renderText, type Formats, type Library, type Text } from '../../../shared/text';

/**
 * The active language. Chosen once before the first render (the OS language does not change under
 * a running app), so text functions stay plain functions: no React context threads through the
 * pure *-text modules, and they can be tested without a DOM.
 *
 * English ships inside each screen's own chunk, beside the code that shows it; the German
 * catalogue is one chunk fetched before the first paint, and only when the language is German.
 */
let active: LocaleChoice = { locale: 'en', intlTag: 'en' };
let translated: Catalogues | undefined;
/** The core's catalogues in the active language (undefined in English: main already wrote it). */
let core: { readonly library: Library; readonly formats: Formats } | undefined;

export async function applyLanguage(choice: LocaleChoice): Promise<void> {
  if (choice.locale === 'de') {
    const german = await import('./de');
    translated = german.de;
    core = { library: german.coreDe, formats: german.coreFormatsDe(choice.intlTag) };
  } else {
    translated = undefined;
    core = undefined;
  }
  active = choice;
}

/** A text from main in the active language; undefined in English or for an id this build lacks. */
export function translateCoreText(text: Text): string | undefined {
  return core && renderText(text, core.library, core.formats);
}

export function currentLocale(): Locale {
  return active.locale;
}

/** The tag for Intl formatters, so numbers and dates follow the user's region. */
export function intlTag(): string {
  return active.intlTag;
}

/**
 * One area's messages in the active language. Callers pass their English catalogue (a static
 * import, so English stays in the area's chunk) and get the translation when one is active.
 */
export function messagesOf<A extends keyof Catalogues>(
  area: A,
  english: Catalogues[A],
): Catalogues[A] {
  return translated ? translated[area] : english;
}

/** "1 hub" / "2 hubs": English and German both tell one from the rest. */
export function plural(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "1,000" or "1.000", in the active region. Formatters are reused: fleets have 1,000 rows. */
export function formatNumber(value: number): string {
  const tag = active.intlTag;
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    numberFormats.set(tag, format);
  }
  return format.format(value);
}
