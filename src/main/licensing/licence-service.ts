import type { Clock } from '../../shared/clock';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import type { LicenceView, ProfileView, SeatPoolView } from '../../shared/model';
import type { ProfileConfig } from '../config/vendor-config';
import type { SecretStore } from '../store/secret-store';
import { secretName, type PersistedLicence, type StateStore } from '../store/persisted-state';
import type {
  ActivationRecord,
  ClientIdentity,
  Credentials,
  Lease,
  LicensingBackend,
} from './backend';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import { createLeaseBook } from './lease-book';
import { createRevalidation } from './revalidation';
import { createProfileBackends } from './profile-backends';
import { keyLabelFor, licenceView, seatPoolView, statusFromError } from './licence-views';
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

const SHUTTING_DOWN = new LicensingError('invalid_input', licensing.closing());
const SUPERSEDED = new LicensingError('not_activated', licensing.superseded());
const RELEASED_ELSEWHERE = new LicensingError('seat_lost', licensing.releasedElsewhere());

/** Why a licence is not valid: English for the CLI and the log, and the text the screens translate. */
const statusReasonOf = (
  reason: Text | string,
): Pick<PersistedLicence, 'statusReason' | 'statusReasonText'> =>
  typeof reason === 'string'
    ? { statusReason: reason }
    : { statusReason: inEnglish(reason), statusReasonText: reason };

/**
 * What the screens and the CLI do with licences: activate, deactivate, take and give back seats.
 * Writes follow one rule so nothing is ever lost: a secret is stored before the state that points
 * at it, and removed only after the state no longer does. Several processes may share the state
 * (the CLI while `serve` runs): every change is a fresh, locked read-modify-write, and a seat the
 * state no longer lists is never taken back by a late heartbeat.
 */
