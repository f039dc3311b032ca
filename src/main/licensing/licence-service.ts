import type { Clock } from '../../shared/clock';
import type { LicenceView, ProfileView } from '../../shared/model';
import type { ProfileConfig } from '../config/vendor-config';
import { UndecryptableSecretError, type SecretStore } from '../store/secret-store';
import { secretName, type StateStore } from '../store/persisted-state';
import type { ActivationRecord, ClientIdentity, Credentials, LicensingBackend } from './backend';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import { createLeaseBook } from './lease-book';
import { createLicenceRecords } from './licence-records';
import { createLicenceSeats } from './licence-seats';
import { createRevalidation } from './revalidation';
import { createProfileBackends } from './profile-backends';
import { keyLabelFor, licenceView } from './licence-views';
import { licensing } from '../../shared/texts/licensing.en';
import { LicensingError } from './licensing-error';

export interface LicenceServiceDeps {
  readonly profiles: readonly ProfileConfig[];
  readonly backendFor: (profile: ProfileConfig) => LicensingBackend;
  readonly secrets: SecretStore;
  readonly state: StateStore;
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
  readonly identity: ClientIdentity;
  /** True in long-running hosts (app, browser host): held seats are heartbeated and released on quit. */
  readonly keepAlive: boolean;
}

/**
 * What the screens and the CLI do with licences: activate, deactivate, take and give back seats.
 * Writes follow one rule so nothing is ever lost: a secret is stored before the state that points
 * at it, and removed only after the state no longer does. Several processes may share the state
 * (the CLI while `serve` runs): every change is a fresh, locked read-modify-write, and a seat the
 * state no longer lists is never taken back by a late heartbeat. The writes are in
 * licence-records.ts, the seats in licence-seats.ts; this puts them together with the profiles'
 * adapters and the periodic re-checks.
 */
