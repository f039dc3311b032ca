import type { ReactNode } from 'react';
import type { ProfileView } from '../../../shared/model';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { LiveRegion } from '../components/live-region';
import { PageHeader } from '../components/page-header';
import { useFocusKeeper } from '../components/use-focus-keeper';
import { tCommon } from '../i18n/common.en';
import { assertNever } from '../lib/assert-never';
import type { Remote } from '../lib/remote';
import { descriptionOf, labelOf } from '../lib/vendor-words';

interface RemotePageProps<T> {
  readonly title: string;
  readonly profile: ProfileView;
  /** What the screen is about, fetched from the core. */
  readonly remote: Remote<T>;
  /** The accessible name of the skeleton while it loads. */
  readonly loadingLabel: string;
  /** What the live region reads aloud: the outcome of the screen's latest action. */
  readonly announcement: string;
  readonly onRetry: () => void;
  /** The screen's own content, once the value is known. */
  readonly children: (value: T) => ReactNode;
}

/**
 * The frame of a screen about one profile: its header, a failed refresh above the last good view,
 * and a skeleton or a retry until the first value has loaded.
 */
export function RemotePage<T>({
  title,
  profile,
  remote,
  loadingLabel,
  announcement,
  onRetry,
  children,
}: RemotePageProps<T>) {
  // An action that swaps the screen's content (activate, deactivate, sign in) keeps the focus.
  const keeper = useFocusKeeper<HTMLDivElement>();
  return (
    <div className="page" {...keeper}>
      <PageHeader title={title} subtitle={descriptionOf(profile) ?? labelOf(profile)} />
      {remote.status === 'loaded' && remote.refreshError && (
        <div className="page__notice">
          <ErrorMessage error={remote.refreshError} layout="block" />
        </div>
      )}
      <LiveRegion message={announcement} />
      {(() => {
        switch (remote.status) {
          case 'loading':
            return <span className="skeleton skeleton--card" aria-label={loadingLabel} />;
          case 'failed':
            return (
              <div className="stack">
                <ErrorMessage error={remote.error} layout="block" />
                <div>
                  <Button onClick={onRetry}>{tCommon().tryAgain}</Button>
                </div>
              </div>
            );
          case 'loaded':
            return children(remote.value);
          default:
            return assertNever(remote);
        }
      })()}
    </div>
  );
}