export function createLicenceService(deps: LicenceServiceDeps) {
  const { secrets, state: store, scheduler, clock } = deps;
  const listeners = new Set<(view: LicenceView) => void>();
  const leases = createLeaseBook({ secrets, store, scheduler, clock });
  let closing = false;

  const profiles = createProfileBackends(deps.profiles, deps.backendFor);
  const { profile, backend, seatsOf } = profiles;
  const revalidation = createRevalidation({
    ...{ scheduler, clock, enabled: deps.keepAlive },
    validate: (profileId) => service.validate(profileId),
    everyMsOf: (profileId) => backend(profileId).revalidateEveryMs,
  });
  const storedKey = async (profileId: string): Promise<string> => {
    const key = store.load().licences[profileId]
      ? await secrets.get(secretName.licenceKey(profileId))
      : undefined;
    if (!key) throw new LicensingError('not_activated', licensing.notActivatedUseKey());
    return key;
  };

  const view = (profileId: string): LicenceView =>
    licenceView(profileId, store.load().licences[profileId], leases.view(profileId));
  const emit = (profileId: string): void => {
    const current = view(profileId);
    for (const listener of listeners) listener(current);
  };

  /** A refusal that says the licence itself is gone (expired, revoked) is remembered. */
  const refusing = async <T>(profileId: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      const status = statusFromError(error);
      if (status && store.load().licences[profileId]) {
        store.update((state) => {
          const licence = state.licences[profileId];
          if (licence)
            state.licences[profileId] = { ...licence, status, lastCheckedAt: clock.now() };
        });
      }
      throw error;
    }
  };

  /** Heartbeat; when the server has dropped our token (lapse after an outage), take a seat again. */
  const renewOrRetake = async (profileId: string, lease: Lease): Promise<Lease> => {
    const generation = leases.generationOf(profileId);
    const stillOurs = () => leases.generationOf(profileId) === generation && !closing;
    let next: Lease;
    try {
      next = await seatsOf(profileId).renew(lease);
    } catch (error) {
      if (!(error instanceof LicensingError) || error.code !== 'seat_lost') throw error;
      if (!leases.isHeld(profileId)) throw RELEASED_ELSEWHERE;
      if (!stillOurs()) throw error;
      next = await seatsOf(profileId).request(await storedKey(profileId));
    }
    // Released while this call was in flight (checked last as the lease is written): give back
    // what we just got, keep nothing.
    if (!stillOurs() || !(await leases.saveRenewed(profileId, lease, next))) {
      if (next.token !== lease.token)
        await seatsOf(profileId)
          .release(next)
          .catch(() => undefined);
      throw RELEASED_ELSEWHERE;
    }
    return next;
  };
  const track = (profileId: string, lease: Lease): void => {
    leases.bump(profileId);
    scheduler.track(profileId, lease, {
      renew: async (current) => {
        try {
          return await refusing(profileId, () => renewOrRetake(profileId, current));
        } catch (error) {
          // The CLI gave the seat back on purpose: this window simply no longer holds one.
          if (error === RELEASED_ELSEWHERE) {
            scheduler.untrack(profileId);
            leases.bump(profileId);
            queueMicrotask(() => emit(profileId));
          }
          throw error;
        }
      },
      onChange: () => emit(profileId),
    });
  };

  /**
   * Records the server's answer. `recheckOf` is the activation a re-check started from: when it
   * is gone (deactivated meanwhile, here or from the CLI), the late answer must not bring it back.
   */
  const recordActivation = async (
    profileId: string,
    keyLabel: string,
    record: ActivationRecord,
    recheckOf?: PersistedLicence,
  ): Promise<void> => {
    const stillThere = () =>
      !recheckOf || store.load().licences[profileId]?.activatedAt === recheckOf.activatedAt;
    if (!stillThere()) throw SUPERSEDED;
    if (record.token) await secrets.set(secretName.activationToken(profileId), record.token);
    const now = clock.now();
    let superseded = false;
    store.update((state) => {
      const previous = state.licences[profileId];
      if (recheckOf && previous?.activatedAt !== recheckOf.activatedAt) {
        superseded = true;
        return;
      }
      const { licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients } = record;
      state.licences[profileId] = {
        ...{ licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients, keyLabel },
        status: record.valid === false ? 'invalid' : 'active',
        ...(record.valid === false
          ? statusReasonOf(record.invalidReason ?? licensing.serverSaysNotValid())
          : {}),
        activatedAt: previous?.activatedAt ?? now,
        lastCheckedAt: now,
      };
    });
    if (superseded) throw SUPERSEDED;
  };

  /** One licence per profile: another key (or account) needs a deactivation first. */
  const refuseOtherLicence = async (
    profileId: string,
    given: Credentials,
  ): Promise<PersistedLicence | undefined> => {
    const recorded = store.load().licences[profileId];
    const sameKey =
      recorded !== undefined &&
      given.method === 'key' &&
      (await secrets.get(secretName.licenceKey(profileId))) === given.key;
    if (recorded && !sameKey) {
      throw new LicensingError(
        'invalid_input',
        licensing.otherLicenceHere({ keyLabel: recorded.keyLabel }),
      );
    }
    return recorded;
  };

  /** Before a licence is let go: give back its seat and stop re-checking it. */
  const stopKeeping = async (profileId: string): Promise<void> => {
    if (leases.isHeld(profileId)) await service.releaseSeat(profileId);
    revalidation.stop(profileId);
  };

  /** Forgets the activation here only: the state first, then the secrets it pointed at. */
  const forgetStored = async (profileId: string): Promise<LicenceView> => {
    store.update((state) => void delete state.licences[profileId]);
    await secrets.delete(secretName.activationToken(profileId));
    await secrets.delete(secretName.licenceKey(profileId));
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
      const key = await secrets.get(secretName.licenceKey(profileId));
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

    async requestSeat(profileId: string): Promise<LicenceView> {
      if (closing) throw SHUTTING_DOWN;
      const key = await storedKey(profileId);
      const lease = await refusing(profileId, () => seatsOf(profileId).request(key));
      if (closing) {
        await seatsOf(profileId)
          .release(lease)
          .catch(() => undefined);
        throw SHUTTING_DOWN;
      }
      await leases.save(profileId, lease);
      if (deps.keepAlive) track(profileId, lease);
      emit(profileId);
      return view(profileId);
    },

    async renewSeat(profileId: string): Promise<LicenceView> {
      if (scheduler.snapshot(profileId)) {
        await scheduler.renewNow(profileId);
      } else {
        await refusing(profileId, async () =>
          renewOrRetake(profileId, await leases.require(profileId)),
        );
        emit(profileId);
      }
      return view(profileId);
    },

    async releaseSeat(profileId: string): Promise<LicenceView> {
      const lease = await leases.stored(profileId);
      if (lease) {
        // Stop heartbeating first, so no renew in flight can take the seat back after this.
        scheduler.untrack(profileId);
        leases.bump(profileId);
        try {
          await seatsOf(profileId).release(lease);
        } catch (error) {
          if (deps.keepAlive) track(profileId, lease); // still ours: keep it alive, let the user retry
          throw error;
        }
        await leases.forget(profileId);
      }
      emit(profileId);
      return view(profileId);
    },

    async seatInfo(profileId: string): Promise<SeatPoolView> {
      const key = await storedKey(profileId);
      const pool = await refusing(profileId, () => seatsOf(profileId).info(key));
      const ours = new Set(
        await Promise.all([
          secrets.get(secretName.seatToken(profileId)),
          secrets.get(secretName.activationToken(profileId)),
        ]),
      );
      return seatPoolView(pool, (holder) => ours.has(holder.token), clock.now());
    },

    /** Long-running hosts: renew seats held before a restart, and re-check every activation. */
    async restore(): Promise<void> {
      if (!deps.keepAlive) return;
      const state = store.load();
      for (const profileId of Object.keys(state.leases).filter(profiles.has)) {
        const lease = await leases.stored(profileId).catch(() => undefined);
        if (!lease) continue;
        track(profileId, lease);
        void scheduler.renewNow(profileId);
      }
      // A licence revoked or expired while the app was closed shows up as such; being offline
      // here changes nothing stored.
      for (const profileId of Object.keys(state.licences).filter(profiles.has)) {
        void service.validate(profileId).catch(() => undefined);
        revalidation.start(profileId);
      }
    },

    /**
     * On quit: give every seat back, bounded in time; what cannot be released lapses on the server.
     * Entries other services scheduled (LicenseSpring floating slots) go to `releaseOther`.
     */
    async shutdown(
      timeoutMs: number,
      releaseOther: (id: string) => Promise<void> = async () => undefined,
    ): Promise<{ released: string[]; failed: string[]; timedOut: string[] }> {
      closing = true;
      return scheduler.releaseAll(async (id) => {
        if (!profiles.has(id)) return releaseOther(id);
        const lease = await leases.stored(id);
        if (!lease) return;
        await seatsOf(id).release(lease);
        await leases.forget(id);
      }, timeoutMs);
    },
  };
  return service;
}

export type LicenceService = ReturnType<typeof createLicenceService>;
