import type { Clock } from '../../shared/clock';
import type { LicenceView, SeatPoolView } from '../../shared/model';
import { licensing } from '../../shared/texts/licensing.en';
import type { SecretStore } from '../store/secret-store';
import { secretName } from '../store/persisted-state';
import type { Lease, SeatCapability } from './backend';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import type { LeaseBook } from './lease-book';
import type { LicenceRecords } from './licence-records';
import { seatPoolView } from './licence-views';
import { LicensingError } from './licensing-error';

/**
 * Floating seats: take one, keep it alive with heartbeats (taking a seat again when the server
 * dropped ours), give it back, list who holds the others, and give every seat back on quit. A
 * seat the state no longer lists is never taken back by a late heartbeat.
 */

const SHUTTING_DOWN = new LicensingError('invalid_input', licensing.closing());
const RELEASED_ELSEWHERE = new LicensingError('seat_lost', licensing.releasedElsewhere());

export function createLicenceSeats(deps: {
  readonly secrets: SecretStore;
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
  readonly keepAlive: boolean;
  readonly leases: LeaseBook;
  readonly records: Pick<LicenceRecords, 'storedKey' | 'refusing'>;
  readonly seatsOf: (profileId: string) => SeatCapability;
  /** Whether an id is a profile's (a seat), not an entry another service scheduled. */
  readonly isProfile: (id: string) => boolean;
  readonly view: (profileId: string) => LicenceView;
  readonly emit: (profileId: string) => void;
}) {
  const { secrets, scheduler, clock, leases, seatsOf, view, emit } = deps;
  const { storedKey, refusing } = deps.records;
  let closing = false;

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

  const seats = {
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

    /** Long-running hosts: renew the seats of these profiles, held before a restart. */
    async restore(profileIds: readonly string[]): Promise<void> {
      for (const profileId of profileIds) {
        const lease = await leases.stored(profileId).catch(() => undefined);
        if (!lease) continue;
        track(profileId, lease);
        void scheduler.renewNow(profileId);
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
        if (!deps.isProfile(id)) return releaseOther(id);
        const lease = await leases.stored(id);
        if (!lease) return;
        await seatsOf(id).release(lease);
        await leases.forget(id);
      }, timeoutMs);
    },
  };
  return seats;
}

export type LicenceSeats = ReturnType<typeof createLicenceSeats>;
