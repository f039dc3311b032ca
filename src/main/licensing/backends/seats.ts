import type { Clock } from '../../../shared/clock';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import type {
  ClientIdentity,
  Credentials,
  Lease,
  LicensingBackend,
  SeatCapability,
} from '../backend';
import { seats as seatTexts } from '../../../shared/texts/seats.en';
import { LicensingError } from '../licensing-error';
import { normaliseLicenceKey } from './key-input';
import {
  failureError,
  isAlreadyGone,
  refusalError,
  seatUnavailableError,
  type SeatsOperation,
} from './seats-errors';
import { renewedLease, toActivationRecord, toLease, toSeatPool } from './seats-mapping';
import {
  activationReply,
  countsReply,
  heartbeatReply,
  infoReply,
  seatRequestReply,
} from './seats-wire';
import { isSuccess, normaliseBaseUrl, parseReply } from './wire-helpers';

/**
 * Adapter for the Babel Licensing Service (contract: shared/backends/CONTRACTS.md §3): activation
 * licences bound to this machine, and floating seats taken from a pool and kept by heartbeats.
 */
export interface SeatsBackendOptions {
  /** http(s)://host:port, no trailing path. */
  readonly baseUrl: string;
  /** Sent as x-api-key. */
  readonly apiKey: string;
  /** Optional `Authorization: Bearer`. */
  readonly bearerToken?: string;
  readonly http: HttpClient;
  /** machineId, clientId and clientName go with every request. */
  readonly identity: ClientIdentity;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

const PATHS: Readonly<Record<SeatsOperation, string>> = {
  activate: '/v1/license/activate',
  validate: '/v1/license/validate',
  deactivate: '/v1/license/deactivate',
  request: '/v1/license/request',
  renew: '/v1/license/heartbeat',
  release: '/v1/license/release',
  info: '/v1/license/info',
};

export function createSeatsBackend(
  options: SeatsBackendOptions,
): LicensingBackend & { seats: SeatCapability } {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = hostOf(baseUrl);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'x-api-key': options.apiKey,
    ...(options.bearerToken ? { Authorization: `Bearer ${options.bearerToken}` } : {}),
  };
  const { machineId, clientId, clientName } = options.identity;

  /** One POST with the identity fields every Babel request carries. */
  async function send(
    operation: SeatsOperation,
    subject: { userKey: string } | { licenseToken: string },
  ): Promise<HttpResponse> {
    return options.http.request({
      method: 'POST',
      url: `${baseUrl}${PATHS[operation]}`,
      headers,
      body: { ...subject, machineId, clientId, clientName },
      timeoutMs: options.timeoutMs,
    });
  }

  const context = (operation: SeatsOperation, secret: string) => ({
    operation,
    host,
    secrets: [secret, options.apiKey, options.bearerToken ?? ''],
    now: options.clock.now(),
  });

  /** The 2xx body, or the mapped error for anything else. */
  async function call(operation: SeatsOperation, key: string): Promise<unknown> {
    const response = await send(operation, { userKey: key });
    if (isSuccess(response)) return response.body;
    throw failureError(response, context(operation, key));
  }

  async function activateOrValidate(operation: 'activate' | 'validate', rawKey: string) {
    const key = normaliseLicenceKey(rawKey);
    const body = await call(operation, key);
    const reply = parseReply(activationReply, body, host);
    if (!reply.success) throw refusalError(body, context(operation, key));
    return toActivationRecord(reply);
  }

  /** release and deactivate: "already gone" is success, and an empty 2xx body is fine. */
  async function letGo(
    operation: 'release' | 'deactivate',
    subject: { userKey: string } | { licenseToken: string },
    secret: string,
  ): Promise<void> {
    const response = await send(operation, subject);
    if (!isSuccess(response)) {
      if (isAlreadyGone(response)) return;
      throw failureError(response, context(operation, secret));
    }
    // Still parsed: a captive portal's 200 page must not pass for a released seat.
    if (response.body !== undefined) parseReply(countsReply, response.body, host);
  }

  const seats: SeatCapability = {
    async request(rawKey) {
      const key = normaliseLicenceKey(rawKey);
      const reply = parseReply(seatRequestReply, await call('request', key), host);
      if (!reply.granted) {
        throw seatUnavailableError('request', {
          activeClients: reply.activeClientCount,
          maxClients: reply.maxClientCount,
        });
      }
      if (!reply.licenseToken) {
        throw new LicensingError('protocol', seatTexts.noSeatToken({ host }));
      }
      return toLease(reply, options.clock.now());
    },

    async renew(lease) {
      const token = requireToken(lease);
      const response = await send('renew', { licenseToken: token });
      if (!isSuccess(response)) throw failureError(response, context('renew', token));
      const reply = parseReply(heartbeatReply, response.body, host);
      // `active` is omitted when false: the seat lapsed or the licence was revoked meanwhile.
      if (!reply.active) {
        throw new LicensingError('seat_lost', seatTexts.seatGone());
      }
      return renewedLease(lease, reply, options.clock.now());
    },

    async release(lease) {
      const token = requireToken(lease);
      await letGo('release', { licenseToken: token }, token);
    },

    async info(rawKey) {
      const key = normaliseLicenceKey(rawKey);
      return toSeatPool(parseReply(infoReply, await call('info', key), host));
    },
  };

  return {
    kind: 'seats',
    activationMethods: ['key'],
    activate: (credentials) => activateOrValidate('activate', keyOf(credentials)),
    validate: (key) => activateOrValidate('validate', storedKey(key)),
    async deactivate(rawKey) {
      const key = normaliseLicenceKey(storedKey(rawKey));
      await letGo('deactivate', { userKey: key }, key);
    },
    seats,
  };
}

/** Babel licences are activated by their user key only. */
function keyOf(credentials: Credentials): string {
  if (credentials.method !== 'key') {
    throw new LicensingError('invalid_input', seatTexts.keyOnly());
  }
  return credentials.key;
}

function storedKey(key: string | undefined): string {
  if (key === undefined) throw new LicensingError('not_activated', seatTexts.keyMissing());
  return key;
}

function requireToken(lease: Lease): string {
  if (!lease.token) {
    throw new LicensingError('invalid_input', seatTexts.noToken());
  }
  return lease.token;
}
