import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { ProfileView } from '../../../shared/model';
import { call } from '../api';
import { useAppStore } from './app-store';

/**
 * Activation links (`licensemgr://activate?key=…`) on their way to the activation form. Main
 * keeps the latest link until it is taken here; this store holds the key only until the form
 * has it. Nothing here activates: the person checks the key and clicks Activate.
 */

export interface LinkPrefill {
  readonly profileId: string;
  readonly key: string;
}

/**
 * Why the latest link did not fill in the form, shown on that profile's activation screen: refused
 * by main (not a valid link), or valid but this computer already has a licence there (the screen
 * words that one itself, so the store carries no text).
 */
export type LinkProblem =
  | { readonly kind: 'refused'; readonly profileId: string; readonly error: AppError }
  | { readonly kind: 'already-active'; readonly profileId: string };

interface LinkState {
  readonly prefill: LinkPrefill | null;
  /** Counts links that filled the form: the form starts afresh (remounts) for each one. */
  readonly arrivals: number;
  readonly problem: LinkProblem | null;
  /** Asks main for a waiting link (at start, and whenever one is announced). */
  take(): Promise<void>;
  /** The form has the key: the store lets go of it. */
  handedToForm(): void;
  /** The profile is already activated: the key is dropped, and the screen says why. */
  notUsed(profileId: string): void;
  dismissProblem(): void;
}

/**
 * The profile a link goes to: the one it names, else the one on screen if it takes keys, else the
 * first that does (main refuses a link when no profile takes keys).
 */
function targetProfile(
  named: string | undefined,
  profiles: readonly ProfileView[],
  shown: string | null,
): string | undefined {
  if (named !== undefined) return named;
  const takesKeys = profiles.filter((profile) => profile.activationMethods.includes('key'));
  return (takesKeys.find((profile) => profile.id === shown) ?? takesKeys[0])?.id;
}

export const useLinkStore = create<LinkState>()((set) => ({
  prefill: null,
  arrivals: 0,
  problem: null,

  async take() {
    const answer = await call('link:take', {});
    const app = useAppStore.getState();
    if (!answer.ok || answer.value.kind === 'none' || app.startup.status !== 'ready') return;
    const link = answer.value;
    const profileId = targetProfile(
      link.kind === 'activate' ? link.profileId : undefined,
      app.startup.profiles,
      app.profileId,
    );
    if (profileId === undefined) return;
    app.selectProfile(profileId);
    app.navigate('activation');
    if (link.kind === 'refused')
      return set({ prefill: null, problem: { profileId, error: link.error, kind: 'refused' } });
    set((state) => ({
      prefill: { profileId, key: link.key },
      arrivals: state.arrivals + 1,
      problem: null,
    }));
  },

  handedToForm() {
    set({ prefill: null });
  },

  notUsed(profileId) {
    set({ prefill: null, problem: { profileId, kind: 'already-active' } });
  },

  dismissProblem() {
    set({ problem: null });
  },
}));
