import { useEffect } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { LiveRegion } from '../../components/live-region';
import { PageHeader } from '../../components/page-header';
import { assertNever } from '../../lib/assert-never';
import { useAppStore, useRequiredProfile } from '../../store/app-store';
import { useLicenceStore, useProfileLicence } from '../../store/licence-store';
import { useSeatPoolStore } from '../../store/seat-pool-store';
import { PoolCard } from './pool-card';
import { SeatCard, seatAnnouncement } from './seat-card';
import './seats.css';

export default function SeatScreen() {
  const profile = useRequiredProfile();
  const { licence, flows } = useProfileLicence(profile.id);
  const load = useLicenceStore((s) => s.load);
  const refreshPool = useSeatPoolStore((s) => s.refresh);
  const navigate = useAppStore((s) => s.navigate);
  const active = licence.status === 'loaded' && licence.value.status !== 'inactive';

  // Fetch the holders each time the screen opens: they change on other computers, unseen.
  useEffect(() => {
    if (active) void refreshPool(profile.id);
  }, [active, profile.id, refreshPool]);

  return (
    <div className="page">
      <PageHeader title="Seats" subtitle={profile.description ?? profile.label} />
      {licence.status === 'loaded' && licence.refreshError && (
        <div className="page__notice">
          <ErrorMessage error={licence.refreshError} layout="block" />
        </div>
      )}
      <LiveRegion message={seatAnnouncement(flows)} />
      {(() => {
        switch (licence.status) {
          case 'loading':
            return <span className="skeleton skeleton--card" aria-label="Loading the seat" />;
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
            return licence.value.status === 'inactive' ? (
              <div className="empty-state">
                <h2 className="empty-state__title">No licence on this computer</h2>
                <p className="empty-state__text">
                  Activate a floating licence key first; then you can take a seat from its pool.
                </p>
                <Button variant="primary" onClick={() => navigate('activation')}>
                  Go to Activation
                </Button>
              </div>
            ) : (
              <div className="stack">
                <SeatCard licence={licence.value} flows={flows} />
                <PoolCard licence={licence.value} />
              </div>
            );
          default:
            return assertNever(licence);
        }
      })()}
    </div>
  );
}
