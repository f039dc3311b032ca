import type { Clock } from '../../shared/clock';
import type {
  LicenceStatus,
  LicenceView,
  ProfileView,
  SeatPoolView,
  SeatView,
} from '../../shared/model';
import type { ProfileConfig } from '../config/vendor-config';
import type { SecretStore } from '../store/secret-store';
import { secretName, type StateStore } from '../store/persisted-state';
import type {
  ActivationRecord,
  ClientIdentity,
  Lease,
  LicensingBackend,
  SeatCapability,
} from './backend';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import {
  licenceView,
  seatPoolView,
  seatViewFromLease,
  seatViewFromSchedule,
} from './licence-views';
import { LicensingError } from './licensing-error';
import { maskKey } from './mask';

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

/** Licence status derived from the refusal a server gave, so the screen tells the truth. */
const statusFromError = (error: unknown): LicenceStatus | undefined => {
  if (!(error instanceof LicensingError)) return undefined;
  if (error.code === 'license_expired') return 'expired';
  if (error.code === 'license_revoked') return 'revoked';
  return undefined;
};

const SHUTTING_DOWN = new LicensingError(
  'invalid_input',
  'The license manager is closing; no new seat is taken.',
);
const RELEASED_ELSEWHERE = new LicensingError(
  'seat_lost',
  'This seat was given back from another window or from the command line.',
);

/**
 * What the screens and the CLI do with licences: activate, deactivate, take and give back seats.
 * Writes follow one rule so nothing is ever lost: a secret is stored before the state that points
 * at it, and removed only after the state no longer does. Several processes may share the state
 * (the CLI while `serve` runs): every change is a fresh, locked read-modify-write, and a seat the
 * state no longer lists is never taken back by a late heartbeat.
 */
