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
import { secretName, type PersistedState, type StateStore } from '../store/persisted-state';
import type {
  ActivationRecord,
  ClientIdentity,
  Lease,
  LicensingBackend,
  SeatCapability,
} from './backend';
import type { HeartbeatScheduler, HeartbeatState } from './heartbeat-scheduler';
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
const statusFromError = (error: unknown): LicenceStatus | undefined =>
  error instanceof LicensingError
    ? ({ license_expired: 'expired', license_revoked: 'revoked' } as const)[
        error.code as 'license_expired' | 'license_revoked'
      ]
    : undefined;

/**
 * What the screens and the CLI do with licences: activate, deactivate, take and give back seats.
 * Writes follow one rule so nothing is ever lost: a secret is stored before the state that points
 * at it, and removed only after the state no longer does.
 */
export function createLicenceService(deps: LicenceServiceDeps) {
  const { secrets, state: store, scheduler, clock } = deps;
  const backends = new Map<string, LicensingBackend>();
  const listeners = new Set<(view: LicenceView) => void>();
  const lastHeartbeat = new Map<string, number>();

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
  const update = (change: (state: PersistedState) => void): void => {
    const next = store.load();
    change(next);
    store.save(next);
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
  const noteRefusal = (profileId: string, error: unknown): void => {
    const status = statusFromError(error);
    if (!status || !store.load().licences[profileId]) return;
    update((state) => {
      const licence = state.licences[profileId];
      if (licence) state.licences[profileId] = { ...licence, status, lastCheckedAt: clock.now() };
    });
  };
  const refusing = async <T>(profileId: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      noteRefusal(profileId, error);
      throw error;
    }
  };

  const saveLease = async (profileId: string, lease: Lease): Promise<void> => {
    await secrets.set(secretName.seatToken(profileId), lease.token);
    const now = clock.now();
    lastHeartbeat.set(profileId, now);
    update((state) => {
      state.leases[profileId] = {
        licenseId: lease.licenseId,
        expiresAt: lease.expiresAt,
        heartbeatIntervalMs: lease.heartbeatIntervalMs,
        activeClients: lease.activeClients,
        maxClients: lease.maxClients,
        lastHeartbeatAt: now,
      };
      // Every heartbeat also tells how full the pool is: keep the licence card current.
      const licence = state.licences[profileId];
      if (licence)
        state.licences[profileId] = {
          ...licence,
          activeClients: lease.activeClients,
          maxClients: lease.maxClients,
        };
    });
  };
  const storedLease = async (profileId: string): Promise<Lease> => {
    const persisted = store.load().leases[profileId];
    const token = persisted ? await secrets.get(secretName.seatToken(profileId)) : undefined;
    if (!persisted || !token)
      throw new LicensingError(
        'not_activated',
        'No floating seat is held on this computer. Request a seat first.',
      );
    return { ...persisted, token };
  };
  const forgetLease = async (profileId: string): Promise<void> => {
    scheduler.untrack(profileId);
    lastHeartbeat.delete(profileId);
    update((state) => void delete state.leases[profileId]);
    await secrets.delete(secretName.seatToken(profileId));
  };

  /** Heartbeat; when the server has dropped our token (lapse after an outage), take a seat again. */
  const renewOrRetake = async (profileId: string, lease: Lease): Promise<Lease> => {
    let next: Lease;
    try {
      next = await seatsOf(profileId).renew(lease);
    } catch (error) {
      if (!(error instanceof LicensingError) || error.code !== 'seat_lost') throw error;
      next = await seatsOf(profileId).request(await storedKey(profileId));
    }
    await saveLease(profileId, next);
    return next;
  };
  const track = (profileId: string, lease: Lease): void => {
    scheduler.track(profileId, lease, {
      renew: (current) => refusing(profileId, () => renewOrRetake(profileId, current)),
      onChange: (_: HeartbeatState<Lease>) => emit(profileId),
    });
  };

  const recordActivation = async (
    profileId: string,
    key: string,
    record: ActivationRecord,
  ): Promise<void> => {
    await secrets.set(secretName.licenceKey(profileId), key);
    if (record.token) await secrets.set(secretName.activationToken(profileId), record.token);
    const now = clock.now();
    update((state) => {
      const previous = state.licences[profileId];
      state.licences[profileId] = {
        licenseId: record.licenseId,
        mode: record.mode,
        status: 'active',
        keyLabel: maskKey(key),
        expiresAt: record.expiresAt,
        supportExpiresAt: record.supportExpiresAt,
        activeClients: record.activeClients,
        maxClients: record.maxClients,
        activatedAt: previous?.activatedAt ?? now,
        lastCheckedAt: now,
      };
    });
  };

  return {
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
      const record = await refusing(profileId, () => backend(profileId).activate(key));
      await recordActivation(profileId, key, record);
      emit(profileId);
      return view(profileId);
    },

    /** Re-checks the stored activation with the server (startup, "check now", CLI status --online). */
    async validate(profileId: string): Promise<LicenceView> {
      const key = await storedKey(profileId);
      const record = await refusing(profileId, () => backend(profileId).validate(key));
      await recordActivation(profileId, key, record);
      emit(profileId);
      return view(profileId);
    },

    async deactivate(profileId: string): Promise<LicenceView> {
      const key = await storedKey(profileId);
      if (store.load().leases[profileId]) await this.releaseSeat(profileId);
      if (store.load().licences[profileId]?.mode !== 'floating')
        await backend(profileId).deactivate(key);
      update((state) => void delete state.licences[profileId]);
      await secrets.delete(secretName.activationToken(profileId));
      await secrets.delete(secretName.licenceKey(profileId));
      emit(profileId);
      return view(profileId);
    },

    async requestSeat(profileId: string): Promise<LicenceView> {
      const key = await storedKey(profileId);
      const lease = await refusing(profileId, () => seatsOf(profileId).request(key));
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
          renewOrRetake(profileId, await storedLease(profileId)),
        );
        emit(profileId);
      }
      return view(profileId);
    },

    async releaseSeat(profileId: string): Promise<LicenceView> {
      const lease = await storedLease(profileId);
      // The server lets a seat go by itself once its token lapses; releasing only makes it sooner.
      await seatsOf(profileId).release(lease);
      await forgetLease(profileId);
      emit(profileId);
      return view(profileId);
    },

    async seatInfo(profileId: string): Promise<SeatPoolView> {
      const key = await storedKey(profileId);
      const pool = await refusing(profileId, () => seatsOf(profileId).info(key));
      const ourToken = store.load().leases[profileId]
        ? await secrets.get(secretName.seatToken(profileId))
        : undefined;
      const ourActivation = await secrets.get(secretName.activationToken(profileId));
      const isOurs = (holder: { token: string; clientId: string; machineId: string }) =>
        holder.token === ourToken || holder.token === ourActivation;
      return seatPoolView(pool, isOurs, clock.now());
    },

    /** Long-running hosts: pick up seats held before a restart and renew them at once. */
    async restore(): Promise<void> {
      if (!deps.keepAlive) return;
      for (const profileId of Object.keys(store.load().leases)) {
        if (!deps.profiles.some((candidate) => candidate.id === profileId)) continue;
        const lease = await storedLease(profileId).catch(() => undefined);
        if (!lease) continue;
        track(profileId, lease);
        void scheduler.renewNow(profileId);
      }
    },

    /** On quit: give every seat back, bounded in time; what cannot be released lapses on the server. */
    async shutdown(
      timeoutMs: number,
    ): Promise<{ released: string[]; failed: string[]; timedOut: string[] }> {
      const outcome = await scheduler.releaseAll(async (profileId) => {
        await seatsOf(profileId).release(await storedLease(profileId));
        await forgetLease(profileId);
      }, timeoutMs);
      return outcome;
    },
  };
}

export type LicenceService = ReturnType<typeof createLicenceService>;
