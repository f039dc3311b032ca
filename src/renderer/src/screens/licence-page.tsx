import type { ReactNode } from 'react';
import type { LicenceView, ProfileView } from '../../../shared/model';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { LiveRegion } from '../components/live-region';
import { PageHeader } from '../components/page-header';
import { assertNever } from '../lib/assert-never';
import type { Remote } from '../lib/remote';
import { useLicenceStore } from '../store/licence-store';

interface LicencePageProps {
  readonly title: string;
  readonly profile: ProfileView;
  readonly licence: Remote<LicenceView>;
  /** The accessible name of the skeleton while the licence loads. */
  readonly loadingLabel: string;
  /** What the live region reads aloud: the outcome of the screen's latest action. */
  readonly announcement: string;
  /** The screen's own content, once the licence is known. */
  readonly children: (licence: LicenceView) => ReactNode;
}

/**
 * The frame of a screen about one profile's licence: its header, a failed refresh above the last
 * good view, and a skeleton or a retry until the licence has loaded.
 */
export function LicencePage({
  title,
  profile,
  licence,
  loadingLabel,
  announcement,
  children,
}: LicencePageProps) {
  const load = useLicenceStore((s) => s.load);

  return (
    <div className="page">
      <PageHeader title={title} subtitle={profile.description ?? profile.label} />
      {licence.status === 'loaded' && licence.refreshError && (
        <div className="page__notice">
          <ErrorMessage error={licence.refreshError} layout="block" />
        </div>
      )}
      <LiveRegion message={announcement} />
      {(() => {
        switch (licence.status) {
          case 'loading':
            return <span className="skeleton skeleton--card" aria-label={loadingLabel} />;
          case 'failed':
            return (
              <div className="stack">
                <ErrorMessage error={licence.error} layout="block" />
                <div>
                  <Button onClick={() => void load(profile.id)}>Try again</Button>
                </div>
              </div>
            );
          case 'loaded':
            return children(licence.value);
          default:
            return assertNever(licence);
        }
      })()}
    </div>
  );
}
