import type { Clock } from '../../../shared/clock';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import {
  apiFailure,
  isAmbiguousClaimNotFound,
  refusedAfterRenewal,
  unknownKey,
  unknownNode,
  type EnirisRequest,
} from './eniris-errors';
import { checkActivationIso, checkCustomerId, checkEnirisKey, checkNodeId } from './eniris-input';
import { createEnirisSession, type RefreshTokenVault } from './eniris-session';
import {
  activateReply,
  claimReply,
  listReply,
  toEnirisLicence,
  type EnirisLicence,
} from './eniris-wire';
import { isSuccess, normaliseBaseUrl, parseReply } from './wire-helpers';

/**
 * Protocol client for the Eniris (Sofar) licence API (contract: shared/backends/CONTRACTS.md §4):
 * sign-in with short-lived access tokens, then activate and claim licences and list them per
 * controller or customer. It retries nothing on its own except one 401, the documented sign of a
 * stale access token; every other failure is a LicensingError for the caller to act on.
 */

export type { RefreshTokenVault } from './eniris-session';
export type { EnirisLicence } from './eniris-wire';

export interface EnirisClientOptions {
  /** e.g. https://authentication.eniris.be */
  authUrl: string;
  /** e.g. https://api.eniris.be */
  apiUrl: string;
  http: HttpClient;
  clock: Clock;
  vault: RefreshTokenVault;
  timeoutMs?: number;
}

export interface EnirisClient {
  /** Signs in and stores the refresh token in the vault. */
  login(username: string, password: string): Promise<void>;
  /** Revokes the session on the server if it can, and always clears the vault. */
  logout(): Promise<void>;
  /** A stored, not yet expired session; does not ask the server. */
  isSignedIn(): Promise<boolean>;
  activate(key: string, activationIso?: string): Promise<EnirisLicence>;
  claim(licenseKey: string, nodeId: string): Promise<{ id: string; key: string; nodeId: string }>;
  licencesOfController(nodeId: string): Promise<EnirisLicence[]>;
  licencesOfCustomer(
    customerId: string,
    options?: { includeDatalinks?: boolean },
  ): Promise<EnirisLicence[]>;
}

interface ApiCall {
  readonly method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  readonly path: string;
  readonly body?: unknown;
  readonly request: EnirisRequest;
  /** Values that must never reach a message (the licence key). */
  readonly secrets: readonly string[];
}

export function createEnirisClient(options: EnirisClientOptions): EnirisClient {
  const authUrl = normaliseBaseUrl(options.authUrl);
  const apiUrl = normaliseBaseUrl(options.apiUrl);
  const host = hostOf(apiUrl);
  const session = createEnirisSession({ ...options, authUrl });

  const send = (call: ApiCall, accessToken: string): Promise<HttpResponse> =>
    options.http.request({
      method: call.method,
      url: `${apiUrl}${call.path}`,
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
      body: call.body,
      timeoutMs: options.timeoutMs,
    });

  /**
   * The reply and the access token it was sent with. A 401 means that token went stale before its
   * time (server restart, clock skew): we drop it, renew once (shared with concurrent calls) and
   * try once more.
   */
  async function exchange(spec: ApiCall): Promise<{ response: HttpResponse; token: string }> {
    const token = await session.accessToken();
    const response = await send(spec, token);
    if (response.status !== 401) return { response, token };
    session.discard(token);
    const renewed = await session.accessToken();
    const retried = await send(spec, renewed);
    if (retried.status === 401) throw refusedAfterRenewal();
    return { response: retried, token: renewed };
  }

  const failure = (spec: ApiCall, response: HttpResponse, token: string): LicensingError =>
    apiFailure(response, spec.request, {
      host,
      now: options.clock.now(),
      secrets: [...spec.secrets, token],
    });

  /** The 2xx body, or the mapped error. */
  async function call(spec: ApiCall): Promise<unknown> {
    const { response, token } = await exchange(spec);
    if (isSuccess(response)) return response.body;
    throw failure(spec, response, token);
  }

  const controllerCall = (nodeId: string): ApiCall => ({
    method: 'GET',
    path: `/v1/license/controller/${encodeURIComponent(nodeId)}`,
    request: { operation: 'controller', nodeId },
    secrets: [],
  });

  /**
   * Claim answers one bare 404 for an unknown key and an unknown controller alike. Reading the
   * controller's licences (one extra request, only on this failure) tells the two apart; when
   * that read cannot decide, the message names both.
   */
  async function whatClaimMissed(
    nodeId: string,
    ambiguous: LicensingError,
  ): Promise<LicensingError> {
    try {
      const { response } = await exchange(controllerCall(nodeId));
      if (response.status === 404) return unknownNode(nodeId);
      if (isSuccess(response)) return unknownKey();
    } catch (error) {
      if (!(error instanceof LicensingError)) throw error;
    }
    return ambiguous;
  }

  return {
    login: (username, password) => session.login(username, password),
    logout: () => session.logout(),
    isSignedIn: () => session.isSignedIn(),

    async activate(rawKey, rawActivationIso) {
      const key = checkEnirisKey(rawKey);
      const activationIso =
        rawActivationIso === undefined ? undefined : checkActivationIso(rawActivationIso);
      const body = await call({
        method: 'POST',
        path: '/v1/license/activate',
        body: activationIso === undefined ? { key } : { key, activationIso },
        request: { operation: 'activate' },
        secrets: [key],
      });
      return toEnirisLicence(parseReply(activateReply, body, host).license);
    },

    async claim(rawKey, rawNodeId) {
      const licenseKey = checkEnirisKey(rawKey);
      const nodeId = checkNodeId(rawNodeId);
      const spec: ApiCall = {
        method: 'POST',
        path: '/v1/license/claim',
        body: { licenseKey, nodeId },
        request: { operation: 'claim', nodeId },
        secrets: [licenseKey],
      };
      const { response, token } = await exchange(spec);
      if (!isSuccess(response)) {
        const error = failure(spec, response, token);
        throw isAmbiguousClaimNotFound(response) ? await whatClaimMissed(nodeId, error) : error;
      }
      const { id, key, nodeId: linkedTo } = parseReply(claimReply, response.body, host).license;
      return { id, key, nodeId: linkedTo };
    },

    async licencesOfController(rawNodeId) {
      const nodeId = checkNodeId(rawNodeId);
      const body = await call(controllerCall(nodeId));
      return parseReply(listReply, body, host).licenses.map(toEnirisLicence);
    },

    async licencesOfCustomer(rawCustomerId, listOptions = {}) {
      const customerId = checkCustomerId(rawCustomerId);
      // The server's default is false; saying nothing keeps the request as documented.
      const query = listOptions.includeDatalinks ? '?includeDatalinks=true' : '';
      const body = await call({
        method: 'GET',
        path: `/v1/license/customer/${customerId}${query}`,
        request: { operation: 'customer', customerId },
        secrets: [],
      });
      return parseReply(listReply, body, host).licenses.map(toEnirisLicence);
    },
  };
}
