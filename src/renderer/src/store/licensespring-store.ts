import { create } from 'zustand';
import type { LsLicenceDetails, LsProductView } from '../../../shared/licensespring-model';
import type { Result } from '../../../shared/result';
import { call } from '../api';
import { tLicensespring } from '../i18n/licensespring.en';
import { assertNever } from '../lib/assert-never';
import { keyOf, type LsAction } from '../lib/licensespring-actions';
import { actionNote } from '../lib/licensespring-text';
import { beginRefresh, endRefresh, LOADING, type Flow, type Remote } from '../lib/remote';
import { useLicenceStore } from './licence-store';

/**
 * The LicenseSpring screens' state per profile: the licence's details, one outcome per action
 * (shown beside its button, on the licence or on one feature), and the product with its trial
 * offer for the activation screen. Every action answers with the fresh details, which replace
 * what is shown unless a newer answer is already on screen.
 */

/** A settled success carries its sentence, written from the details it returned. */
export type LsOutcome =
  | Exclude<Flow, { readonly status: 'succeeded' }>
  | { readonly status: 'succeeded'; readonly at: number; readonly note: string };

export interface LsProfileState {
  readonly details: Remote<LsLicenceDetails>;
  /** By action key (lib/licensespring-actions `actionKey`); a key not here is idle. */
  readonly outcomes: Readonly<Record<string, LsOutcome>>;
  /** The action started last, which the screen's live region speaks about. */
  readonly latest?: LsAction;
  /** Undefined until the activation screen asks whether a trial is offered. */
  readonly product?: Remote<LsProductView>;
  readonly trial: LsOutcome;
}

const IDLE: LsOutcome = { status: 'idle' };
const EMPTY: LsProfileState = { details: LOADING, outcomes: {}, trial: IDLE };

/**
 * Stale answers: every write of the details takes a ticket, and a ticket older than the last one
 * applied is dropped. A load takes its ticket when it starts (its answer may predate any action
 * that finishes meanwhile); an action takes its ticket when it returns, since its answer is the
 * server's state after it.
 */
const tickets = new Map<string, number>();
const applied = new Map<string, number>();
function takeTicket(profileId: string): number {
  const ticket = (tickets.get(profileId) ?? 0) + 1;
  tickets.set(profileId, ticket);
  return ticket;
}
/** True (and recorded) when this ticket is newer than what the screen shows. */
function admit(profileId: string, ticket: number): boolean {
  if (ticket <= (applied.get(profileId) ?? 0)) return false;
  applied.set(profileId, ticket);
  return true;
}

interface LicenseSpringState {
  readonly byProfile: Readonly<Record<string, LsProfileState>>;
  /** The last answer with a fresh local check; no request to the licensing server. */
  load(profileId: string): Promise<void>;
  /** Runs one action of the Licence or Features screen; resolves true when it succeeded. */
  act(profileId: string, action: LsAction): Promise<boolean>;
  loadProduct(profileId: string): Promise<void>;
  /** Activates this computer's trial licence; the licence store then shows it as activated. */
  startTrial(profileId: string, email: string | undefined): Promise<boolean>;
  dismiss(profileId: string, key: string): void;
  dismissTrial(profileId: string): void;
}

/** The channel behind each action: every one of them answers with the fresh details. */
function send(profileId: string, action: LsAction): Promise<Result<LsLicenceDetails>> {
  switch (action.kind) {
    case 'refresh':
      return call('licensespring:details', { profileId, refresh: true });
    case 'borrow':
      return call('licensespring:borrow', { profileId, until: action.until });
    case 'release':
      return call('licensespring:release', { profileId });
    case 'consume':
      return call('licensespring:consume', { profileId, amount: action.amount });
    case 'feature-check':
      return call('licensespring:feature-check', { profileId, feature: action.feature });
    case 'feature-borrow':
      return call('licensespring:feature-borrow', {
        profileId,
        feature: action.feature,
        until: action.until,
      });
    case 'feature-release':
      return call('licensespring:feature-release', { profileId, feature: action.feature });
    case 'feature-consume':
      return call('licensespring:consume', {
        profileId,
        amount: action.amount,
        feature: action.feature,
      });
    default:
      return assertNever(action);
  }
}

