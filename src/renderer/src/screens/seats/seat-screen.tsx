import { useEffect } from 'react';
import { Button } from '../../components/button';
import { useAppStore, useRequiredProfile } from '../../store/app-store';
import { useProfileLicence } from '../../store/licence-store';
import { useSeatPoolStore } from '../../store/seat-pool-store';
import { LicencePage } from '../licence-page';
import { PoolCard } from './pool-card';
import { SeatCard, seatAnnouncement } from './seat-card';
import './seats.css';

export default function SeatScreen() {
  const profile = useRequiredProfile();
  const { licence, flows } = useProfileLicence(profile.id);
  const refreshPool = useSeatPoolStore((s) => s.refresh);
  const navigate = useAppStore((s) => s.navigate);
  const active = licence.status === 'loaded' && licence.value.status !== 'inactive';

  // Fetch the holders each time the screen opens: they change on other computers, unseen.
  useEffect(() => {
    if (active) void refreshPool(profile.id);
  }, [active, profile.id, refreshPool]);

  return (
    <LicencePage
      title="Seats"
      profile={profile}
      licence={licence}
      loadingLabel="Loading the seat"
      announcement={seatAnnouncement(flows)}
    >
      {(view) =>
        view.status === 'inactive' ? (
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
            <SeatCard licence={view} flows={flows} />
            <PoolCard licence={view} />
          </div>
        )
      }
    </LicencePage>
  );
}
