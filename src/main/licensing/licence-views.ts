import type {
  LicenceStatus,
  LicenceView,
  SeatHolderView,
  SeatPoolView,
  SeatView,
} from '../../shared/model';
import type { ActivationRecord, Credentials, SeatHolder, SeatPool } from './backend';
import type { HeartbeatState, LeaseTiming } from './heartbeat-scheduler';
import { licensing } from '../../shared/texts/licensing.en';
import { LicensingError } from './licensing-error';
import { maskKey, maskMachine, maskToken } from './mask';
import type { PersistedLease, PersistedLicence } from '../store/persisted-state';

/** Pure functions from what main knows to what the renderer may see: no secret crosses here. */

export function seatViewFromSchedule(
  state: HeartbeatState<LeaseTiming>,
  lastHeartbeatAt: number | undefined,
): SeatView {
  switch (state.state) {
    case 'held':
      return {
        state: 'held',
        expiresAt: state.lease.expiresAt,
        nextHeartbeatAt: state.nextAt,
        lastHeartbeatAt: state.lastSuccessAt,
        heartbeatIntervalMs: state.lease.heartbeatIntervalMs,
      };
    case 'retrying':
      return {
        state: 'retrying',
        expiresAt: state.lease.expiresAt,
        nextHeartbeatAt: state.nextAt,
        lastHeartbeatAt,
        heartbeatIntervalMs: state.lease.heartbeatIntervalMs,
        lastError: state.error.toAppError(),
      };
    case 'lost':
      return {
        state: 'lost',
        nextHeartbeatAt: state.nextAt,
        lastHeartbeatAt,
        lastError: state.error.toAppError(),
      };
  }
}

/** Without a heartbeat loop (the CLI), the stored lease is all we know. */
export function seatViewFromLease(lease: PersistedLease | undefined, now: number): SeatView {
  if (!lease) return { state: 'none' };
  const base = {
    expiresAt: lease.expiresAt,
    lastHeartbeatAt: lease.lastHeartbeatAt,
    heartbeatIntervalMs: lease.heartbeatIntervalMs,
  };
  if (lease.expiresAt > now) return { state: 'held', ...base };
  return {
    state: 'lost',
    ...base,
    lastError: new LicensingError('seat_lost', licensing.seatLapsed()).toAppError(),
  };
}

export function licenceView(
  profileId: string,
  licence: PersistedLicence | undefined,
  seat: SeatView,
): LicenceView {
  if (!licence) return { profileId, status: 'inactive', mode: 'unknown', seat };
  // The stored licence holds only what may be shown (the key is a masked label).
  return { profileId, ...licence, seat };
}

const holderView = (holder: SeatHolder, isThisClient: boolean): SeatHolderView => ({
  tokenLabel: maskToken(holder.token),
  kind: holder.kind,
  clientName: holder.clientName,
  clientAddr: holder.clientAddr,
  machineLabel: maskMachine(holder.machineId),
  issuedAt: holder.issuedAt,
  expiresAt: holder.expiresAt,
  lastHeartbeatAt: holder.lastHeartbeatAt,
  revoked: holder.revoked,
  isThisClient,
});

export function seatPoolView(
  pool: SeatPool,
  isOurs: (holder: SeatHolder) => boolean,
  checkedAt: number,
): SeatPoolView {
  return {
    licenseId: pool.licenseId,
    activeClients: pool.activeClients,
    maxClients: pool.maxClients,
    holders: pool.holders.map((holder) => holderView(holder, isOurs(holder))),
    checkedAt,
  };
}

/** What the licence card shows for how this computer was activated: never a secret in full. */
export function keyLabelFor(given: Credentials, record: ActivationRecord): string {
  const key = record.issuedKey ?? (given.method === 'key' ? given.key : undefined);
  if (key) return maskKey(key);
  return given.method === 'account' ? `Account ${given.username}` : 'Device serial number';
}

/** Licence status derived from the refusal a server gave, so the screen tells the truth. */
export const statusFromError = (error: unknown): LicenceStatus | undefined => {
  if (!(error instanceof LicensingError)) return undefined;
  if (error.code === 'license_expired') return 'expired';
  if (error.code === 'license_revoked') return 'revoked';
  return undefined;
};