export function createLicenceService(deps: LicenceServiceDeps) {
  const { secrets, state: store, scheduler, clock } = deps;
  const listeners = new Set<(view: LicenceView) => void>();
  const leases = createLeaseBook({ secrets, store, scheduler, clock });
  const records = createLicenceRecords({ secrets, store, clock });
  const { storedKey, refusing, recordActivation, refuseOtherLicence } = records;

  const profiles = createProfileBackends(deps.profiles, deps.backendFor);
  const { profile, backend } = profiles;
  const revalidation = createRevalidation({
    ...{ scheduler, clock, enabled: deps.keepAlive },
    validate: (profileId) => service.validate(profileId),
    everyMsOf: (profileId) => backend(profileId).revalidateEveryMs,
  });

  const view = (profileId: string): LicenceView =>
    licenceView(profileId, store.load().licences[profileId], leases.view(profileId));
  const emit = (profileId: string): void => {
    const current = view(profileId);
    for (const listener of listeners) listener(current);
  };

  const seats = createLicenceSeats({
    ...{ secrets, scheduler, clock, keepAlive: deps.keepAlive, leases, records },
    seatsOf: profiles.seatsOf,
    isProfile: profiles.has,
    view,
    emit,
  });

  /** Before a licence is let go: give back its seat and stop re-checking it. */
  const stopKeeping = async (profileId: string): Promise<void> => {
    if (leases.isHeld(profileId)) await seats.releaseSeat(profileId);
    revalidation.stop(profileId);
  };

  /** Forgets the activation here only, and tells whoever listens. */
  const forgetStored = async (profileId: string): Promise<LicenceView> => {
    await records.forget(profileId);
    emit(profileId);
    return view(profileId);
  };

  const service = {
    profiles: (): ProfileView[] => profiles.views(),
    status: async (profileId: string): Promise<LicenceView> => (
      profile(profileId),
      view(profileId)
    ),
    onChange(listener: (view: LicenceView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async activate(profileId: string, credentials: Credentials): Promise<LicenceView> {
      const given: Credentials =
        credentials.method === 'key' ? { method: 'key', key: credentials.key.trim() } : credentials;
      const recorded = await refuseOtherLicence(profileId, given);
      // Store a typed key before the server learns of it: if secrets cannot be kept on this
      // computer, nothing is activated that could not be deactivated later.
      const newKey = given.method === 'key' && !recorded ? given.key : undefined;
      if (newKey) await secrets.set(secretName.licenceKey(profileId), newKey);
      let record: ActivationRecord;
      try {
        record = await refusing(profileId, () => backend(profileId).activate(given));
      } catch (error) {
        if (newKey) await secrets.delete(secretName.licenceKey(profileId));
        throw error;
      }
      // A key the server issued (a FLECS user licence, spent for good) is kept like a typed one.
      if (record.issuedKey) await secrets.set(secretName.licenceKey(profileId), record.issuedKey);
      await recordActivation(profileId, keyLabelFor(given, record), record);
      revalidation.start(profileId);
      emit(profileId);
      return view(profileId);
    },

    /** Re-checks the stored activation with the server (at start, and on request). */
    validate: (profileId: string): Promise<LicenceView> =>
      service.checkWith(profileId, (key) => backend(profileId).validate(key)),

    /**
     * Re-checks the stored activation through `check` (the backend's own validate, or a richer
     * call that also answers an activation record, such as LicenseSpring's check_license), and
     * records the answer; a refusal that says the licence is gone is remembered.
     */
    async checkWith(
      profileId: string,
      check: (key: string | undefined) => Promise<ActivationRecord>,
    ): Promise<LicenceView> {
      const licence = store.load().licences[profileId];
      if (!licence) throw new LicensingError('not_activated', licensing.notActivatedYet());
      const key = await secrets.get(secretName.licenceKey(profileId));
      const record = await refusing(profileId, () => check(key));
      await recordActivation(profileId, licence.keyLabel, record, licence);
      emit(profileId);
      return view(profileId);
    },

    /** The stored licence key (or account name) of an activated profile, for companion services. */
    storedKey,
    /** The adapter of a profile, for companion services that use its extra capabilities. */
    backend,

    async deactivate(profileId: string): Promise<LicenceView> {
      const licence = store.load().licences[profileId];
      if (!licence) throw new LicensingError('not_activated', licensing.nothingToDeactivate());
      await stopKeeping(profileId);
      // A key this computer can no longer decrypt (its keyring was replaced) is of no use here
      // again, and is kept until the person says so: deactivating is that, and goes on as when
      // the key is gone (the server, which cannot be told, frees it from the vendor's portal). A
      // locked or missing keyring is another error, and stops the deactivation.
      const key = await secrets.get(secretName.licenceKey(profileId)).catch((error: unknown) => {
        if (error instanceof UndecryptableSecretError) return undefined;
        throw error;
      });
      if (licence.mode !== 'floating') {
        await backend(profileId)
          .deactivate(key)
          .catch((error: unknown) => {
            // The vendor deleted the licence, or the keyring lost its key so the server cannot be
            // told: either way there is nothing left to unbind from here.
            const gone =
              error instanceof LicensingError &&
              (error.code === 'invalid_key' || error.code === 'not_activated');
            if (!gone) throw error;
          });
      }
      return forgetStored(profileId);
    },

    /**
     * Records an activation the server made without hearing from this computer (an offline
     * response file), with the key it was made for, exactly as `activate` records its answer.
     */
    async adopt(profileId: string, key: string, record: ActivationRecord): Promise<LicenceView> {
      const given: Credentials = { method: 'key', key };
      await refuseOtherLicence(profileId, given);
      await secrets.set(secretName.licenceKey(profileId), key);
      await recordActivation(profileId, keyLabelFor(given, record), record);
      emit(profileId);
      return view(profileId);
    },

    /**
     * Deactivated without a network (an offline deactivation file, which the person takes to the
     * vendor's portal): nothing is sent from here, only this computer forgets the licence.
     */
    async forgetLocally(profileId: string): Promise<LicenceView> {
      await stopKeeping(profileId);
      return forgetStored(profileId);
    },

    requestSeat: seats.requestSeat,
    renewSeat: seats.renewSeat,
    releaseSeat: seats.releaseSeat,
    seatInfo: seats.seatInfo,

    /** Long-running hosts: renew seats held before a restart, and re-check every activation. */
    async restore(): Promise<void> {
      if (!deps.keepAlive) return;
      const state = store.load();
      await seats.restore(Object.keys(state.leases).filter(profiles.has));
      // A licence revoked or expired while the app was closed shows up as such; being offline
      // here changes nothing stored.
      for (const profileId of Object.keys(state.licences).filter(profiles.has)) {
        void service.validate(profileId).catch(() => undefined);
        revalidation.start(profileId);
      }
    },

    shutdown: seats.shutdown,
  };
  return service;
}

export type LicenceService = ReturnType<typeof createLicenceService>;
