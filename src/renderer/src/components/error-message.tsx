import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import { tCommon } from '../i18n/common.en';
import { errorHint, errorTitle, say, sayLang } from '../lib/error-text';
import { SupportHint } from '../app/brand';

interface ErrorMessageProps {
  readonly error: AppError;
  readonly onDismiss?: () => void;
  /** 'inline' sits beside a button; 'block' is a full-width callout. */
  readonly layout?: 'inline' | 'block';
  readonly id?: string;
  /** A headline that fits the action better than the generic one for the code. */
  readonly title?: string;
  /** What to do next, when the caller knows better than the code (a live "try again at"). */
  readonly hint?: ReactNode;
}

/**
 * An error shown where it happened. role="alert" so a screen reader announces it the moment the
 * action fails, without moving focus away from the button the user just pressed.
 */
export function ErrorMessage({
  error,
  onDismiss,
  layout = 'inline',
  id,
  title,
  hint: ownHint,
}: ErrorMessageProps) {
  const hint = ownHint ?? errorHint(error);
  return (
    <div className={`callout callout--danger callout--${layout}`} role="alert" id={id}>
      <svg className="callout__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5.2H9.1V6Zm0 6.6h1.8v1.8H9.1v-1.8Z" />
      </svg>
      <div className="callout__body">
        <p className="callout__title">{title ?? errorTitle(error.code)}</p>
        <p className="callout__text">
          <span lang={sayLang(error)}>{say(error)}</span>
          {hint && <span className="callout__hint">{hint}</span>}
          <SupportHint code={error.code} />
        </p>
      </div>
      {onDismiss && (
        <button
          type="button"
          className="callout__close"
          onClick={onDismiss}
          aria-label={tCommon().dismiss}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z" />
          </svg>
        </button>
      )}
    </div>
  );
}
