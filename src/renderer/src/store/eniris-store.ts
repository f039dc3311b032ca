import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type {
  EnirisAccountView,
  EnirisLicenceList,
  EnirisLicenceView,
} from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../api';
import { sameQuery, type LicenceQuery } from '../lib/eniris-text';
import { beginRefresh, endRefresh, LOADING, type Remote } from '../lib/remote';
import {
  draftQuery,
  EMPTY_DRAFT,
  rememberDraft,
  rememberedDraft,
  type QueryDraft,
} from './eniris-query';

/**
 * The Eniris (Sofar) screen's state per profile: the installer's account, one outcome per action
 * (shown beside its button), and the licence listing. Keys and passwords are never put here: the
 * forms that typed them hand them straight to the core. The query draft, and remembering it
 * between visits: eniris-query.ts.
 */

/** One action's outcome, carrying what the core answered so the screen can show it. */
export type Outcome<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'submitting' }
  | { readonly status: 'succeeded'; readonly value: T; readonly at: number }
  | { readonly status: 'failed'; readonly error: AppError; readonly at: number };

const IDLE = { status: 'idle' } as const;

export interface ClaimResult {
  readonly nodeId: string;
  readonly list: EnirisLicenceList;
}

export interface EnirisFlows {
  readonly signIn: Outcome<EnirisAccountView>;
  readonly signOut: Outcome<EnirisAccountView>;
  readonly activate: Outcome<EnirisLicenceView>;
  readonly claim: Outcome<ClaimResult>;
}
export type EnirisFlowName = keyof EnirisFlows;

/** What the licences table shows, and for which query. */
export type Listing =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly query: LicenceQuery }
  | { readonly status: 'failed'; readonly query: LicenceQuery; readonly error: AppError }
  | {
      readonly status: 'loaded';
      readonly query: LicenceQuery;
      readonly value: EnirisLicenceList;
      readonly refreshing: boolean;
      readonly refreshError?: AppError;
    };

export interface EnirisProfileState {
  readonly account: Remote<EnirisAccountView>;
  /** Why the account is signed out now, when an action found the session gone. */
  readonly sessionEnded?: AppError;
  readonly flows: EnirisFlows;
  readonly draft: QueryDraft;
  readonly listing: Listing;
}

const IDLE_FLOWS: EnirisFlows = { signIn: IDLE, signOut: IDLE, activate: IDLE, claim: IDLE };

function initialState(profileId: string): EnirisProfileState {
  return {
    account: LOADING,
    flows: IDLE_FLOWS,
    draft: rememberedDraft(profileId) ?? EMPTY_DRAFT,
    listing: IDLE,
  };
}

interface EnirisState {
  readonly byProfile: Readonly<Record<string, EnirisProfileState>>;
  loadAccount(profileId: string): Promise<void>;
  /** The password goes to the core for this one call and is not kept anywhere here. */
  signIn(profileId: string, username: string, password: string): Promise<boolean>;
  signOut(profileId: string): Promise<boolean>;
  activate(profileId: string, key: string, activationIso?: string): Promise<boolean>;
  claim(profileId: string, key: string, nodeId: string): Promise<boolean>;
  setDraft(profileId: string, change: Partial<QueryDraft>): void;
  /** Lists the licences the draft asks for, and remembers it for next time. */
  showLicences(profileId: string, query: LicenceQuery): Promise<void>;
  /** Shows the remembered query again, once per sign-in, if nothing is shown yet. */
  restoreListing(profileId: string): void;
  dismiss(profileId: string, flow: EnirisFlowName): void;
  dismissListingError(profileId: string): void;
}

