import { useEffect } from 'react';
import { subscribe } from '../api';
import { useLicenceStore } from '../store/licence-store';
import { useSeatPoolStore } from '../store/seat-pool-store';

/**
 * Keeps the stores in step with what the core pushes (heartbeats, a lost seat, a change made from
 * the CLI). The holders list is refetched only when the change can have altered it, and only if
 * something has shown it before.
 */
export function useLiveUpdates(): void {
  useEffect(
    () =>
      subscribe('licence:changed', (view) => {
        const before = useLicenceStore.getState().byProfile[view.profileId]?.licence;
        useLicenceStore.getState().apply(view);
        const previous = before?.status === 'loaded' ? before.value : undefined;
        const poolShown = useSeatPoolStore.getState().byProfile[view.profileId] !== undefined;
        const poolChanged =
          previous?.seat.state !== view.seat.state ||
          previous?.activeClients !== view.activeClients ||
          previous?.status !== view.status;
        if (poolShown && poolChanged) void useSeatPoolStore.getState().refresh(view.profileId);
      }),
    [],
  );
}
