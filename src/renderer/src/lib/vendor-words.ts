import type { Translations } from '../../../shared/model';
import { currentLocale } from '../i18n/messages';

interface Named {
  readonly label: string;
  readonly description?: string;
  readonly translations?: Translations;
}

/** The words the vendor wrote for the interface language, when they wrote them. */
const translated = (named: Named) => {
  const locale = currentLocale();
  return locale === 'en' ? undefined : named.translations?.[locale];
};

/**
 * A profile's or demo key's name in the interface language: the vendor's translation when the
 * configuration gives one, otherwise the English it gives.
 */
export const labelOf = (named: Named): string => translated(named)?.label ?? named.label;

export const descriptionOf = (named: Named): string | undefined =>
  translated(named)?.description ?? named.description;

/** 'en' where the vendor's English had to be shown under a translated interface. */
export const labelLang = (named: Named): 'en' | undefined =>
  currentLocale() === 'en' || translated(named)?.label !== undefined ? undefined : 'en';
