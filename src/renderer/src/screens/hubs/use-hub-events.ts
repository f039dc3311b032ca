import { useEffect } from 'react';
import type { HubsChanged } from '../../../../shared/hubs-model';
import { subscribe } from '../../api';
import { useHubsStore } from '../../store/hubs/hubs-store';

/**
 * While the screen is open, applies `hubs:changed` events to the store, at most once per frame: a
 * refresh of 1,000 hubs can push events faster than a screen repaints, and each store update costs
 * a pass over the fleet's filters. Events that arrive between two frames are applied together.
 * (Away from the screen nothing listens; opening it lists the fleet again.)
 */
export function useHubEvents(): void {
  useEffect(() => {
    let pending: HubsChanged[] = [];
    let frame: number | undefined;
    const flush = (): void => {
      frame = undefined;
      const batch = pending;
      pending = [];
      useHubsStore.getState().applyChanges(batch);
    };
    const unsubscribe = subscribe('hubs:changed', (event) => {
      pending.push(event);
      frame ??= requestAnimationFrame(flush);
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
      // Whatever arrived before leaving still counts.
      if (pending.length > 0) flush();
    };
  }, []);
}
