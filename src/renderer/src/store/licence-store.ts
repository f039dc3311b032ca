import { create } from 'zustand';
import type { LicenceView } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../api';
import { beginRefresh, endRefresh, IDLE, LOADING, type Flow, type Remote } from '../lib/remote';
import { useSeatPoolStore } from './seat-pool-store';

/** Every action a person can start on a licence; each has its own flow, shown beside its button. */
export const LICENCE_ACTIONS = [
  'activate', // with a licence key
  'activateAccount', // by signing in to the vendor's account (FLECS user licence)
  'activateSerial', // by the device serial number the vendor configured
  'validate', // "Check now": ask the server whether the licence is still valid
  'deactivate',
  'request',
  'heartbeat',
  'release',
] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];
// The activation actions are named in lib (pure, shared with the node-side unit tests).
export type { ActivateAction } from '../lib/activation-text';
export type SeatAction = Extract<LicenceAction, 'request' | 'heartbeat' | 'release'>;

export type LicenceFlows = Readonly<Record<LicenceAction, Flow>>;

export interface ProfileLicence {
  readonly licence: Remote<LicenceView>;
  readonly flows: LicenceFlows;
}

function mapFlows(flows: LicenceFlows, change: (flow: Flow) => Flow): LicenceFlows {
  const next = {} as Record<LicenceAction, Flow>;
  for (const action of LICENCE_ACTIONS) next[action] = change(flows[action]);
  return next;
}

const IDLE_FLOWS: LicenceFlows = {
  activate: IDLE,
  activateAccount: IDLE,
  activateSerial: IDLE,
  validate: IDLE,
  deactivate: IDLE,
  request: IDLE,
  heartbeat: IDLE,
  release: IDLE,
};

/** What a profile looks like before anything was fetched; shared so selectors stay stable. */
export const EMPTY_PROFILE: ProfileLicence = { licence: LOADING, flows: IDLE_FLOWS };

/** True while any way of activating is on its way to the server. */
export function isActivating(flows: LicenceFlows): boolean {
  return (
    flows.activate.status === 'submitting' ||
    flows.activateAccount.status === 'submitting' ||
    flows.activateSerial.status === 'submitting'
  );
}

interface LicenceState {
  readonly byProfile: Readonly<Record<string, ProfileLicence>>;
  load(profileId: string): Promise<void>;
  activate(profileId: string, key: string): Promise<boolean>;
  /**
   * Signs in for this one call. The password goes straight to the core and is never put in this
   * store (nor in a flow or an error): the form that typed it is the only place that holds it.
   */
  activateAccount(profileId: string, username: string, password: string): Promise<boolean>;
  activateSerial(profileId: string): Promise<boolean>;
  /** Re-checks the licence with the server now. */
  validate(profileId: string): Promise<boolean>;
  deactivate(profileId: string): Promise<boolean>;
  seat(profileId: string, action: SeatAction): Promise<boolean>;
  /** A view pushed by the core (`licence:changed`): heartbeats, loss, changes made elsewhere. */
  apply(view: LicenceView): void;
  dismiss(profileId: string, action: LicenceAction): void;
}

const SEAT_CHANNELS = {
  request: 'seat:request',
  heartbeat: 'seat:heartbeat',
  release: 'seat:release',
} as const satisfies Record<SeatAction, string>;

export const useLicenceStore = create<LicenceState>()((set, get) => {
  const current = (profileId: string): ProfileLicence =>
    get().byProfile[profileId] ?? EMPTY_PROFILE;

  const patch = (profileId: string, change: Partial<ProfileLicence>): void =>
    set((state) => ({
      byProfile: { ...state.byProfile, [profileId]: { ...current(profileId), ...change } },
    }));

  /**
   * Runs one action. Starting it clears the outcome of the others: only the latest message beside
   * a button stays, so an old error never sits next to a newer success.
   */
  const run = async (
    profileId: string,
    action: LicenceAction,
    send: () => Promise<Result<LicenceView>>,
  ): Promise<boolean> => {
    if (current(profileId).flows[action].status === 'submitting') return false;
    const settled = mapFlows(current(profileId).flows, (flow) =>
      flow.status === 'submitting' ? flow : IDLE,
    );
    patch(profileId, { flows: { ...settled, [action]: { status: 'submitting' } } });

    const result = await send();
    const outcome: Flow = result.ok
      ? { status: 'succeeded', at: Date.now() }
      : { status: 'failed', error: result.error };
    const latest = current(profileId);
    patch(profileId, {
      flows: { ...latest.flows, [action]: outcome },
      ...(result.ok
        ? { licence: { status: 'loaded', value: result.value, refreshing: false } }
        : {}),
    });
    return result.ok;
  };

  return {
    byProfile: {},

    async load(profileId) {
      patch(profileId, { licence: beginRefresh(current(profileId).licence) });
      const result = await call('licence:status', { profileId });
      patch(profileId, { licence: endRefresh(current(profileId).licence, result) });
    },

    activate(profileId, key) {
      return run(profileId, 'activate', () => call('licence:activate', { profileId, key }));
    },

    activateAccount(profileId, username, password) {
      return run(profileId, 'activateAccount', () =>
        call('licence:activate-account', { profileId, username, password }),
      );
    },

    activateSerial(profileId) {
      return run(profileId, 'activateSerial', () => call('licence:activate-serial', { profileId }));
    },

    validate(profileId) {
      return run(profileId, 'validate', () => call('licence:validate', { profileId }));
    },

    deactivate(profileId) {
      return run(profileId, 'deactivate', () => call('licence:deactivate', { profileId }));
    },

    async seat(profileId, action) {
      const done = await run(profileId, action, () => call(SEAT_CHANNELS[action], { profileId }));
      // Taking or giving back a seat changes the holders list; a heartbeat does not.
      if (action !== 'heartbeat') void useSeatPoolStore.getState().refresh(profileId);
      return done;
    },

    apply(view) {
      patch(view.profileId, { licence: { status: 'loaded', value: view, refreshing: false } });
    },

    dismiss(profileId, action) {
      const { flows } = current(profileId);
      if (flows[action].status !== 'submitting')
        patch(profileId, { flows: { ...flows, [action]: IDLE } });
    },
  };
});

export function useProfileLicence(profileId: string): ProfileLicence {
  return useLicenceStore((state) => state.byProfile[profileId] ?? EMPTY_PROFILE);
}