export function createLicenceService(deps: LicenceServiceDeps) {
  const { secrets, state: store, scheduler, clock } = deps;
  const backends = new Map<string, LicensingBackend>();
  const listeners = new Set<(view: LicenceView) => void>();
  const lastHeartbeat = new Map<string, number>();
  // Bumped whenever a profile's seat is tracked or forgotten: a renew or request that started
  // under an older generation must not save what it got.
  const generations = new Map<string, number>();
  const generationOf = (profileId: string): number => generations.get(profileId) ?? 0;
  const bump = (profileId: string): void =>
    void generations.set(profileId, generationOf(profileId) + 1);
  let closing = false;

  const profile = (profileId: string): ProfileConfig => {
    const found = deps.profiles.find((candidate) => candidate.id === profileId);
    if (!found)
      throw new LicensingError(
        'invalid_input',
        `There is no licensing profile "${profileId}" in the configuration.`,
      );
    return found;
  };
  const backend = (profileId: string): LicensingBackend => {
    let existing = backends.get(profileId);
    if (!existing) {
      existing = deps.backendFor(profile(profileId));
      backends.set(profileId, existing);
    }
    return existing;
  };
  const seatsOf = (profileId: string): SeatCapability => {
    const seats = backend(profileId).seats;
    if (!seats)
      throw new LicensingError(
        'invalid_input',
        `The "${profileId}" backend has no floating seats.`,
      );
    return seats;
  };
  const storedKey = async (profileId: string): Promise<string> => {
    const key = store.load().licences[profileId]
      ? await secrets.get(secretName.licenceKey(profileId))
      : undefined;
    if (!key)
      throw new LicensingError(
        'not_activated',
        'This licence is not activated on this computer yet. Activate it with your licence key first.',
      );
    return key;
  };

  const seatView = (profileId: string): SeatView => {
    const scheduled = scheduler.snapshot(profileId);
    if (scheduled) return seatViewFromSchedule(scheduled, lastHeartbeat.get(profileId));
    return seatViewFromLease(store.load().leases[profileId], clock.now());
  };
  const view = (profileId: string): LicenceView =>
    licenceView(profileId, store.load().licences[profileId], seatView(profileId));
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

  const saveLease = async (profileId: string, lease: Lease): Promise<void> => {
    await secrets.set(secretName.seatToken(profileId), lease.token);
    const now = clock.now();
    lastHeartbeat.set(profileId, now);
    store.update((state) => {
      const { licenseId, expiresAt, heartbeatIntervalMs, activeClients, maxClients } = lease;
      state.leases[profileId] = {
        licenseId,
        expiresAt,
        heartbeatIntervalMs,
        activeClients,
        maxClients,
        lastHeartbeatAt: now,
      };
      // Every heartbeat also tells how full the pool is: keep the licence card current.
      const licence = state.licences[profileId];
      if (licence) state.licences[profileId] = { ...licence, activeClients, maxClients };
    });
  };
  /** The held lease, or undefined after forgetting one whose token secret is gone. */
  const storedLease = async (profileId: string): Promise<Lease | undefined> => {
    const persisted = store.load().leases[profileId];
    if (!persisted) return undefined;
    const token = await secrets.get(secretName.seatToken(profileId));
    if (token) return { ...persisted, token };
    // The keyring lost the token: the seat lapses on the server by itself, so forget it here.
    await forgetLease(profileId);
    return undefined;
  };
  const requireLease = async (profileId: string): Promise<Lease> => {
    const lease = await storedLease(profileId);
    if (!lease)
      throw new LicensingError(
        'not_activated',
        'No floating seat is held on this computer. Request a seat first.',
      );
    return lease;
  };
  const forgetLease = async (profileId: string): Promise<void> => {
    scheduler.untrack(profileId);
    bump(profileId);
    lastHeartbeat.delete(profileId);
    store.update((state) => void delete state.leases[profileId]);
    await secrets.delete(secretName.seatToken(profileId));
  };

  /** Heartbeat; when the server has dropped our token (lapse after an outage), take a seat again. */
  const renewOrRetake = async (profileId: string, lease: Lease): Promise<Lease> => {
    const generation = generationOf(profileId);
    const stillOurs = () => generationOf(profileId) === generation && !closing;
    let next: Lease;
    try {
      next = await seatsOf(profileId).renew(lease);
    } catch (error) {
      if (!(error instanceof LicensingError) || error.code !== 'seat_lost') throw error;
      if (!store.load().leases[profileId]) throw RELEASED_ELSEWHERE;
      if (!stillOurs()) throw error;
      next = await seatsOf(profileId).request(await storedKey(profileId));
    }
    if (!stillOurs() || !store.load().leases[profileId]) {
      // Released while this call was in flight: give back what we just got, keep nothing.
      if (next.token !== lease.token)
        await seatsOf(profileId)
          .release(next)
          .catch(() => undefined);
      throw RELEASED_ELSEWHERE;
    }
    await saveLease(profileId, next);
    return next;
  };
  const track = (profileId: string, lease: Lease): void => {
    bump(profileId);
    scheduler.track(profileId, lease, {
      renew: async (current) => {
        try {
          return await refusing(profileId, () => renewOrRetake(profileId, current));
        } catch (error) {
          // The CLI gave the seat back on purpose: this window simply no longer holds one.
          if (error === RELEASED_ELSEWHERE) {
            scheduler.untrack(profileId);
            bump(profileId);
            queueMicrotask(() => emit(profileId));
          }
          throw error;
        }
      },
      onChange: () => emit(profileId),
    });
  };

  const recordActivation = async (
    profileId: string,
    key: string,
    record: ActivationRecord,
  ): Promise<void> => {
    if (record.token) await secrets.set(secretName.activationToken(profileId), record.token);
    const now = clock.now();
    store.update((state) => {
      const previous = state.licences[profileId];
      const { licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients } = record;
      state.licences[profileId] = {
        ...{ licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients },
        status: 'active',
        keyLabel: maskKey(key),
        activatedAt: previous?.activatedAt ?? now,
        lastCheckedAt: now,
      };
    });
  };

  const service = {
    profiles: (): ProfileView[] =>
      deps.profiles.map(({ id, kind, label, description }) => ({ id, kind, label, description })),
    status: async (profileId: string): Promise<LicenceView> => (
      profile(profileId),
      view(profileId)
    ),
    onChange(listener: (view: LicenceView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async activate(profileId: string, rawKey: string): Promise<LicenceView> {
      const key = rawKey.trim();
      const recorded = store.load().licences[profileId];
      const storedSame = recorded
        ? (await secrets.get(secretName.licenceKey(profileId))) === key
        : false;
      if (recorded && !storedSame) {
        throw new LicensingError(
          'invalid_input',
          `This computer already uses the licence ${recorded.keyLabel} here. Deactivate it first to use another key.`,
        );
      }
      // Store the key before the server learns of it: if secrets cannot be kept on this computer,
      // nothing is activated that could not be deactivated later.
      if (!recorded) await secrets.set(secretName.licenceKey(profileId), key);
      let record: ActivationRecord;
      try {
        record = await refusing(profileId, () => backend(profileId).activate(key));
      } catch (error) {
        if (!recorded) await secrets.delete(secretName.licenceKey(profileId));
        throw error;
      }
      await recordActivation(profileId, key, record);
      emit(profileId);
      return view(profileId);
    },

    /** Re-checks the stored activation with the server (at start in long-running hosts). */
    async validate(profileId: string): Promise<LicenceView> {
      const key = await storedKey(profileId);
      const record = await refusing(profileId, () => backend(profileId).validate(key));
      await recordActivation(profileId, key, record);
      emit(profileId);
      return view(profileId);
    },

    async deactivate(profileId: string): Promise<LicenceView> {
      const licence = store.load().licences[profileId];
      if (!licence)
        throw new LicensingError(
          'not_activated',
          'Nothing is activated here, so there is nothing to deactivate.',
        );
      if (store.load().leases[profileId]) await service.releaseSeat(profileId);
      const key = await secrets.get(secretName.licenceKey(profileId));
      // Without the key (keyring reset) the server cannot be told; the licence is still forgotten here.
      if (key && licence.mode !== 'floating') {
        await backend(profileId)
          .deactivate(key)
          .catch((error: unknown) => {
            // The vendor deleted the licence: there is nothing left to unbind.
            if (!(error instanceof LicensingError && error.code === 'invalid_key')) throw error;
          });
      }
      store.update((state) => void delete state.licences[profileId]);
      await secrets.delete(secretName.activationToken(profileId));
      await secrets.delete(secretName.licenceKey(profileId));
      emit(profileId);
      return view(profileId);
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
      await saveLease(profileId, lease);
      if (deps.keepAlive) track(profileId, lease);
      emit(profileId);
      return view(profileId);
    },

    async renewSeat(profileId: string): Promise<LicenceView> {
      if (scheduler.snapshot(profileId)) {
        await scheduler.renewNow(profileId);
      } else {
        await refusing(profileId, async () =>
          renewOrRetake(profileId, await requireLease(profileId)),
        );
        emit(profileId);
      }
      return view(profileId);
    },

    async releaseSeat(profileId: string): Promise<LicenceView> {
      const lease = await storedLease(profileId);
      if (lease) {
        // Stop heartbeating first, so no renew in flight can take the seat back after this.
        scheduler.untrack(profileId);
        bump(profileId);
        try {
          await seatsOf(profileId).release(lease);
        } catch (error) {
          if (deps.keepAlive) track(profileId, lease); // still ours: keep it alive, let the user retry
          throw error;
        }
        await forgetLease(profileId);
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
      const known = new Set(deps.profiles.map((candidate) => candidate.id));
      const state = store.load();
      for (const profileId of Object.keys(state.leases).filter((id) => known.has(id))) {
        const lease = await storedLease(profileId).catch(() => undefined);
        if (!lease) continue;
        track(profileId, lease);
        void scheduler.renewNow(profileId);
      }
      // A licence revoked or expired while the app was closed shows up as such; being offline
      // here changes nothing stored.
      for (const profileId of Object.keys(state.licences).filter((id) => known.has(id))) {
        void service.validate(profileId).catch(() => undefined);
      }
    },

    /** On quit: give every seat back, bounded in time; what cannot be released lapses on the server. */
    async shutdown(
      timeoutMs: number,
    ): Promise<{ released: string[]; failed: string[]; timedOut: string[] }> {
      closing = true;
      return scheduler.releaseAll(async (profileId) => {
        const lease = await storedLease(profileId);
        if (!lease) return;
        await seatsOf(profileId).release(lease);
        await forgetLease(profileId);
      }, timeoutMs);
    },
  };
  return service;
}

export type LicenceService = ReturnType<typeof createLicenceService>;
