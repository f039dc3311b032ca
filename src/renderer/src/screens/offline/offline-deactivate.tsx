import { useOfflineProfile, useOfflineStore } from '../../store/offline-store';
import { Deactivate } from '../activation/deactivate';
import './offline.css';
import { tOffline } from '../../i18n/offline.en';

/**
 * Deactivation for a computer without internet: it forgets the licence here and gives a file for
 * the vendor's offline portal (shown on the activation screen that follows), which frees the
 * activation there.
 */
export function OfflineDeactivate({ profileId }: { readonly profileId: string }) {
  const { flows } = useOfflineProfile(profileId);
  const deactivate = useOfflineStore((s) => s.deactivate);
  const dismiss = useOfflineStore((s) => s.dismiss);
  const t = tOffline().deactivate;
  return (
    <Deactivate
      flow={flows.deactivate}
      onConfirm={() => void deactivate(profileId)}
      onDismissError={() => dismiss(profileId, 'deactivate')}
      consequence={t.consequence}
      label={t.label}
    />
  );
}
