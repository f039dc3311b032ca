import type { LicenceMode } from '../../../shared/model';
import type { ActivationRecord, Lease, SeatHolder, SeatPool } from '../backend';
import type {
  ActivationReply,
  HeartbeatReply,
  InfoReply,
  SeatRequestReply,
  TokenInfo,
} from './seats-wire';

/** From parsed Babel replies to the domain model the core works with. */

/** The service's default `Licensing.HeartbeatInterval` (00:05:00), used when a reply omits it. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 5 * 60_000;

const MODE_BY_NUMBER: Readonly<Record<number, LicenceMode>> = {
  0: 'file',
  1: 'activation',
  2: 'floating',
};
const MODE_BY_NAME: Readonly<Record<string, LicenceMode>> = {
  file: 'file',
  licensefile: 'file',
  activation: 'activation',
  licenseactivation: 'activation',
  floating: 'floating',
  floatinglicense: 'floating',
};

export function licenceMode(wire: number | string): LicenceMode {
  if (typeof wire === 'number') return MODE_BY_NUMBER[wire] ?? 'unknown';
  return MODE_BY_NAME[wire.toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown';
}

export function toActivationRecord(reply: ActivationReply): ActivationRecord {
  const mode = licenceMode(reply.license.licensingMode);
  // Floating licences have no activation token: activate only proves the key is good, and the
  // token validate may echo is this client's floating seat, which belongs to the Lease, not here.
  const token = mode === 'floating' ? undefined : reply.licenseToken || undefined;
  return {
    licenseId: reply.license.licenseId,
    mode,
    token,
    tokenExpiresAt: token === undefined ? undefined : reply.tokenExpireAt,
    expiresAt: reply.license.expireAt,
    supportExpiresAt: reply.license.supportExpireAt,
    activeClients: reply.activeClientCount,
    maxClients: reply.maxClientCount,
  };
}

/**
 * Lease timing when the server leaves it out: the documented default interval, and an expiry one
 * interval from now, which is when the server expects to hear from us next at the latest.
 *
 * `tokenExpireAt` is an instant on the server's clock. A token just granted or renewed lives at
 * least one heartbeat interval (the server's own pace), so an expiry sooner than that on our clock
 * means our clock runs ahead of the server's. Taken as it is, such a lease looks expired on arrival
 * and the scheduler renews at its 1 s floor for as long as the app runs (measured: a clock 10
 * minutes ahead made 32 heartbeats in 8 minutes instead of 8). The interval is then the best
 * estimate we have; a clock running behind only makes the lease look longer, which the server's
 * `seat_lost` answer corrects.
 */
function leaseTiming(
  reply: { tokenExpireAt?: number; heartbeatInterval?: number },
  now: number,
): Pick<Lease, 'expiresAt' | 'heartbeatIntervalMs'> {
  const heartbeatIntervalMs = reply.heartbeatInterval ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  const earliest = now + heartbeatIntervalMs;
  const given = reply.tokenExpireAt;
  return {
    heartbeatIntervalMs,
    expiresAt: given !== undefined && given > earliest ? given : earliest,
  };
}

export function toLease(reply: SeatRequestReply, now: number): Lease {
  return {
    licenseId: reply.license.licenseId,
    token: reply.licenseToken,
    ...leaseTiming(reply, now),
    activeClients: reply.activeClientCount,
    maxClients: reply.maxClientCount,
  };
}

export function renewedLease(previous: Lease, reply: HeartbeatReply, now: number): Lease {
  return {
    ...previous,
    ...leaseTiming(reply, now),
    activeClients: reply.activeClientCount,
    maxClients: reply.maxClientCount,
  };
}

/** Token prefixes per our ASSUME (`actk_`, `fltk_`); otherwise the pool's mode decides. */
function holderKind(token: string, poolMode: LicenceMode): SeatHolder['kind'] {
  if (token.startsWith('fltk_')) return 'floating';
  if (token.startsWith('actk_')) return 'activation';
  return poolMode === 'floating' ? 'floating' : 'activation';
}

function toHolder(info: TokenInfo, poolMode: LicenceMode): SeatHolder {
  return {
    token: info.token,
    kind: holderKind(info.token, poolMode),
    clientId: info.clientId,
    clientName: info.clientName,
    clientAddr: info.clientAddr || undefined,
    machineId: info.machineId,
    issuedAt: info.issuedAt,
    expiresAt: info.expireAt,
    lastHeartbeatAt: info.lastHearbeat ?? info.lastHeartbeat,
    revoked: info.revoked,
  };
}

export function toSeatPool(reply: InfoReply): SeatPool {
  const mode = licenceMode(reply.licensingMode);
  return {
    licenseId: reply.licenseId,
    mode,
    activeClients: reply.activeClientCount,
    maxClients: reply.maxClientCount,
    revoked: reply.revoked,
    issuedAt: reply.issuedAt,
    expiresAt: reply.expireAt,
    supportExpiresAt: reply.supportExpireAt,
    holders: reply.licenseTokens.map((token) => toHolder(token, mode)),
  };
}
