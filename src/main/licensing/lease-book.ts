import type { Clock } from '../../shared/clock';
import type { SeatView } from '../../shared/model';
import { secretName, type StateStore } from '../store/persisted-state';
import type { SecretStore } from '../store/secret-store';
import type { Lease } from './backend';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import { seatViewFromLease, seatViewFromSchedule } from './licence-views';
import { licensing } from '../../shared/texts/licensing.en';
import { LicensingError } from './licensing-error';

/**
 * Where held seats are written down: the token in the secret store, the rest in the state, and a
 * generation per profile that changes whenever a seat is tracked or forgotten, so a renew or
 * request that started under an older generation knows not to save what it got.
 */
export function createLeaseBook(deps: {
  readonly secrets: SecretStore;
  readonly store: StateStore;
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
}) {
  const { secrets, store, scheduler, clock } = deps;
  const generations = new Map<string, number>();
  const lastHeartbeat = new Map<string, number>();
  const generationOf = (profileId: string): number => generations.get(profileId) ?? 0;

  /** Writes the lease (not its token) into the state; returns false if `onlyIfHeld` and it is not. */
  const record = (profileId: string, lease: Lease, onlyIfHeld: boolean): boolean => {
    const now = clock.now();
    let written = false;
    store.update((state) => {
      if (onlyIfHeld && !state.leases[profileId]) return;
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
      written = true;
    });
    if (written) lastHeartbeat.set(profileId, now);
    return written;
  };

  const book = {
    generationOf,
    bump: (profileId: string): void => void generations.set(profileId, generationOf(profileId) + 1),
    isHeld: (profileId: string): boolean => store.load().leases[profileId] !== undefined,

    /** A seat just taken: its token, then its lease. */
    async save(profileId: string, lease: Lease): Promise<void> {
      await secrets.set(secretName.seatToken(profileId), lease.token);
      record(profileId, lease, false);
    },

    /**
     * A heartbeat's answer `next` for the seat `held`: false, with nothing written back, when the
     * seat was given back meanwhile (from the CLI, or another window). The token is written only
     * when the server changed it, so most heartbeats never ask the keychain. That rests on one
     * order: whoever forgets a seat removes its lease from the state before its token from the
     * keychain. So while the state still holds the lease, `held`'s token is still there (or a
     * newer seat's, written before its lease); and the lease is written only if the state still
     * holds one, checked in the same locked update that writes it. A token changed here for a
     * seat given back meanwhile may stay in the keychain: without a lease nothing reads it, and
     * the next seat's token replaces it.
     */
    async saveRenewed(profileId: string, held: Lease, next: Lease): Promise<boolean> {
      if (next.token !== held.token) await secrets.set(secretName.seatToken(profileId), next.token);
      return record(profileId, next, true);
    },

    /** The held lease, or undefined (after forgetting one whose token secret is gone). */
    async stored(profileId: string): Promise<Lease | undefined> {
      const persisted = store.load().leases[profileId];
      if (!persisted) return undefined;
      const token = await secrets.get(secretName.seatToken(profileId));
      if (token) return { ...persisted, token };
      // The keyring lost the token: the seat lapses on the server by itself, so forget it here.
      await book.forget(profileId);
      return undefined;
    },

    async require(profileId: string): Promise<Lease> {
      const lease = await book.stored(profileId);
      if (!lease) throw new LicensingError('not_activated', licensing.noSeatHeld());
      return lease;
    },

    async forget(profileId: string): Promise<void> {
      scheduler.untrack(profileId);
      book.bump(profileId);
      lastHeartbeat.delete(profileId);
      store.update((state) => void delete state.leases[profileId]);
      await secrets.delete(secretName.seatToken(profileId));
    },

    view(profileId: string): SeatView {
      const scheduled = scheduler.snapshot(profileId);
      if (scheduled) return seatViewFromSchedule(scheduled, lastHeartbeat.get(profileId));
      return seatViewFromLease(store.load().leases[profileId], clock.now());
    },
  };
  return book;
}

export type LeaseBook = ReturnType<typeof createLeaseBook>;
