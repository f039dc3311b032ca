import { useEffect } from 'react';
import { subscribe } from '../api';
import { useLinkStore } from '../store/link-store';

/**
 * Takes activation links from main: once at start (a link that started the app, or came before
 * the page was ready) and each time main announces one.
 */
export function useActivationLinks(): void {
  useEffect(() => {
    const take = () => void useLinkStore.getState().take();
    // Listen first, so a link announced while the first take is on its way is not missed.
    const stop = subscribe('link:received', take);
    take();
    return stop;
  }, []);
}