export const useEnirisStore = create<EnirisState>()((set, get) => {
  const current = (profileId: string): EnirisProfileState =>
    get().byProfile[profileId] ?? initialState(profileId);

  const patch = (profileId: string, change: Partial<EnirisProfileState>): void =>
    set((state) => ({
      byProfile: { ...state.byProfile, [profileId]: { ...current(profileId), ...change } },
    }));

  const setFlow = <F extends EnirisFlowName>(
    profileId: string,
    flow: F,
    outcome: EnirisFlows[F],
  ): void => patch(profileId, { flows: { ...current(profileId).flows, [flow]: outcome } });

  /** Runs one action; a second click while it is on its way is ignored. */
  const run = async <F extends EnirisFlowName, T>(
    profileId: string,
    flow: F,
    send: () => Promise<Result<T>>,
    outcome: (value: T) => EnirisFlows[F] & { status: 'succeeded' },
  ): Promise<Result<T> | undefined> => {
    if (current(profileId).flows[flow].status === 'submitting') return undefined;
    setFlow(profileId, flow, { status: 'submitting' } as EnirisFlows[F]);
    const result = await send();
    setFlow(
      profileId,
      flow,
      result.ok
        ? outcome(result.value)
        : ({ status: 'failed', error: result.error, at: Date.now() } as EnirisFlows[F]),
    );
    return result;
  };

  /** A new account (or none): what was shown belongs to the old one. */
  const resetFor = (profileId: string, account: EnirisAccountView): void =>
    patch(profileId, {
      account: { status: 'loaded', value: account, refreshing: false },
      sessionEnded: undefined,
      listing: IDLE,
      flows: {
        ...IDLE_FLOWS,
        // Keep the outcome of the action that caused the change, for its announcement.
        signIn: account.signedIn ? current(profileId).flows.signIn : IDLE,
        signOut: account.signedIn ? IDLE : current(profileId).flows.signOut,
      },
    });

  /**
   * An action refused for want of a session ("Sign in to Eniris first", "session has expired"):
   * ask the core whether the account is still signed in. If not, the screen goes back to the
   * sign-in card and says why; if it is, the error stays beside the action like any other.
   */
  const checkSession = async (profileId: string, error: AppError): Promise<void> => {
    if (error.code !== 'invalid_credentials') return;
    const account = await call('eniris:account', { profileId });
    if (account.ok && !account.value.signedIn) {
      resetFor(profileId, account.value);
      patch(profileId, { sessionEnded: error });
    }
  };

  // Only the latest listing request may fill the table: an older answer arriving late is dropped.
  const listingSeq = new Map<string, number>();
  // The remembered query is shown again at most once per sign-in.
  const restored = new Set<string>();

  const list = async (profileId: string, query: LicenceQuery): Promise<void> => {
    const seq = (listingSeq.get(profileId) ?? 0) + 1;
    listingSeq.set(profileId, seq);
    const before = current(profileId).listing;
    const keep = before.status === 'loaded' && sameQuery(before.query, query);
    patch(profileId, {
      listing: keep
        ? { ...before, refreshing: true, refreshError: undefined }
        : { status: 'loading', query },
    });
    const result = await call(
      'eniris:licences',
      query.by === 'controller'
        ? { profileId, nodeId: query.nodeId }
        : { profileId, customerId: query.customerId },
    );
    if (listingSeq.get(profileId) !== seq) return;
    const latest = current(profileId).listing;
    if (result.ok) {
      patch(profileId, {
        listing: { status: 'loaded', query, value: result.value, refreshing: false },
      });
    } else if (latest.status === 'loaded' && sameQuery(latest.query, query)) {
      patch(profileId, { listing: { ...latest, refreshing: false, refreshError: result.error } });
    } else {
      patch(profileId, { listing: { status: 'failed', query, error: result.error } });
    }
    if (!result.ok) await checkSession(profileId, result.error);
  };

  return {
    byProfile: {},

    async loadAccount(profileId) {
      patch(profileId, { account: beginRefresh(current(profileId).account) });
      const result = await call('eniris:account', { profileId });
      patch(profileId, { account: endRefresh(current(profileId).account, result) });
    },

    async signIn(profileId, username, password) {
      const result = await run(
        profileId,
        'signIn',
        () => call('eniris:sign-in', { profileId, username, password }),
        (value) => ({ status: 'succeeded', value, at: Date.now() }),
      );
      if (!result?.ok) return false;
      restored.delete(profileId);
      resetFor(profileId, result.value);
      return result.value.signedIn;
    },

    async signOut(profileId) {
      const result = await run(
        profileId,
        'signOut',
        () => call('eniris:sign-out', { profileId }),
        (value) => ({ status: 'succeeded', value, at: Date.now() }),
      );
      if (!result?.ok) return false;
      listingSeq.set(profileId, (listingSeq.get(profileId) ?? 0) + 1);
      resetFor(profileId, result.value);
      return true;
    },

    async activate(profileId, key, activationIso) {
      const result = await run(
        profileId,
        'activate',
        () =>
          call('eniris:activate', {
            profileId,
            key,
            ...(activationIso ? { activationIso } : {}),
          }),
        (value) => ({ status: 'succeeded', value, at: Date.now() }),
      );
      if (!result) return false;
      if (!result.ok) {
        await checkSession(profileId, result.error);
        return false;
      }
      // The licence may be in the table on screen: show its new state there too.
      const { listing } = current(profileId);
      if (listing.status === 'loaded') void list(profileId, listing.query);
      return true;
    },

    async claim(profileId, key, nodeId) {
      const result = await run(
        profileId,
        'claim',
        () => call('eniris:claim', { profileId, key, nodeId }),
        (value) => ({ status: 'succeeded', value: { nodeId, list: value }, at: Date.now() }),
      );
      if (!result) return false;
      if (!result.ok) {
        await checkSession(profileId, result.error);
        return false;
      }
      // The answer is the controller's licences after the claim: show them in the table.
      listingSeq.set(profileId, (listingSeq.get(profileId) ?? 0) + 1);
      const draft: QueryDraft = { ...current(profileId).draft, by: 'controller', nodeId };
      rememberDraft(profileId, draft);
      patch(profileId, {
        draft,
        listing: {
          status: 'loaded',
          query: { by: 'controller', nodeId },
          value: result.value,
          refreshing: false,
        },
      });
      return true;
    },

    setDraft(profileId, change) {
      patch(profileId, { draft: { ...current(profileId).draft, ...change } });
    },

    async showLicences(profileId, query) {
      rememberDraft(profileId, current(profileId).draft);
      await list(profileId, query);
    },

    restoreListing(profileId) {
      if (restored.has(profileId)) return;
      restored.add(profileId);
      const { listing, draft } = current(profileId);
      const query = draftQuery(draft);
      if (listing.status === 'idle' && query && rememberedDraft(profileId))
        void list(profileId, query);
    },

    dismiss(profileId, flow) {
      if (current(profileId).flows[flow].status !== 'submitting') setFlow(profileId, flow, IDLE);
    },

    dismissListingError(profileId) {
      const { listing } = current(profileId);
      if (listing.status === 'failed') patch(profileId, { listing: IDLE });
      if (listing.status === 'loaded' && listing.refreshError)
        patch(profileId, { listing: { ...listing, refreshError: undefined } });
    },
  };
});

/** A stable empty state per profile id, so a selector never returns a new object on each call. */
const fallbacks = new Map<string, EnirisProfileState>();
function fallback(profileId: string): EnirisProfileState {
  let state = fallbacks.get(profileId);
  if (!state) {
    state = initialState(profileId);
    fallbacks.set(profileId, state);
  }
  return state;
}

export function useEnirisProfile(profileId: string): EnirisProfileState {
  return useEnirisStore((state) => state.byProfile[profileId] ?? fallback(profileId));
}