export const useLicenseSpringStore = create<LicenseSpringState>()((set, get) => {
  const current = (profileId: string): LsProfileState => get().byProfile[profileId] ?? EMPTY;

  const patch = (profileId: string, change: Partial<LsProfileState>): void =>
    set((state) => ({
      byProfile: { ...state.byProfile, [profileId]: { ...current(profileId), ...change } },
    }));

  return {
    byProfile: {},

    async load(profileId) {
      const ticket = takeTicket(profileId);
      patch(profileId, { details: beginRefresh(current(profileId).details) });
      const result = await call('licensespring:details', { profileId });
      if (admit(profileId, ticket))
        patch(profileId, { details: endRefresh(current(profileId).details, result) });
    },

    /**
     * Starting an action clears the settled outcomes of the others: only the latest message stays
     * beside a button, so an old error never sits next to a newer success elsewhere.
     */
    async act(profileId, action) {
      const key = keyOf(action);
      const before = current(profileId).outcomes;
      if (before[key]?.status === 'submitting') return false;
      const running = Object.fromEntries(
        Object.entries(before).filter(([, outcome]) => outcome.status === 'submitting'),
      );
      patch(profileId, {
        outcomes: { ...running, [key]: { status: 'submitting' } },
        latest: action,
      });

      const result = await send(profileId, action);
      const fresh = result.ok && admit(profileId, takeTicket(profileId));
      const outcome: LsOutcome = result.ok
        ? { status: 'succeeded', at: Date.now(), note: actionNote(action, result.value) }
        : { status: 'failed', error: result.error };
      patch(profileId, {
        outcomes: { ...current(profileId).outcomes, [key]: outcome },
        ...(fresh ? { details: { status: 'loaded', value: result.value, refreshing: false } } : {}),
      });
      return result.ok;
    },

    async loadProduct(profileId) {
      patch(profileId, { product: beginRefresh(current(profileId).product) });
      const result = await call('licensespring:product', { profileId });
      patch(profileId, { product: endRefresh(current(profileId).product, result) });
    },

    async startTrial(profileId, email) {
      if (current(profileId).trial.status === 'submitting') return false;
      patch(profileId, { trial: { status: 'submitting' } });
      const result = await call('licensespring:trial', {
        profileId,
        ...(email !== undefined ? { email } : {}),
      });
      if (!result.ok) {
        patch(profileId, { trial: { status: 'failed', error: result.error } });
        return false;
      }
      patch(profileId, {
        trial: { status: 'succeeded', at: Date.now(), note: tLicensespring().trial.started },
      });
      // As an activation does: the licence store now holds the activated licence.
      useLicenceStore.getState().apply(result.value);
      return true;
    },

    dismiss(profileId, key) {
      const { outcomes } = current(profileId);
      if (outcomes[key] && outcomes[key].status !== 'submitting')
        patch(profileId, { outcomes: { ...outcomes, [key]: IDLE } });
    },

    dismissTrial(profileId) {
      if (current(profileId).trial.status !== 'submitting') patch(profileId, { trial: IDLE });
    },
  };
});

/**
 * A licence that leaves this computer (deactivated, or replaced by another) takes its details
 * with it: forget them, so the next licence never shows the last one's terms while it loads.
 */
useLicenceStore.subscribe((state, previous) => {
  for (const [profileId, { licence }] of Object.entries(state.byProfile)) {
    const before = previous.byProfile[profileId]?.licence;
    if (licence.status !== 'loaded' || before?.status !== 'loaded') continue;
    const gone = licence.value.status === 'inactive' && before.value.status !== 'inactive';
    const replaced = licence.value.keyLabel !== before.value.keyLabel;
    if ((gone || replaced) && useLicenseSpringStore.getState().byProfile[profileId]) {
      // Whatever is still on its way about the old licence is dropped when it arrives.
      admit(profileId, takeTicket(profileId));
      useLicenseSpringStore.setState((ls) => ({
        byProfile: {
          ...ls.byProfile,
          [profileId]: { ...EMPTY, product: ls.byProfile[profileId]?.product },
        },
      }));
    }
  }
});

export function useLsProfile(profileId: string): LsProfileState {
  return useLicenseSpringStore((state) => state.byProfile[profileId] ?? EMPTY);
}

/** One action's outcome; idle when it has none. */
export function outcomeOf(state: LsProfileState, key: string): LsOutcome {
  return state.outcomes[key] ?? IDLE;
}
