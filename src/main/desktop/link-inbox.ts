import type { PendingLink } from '../../shared/desktop-model';
import { toAppError } from '../licensing/licensing-error';
import { MAX_LINK_LENGTH, parseActivationLink, type LinkProfile } from './deep-link';

/**
 * Holds the activation link the OS handed over until the renderer takes it. Links come whenever
 * the OS likes: on macOS before the app is ready, on Windows and Linux in the arguments of the
 * process that starts the app, and at any time later; the window may not exist yet or still be
 * loading. So nothing is pushed with the key in it: `onReceived` only rings, and the renderer
 * takes the link (on start, and on each ring), once. Kept in memory only, never written anywhere.
 */
export interface LinkInbox {
  /** A link from the OS or the browser host; a newer one replaces one not yet taken. */
  receive(url: string): void;
  /** The waiting link, judged against the profiles now configured, at most once. */
  take(profiles: readonly LinkProfile[]): PendingLink;
  onReceived(listener: () => void): () => void;
}

export function createLinkInbox(): LinkInbox {
  let waiting: string | undefined;
  const listeners = new Set<() => void>();
  return {
    receive(url) {
      // One character past the limit is enough for the parser to refuse it as too long.
      waiting = url.slice(0, MAX_LINK_LENGTH + 1);
      for (const listener of listeners) listener();
    },
    take(profiles) {
      const url = waiting;
      waiting = undefined;
      if (url === undefined) return { kind: 'none' };
      try {
        return { kind: 'activate', ...parseActivationLink(url, profiles) };
      } catch (error) {
        return { kind: 'refused', error: toAppError(error) };
      }
    },
    onReceived(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
