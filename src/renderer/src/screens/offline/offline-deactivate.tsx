import { useOfflineProfile, useOfflineStore } from '../../store/offline-store';
import { Deactivate } from '../activation/deactivate';
import './offline.css';

/**
 * Deactivation for a computer without internet: it forgets the licence here and gives a file for
 * the vendor's offline portal (shown on the activation screen that follows), which frees the
 * activation there.
 */
export function OfflineDeactivate({ profileId }: { readonly profileId: string }) {
  const { flows } = useOfflineProfile(profileId);
  const deactivate = useOfflineStore((s) => s.deactivate);
  const dismiss = useOfflineStore((s) => s.dismiss);
  return (
    <Deactivate
      flow={flows.deactivate}
      onConfirm={() => void deactivate(profileId)}
      onDismissError={() => dismiss(profileId, 'deactivate')}
      consequence="No internet here? Deactivate with a file: this computer forgets the licence and gives you a file for the vendor's offline portal, which frees the activation."
      label="Deactivate offline…"
    />
  );
}
