import { useEffect } from 'react';
import { Button } from '../../components/button';
import { useAppStore, useRequiredProfile } from '../../store/app-store';
import { useProfileLicence } from '../../store/licence-store';
import { useSeatPoolStore } from '../../store/seat-pool-store';
import { LicencePage } from '../licence-page';
import { PoolCard } from './pool-card';
import { SeatCard, seatAnnouncement } from './seat-card';
import './seats.css';
import { tSeats } from '../../i18n/seats.en';

export default function SeatScreen() {
  const profile = useRequiredProfile();
  const { licence, flows } = useProfileLicence(profile.id);
  const refreshPool = useSeatPoolStore((s) => s.refresh);
  const navigate = useAppStore((s) => s.navigate);
  const active = licence.status === 'loaded' && licence.value.status !== 'inactive';
  const t = tSeats().screen;

  // Fetch the holders each time the screen opens: they change on other computers, unseen.
  useEffect(() => {
    if (active) void refreshPool(profile.id);
  }, [active, profile.id, refreshPool]);

  return (
    <LicencePage
      title={t.title}
      profile={profile}
      licence={licence}
      loadingLabel={t.loading}
      announcement={seatAnnouncement(flows)}
    >
      {(view) =>
        view.status === 'inactive' ? (
          <div className="empty-state">
            <h2 className="empty-state__title">{t.emptyTitle}</h2>
            <p className="empty-state__text">{t.emptyText}</p>
            <Button variant="primary" onClick={() => navigate('activation')}>
              {t.goToActivation}
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
