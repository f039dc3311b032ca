import { useState } from 'react';
import { Button } from '../components/button';
import { tCommon } from '../i18n/common.en';
import type { Text, Wording } from '../../../shared/text';
import { say, sayLang } from '../lib/error-text';

/** App info's storage warnings (English) with their texts (same order), as wordings to say. */
export const storageWordings = (
  messages: readonly string[],
  texts: readonly (Text | null)[] = [],
): Wording[] =>
  messages.map((message, index) => {
    const text = texts[index];
    return text ? { message, text } : { message };
  });

interface StorageWarningBannerProps {
  /** From app info: one sentence per damaged file moved aside (what, where it is kept, what to do). */
  readonly warnings: readonly Wording[];
  /** The banner is gone: focus must go somewhere useful, not fall back to the page's top. */
  readonly onDismissed: () => void;
}

/**
 * Says that saved data was found damaged and set aside at this start. It stays until dismissed
 * (the file is moved aside only once, so this is the person's one chance to read where it went)
 * and comes back with the next start only if more damage is found. role="alert": it reports
 * something that already happened to the person's data, which a screen reader should say at once.
 */
export function StorageWarningBanner({ warnings, onDismissed }: StorageWarningBannerProps) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || warnings.length === 0) return null;
  const t = tCommon();
  return (
    <div className="banner banner--warning storage-warning" role="alert">
      <svg className="storage-warning__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2 1.5 17h17L10 2Zm-.9 5.5h1.8v4.6H9.1V7.5Zm0 5.9h1.8v1.8H9.1v-1.8Z" />
      </svg>
      <div className="storage-warning__body">
        <strong>{t.storageWarning.title}</strong>
        {/* Main's sentences, in the interface language where main sent them as texts. */}
        <ul className="storage-warning__list">
          {warnings.map((warning) => (
            <li key={warning.message} lang={sayLang(warning)}>
              {say(warning)}
            </li>
          ))}
        </ul>
      </div>
      <Button
        size="sm"
        variant="ghost"
        className="storage-warning__dismiss"
        aria-label={t.storageWarning.dismissLabel}
        onClick={() => {
          setDismissed(true);
          onDismissed();
        }}
      >
        {t.dismiss}
      </Button>
    </div>
  );
}
