import type { AppError } from '../../../shared/errors';
import { Button } from '../components/button';
import { tCommon } from '../i18n/common.en';
import { say, sayLang } from '../lib/error-text';

/** The frame of the shell with placeholder blocks, so the first paint already has the app's shape. */
export function StartupSkeleton() {
  return (
    <div className="startup" aria-busy="true">
      <div className="startup__bar">
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--nav" />
      </div>
      <div className="startup__body">
        <div className="page">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--card" />
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {tCommon().startup.loading}
      </p>
    </div>
  );
}

export function StartupError({
  error,
  onRetry,
}: {
  readonly error: AppError;
  readonly onRetry: () => void;
}) {
  const t = tCommon();
  return (
    <main className="fatal">
      <div className="fatal__panel" role="alert">
        <svg className="fatal__icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2 1 21h22L12 2Zm-1 7h2v6h-2V9Zm0 8h2v2h-2v-2Z" />
        </svg>
        <h1 className="fatal__title">{t.startup.failedTitle}</h1>
        {/* Main's message, in the interface language where main sent it as a text. */}
        <p className="fatal__message" lang={sayLang(error)}>
          {say(error)}
        </p>
        <p className="fatal__code">
          {t.startup.errorCode} <code>{error.code}</code>
        </p>
        <Button variant="primary" onClick={onRetry} autoFocus>
          {t.tryAgain}
        </Button>
      </div>
    </main>
  );
}
