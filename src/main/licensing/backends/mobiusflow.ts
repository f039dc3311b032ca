import { HUB_ID_PATTERN, LICENCE_CODE_PATTERN } from '../../../shared/hubs-model';
import type { Clock } from '../../../shared/clock';
import { mobiusflow } from '../../../shared/texts/mobiusflow.en';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import { accountRefused, licenceFailure, type HubFailureContext } from './mobiusflow-errors';
import { createHubSession, type HubCredentials, type HubTokenVault } from './mobiusflow-session';
import { readCodeReply, readLicenceReply, type HubLicence } from './mobiusflow-wire';
import { isSuccess, normaliseBaseUrl } from './wire-helpers';

/**
 * Protocol client for one MobiusFlow hub's licence (contract: shared/backends/CONTRACTS.md §1):
 * read the licence, and put a new licence code. Input is checked before anything is sent; the only
 * retry is one after a 401, the sign of an access token the hub no longer accepts. Every failure
 * is a LicensingError for the caller (the fleet service) to record or show.
 */

export type { HubCredentials, HubTokenVault } from './mobiusflow-session';
export type { HubLicence } from './mobiusflow-wire';

export interface MobiusFlowClientOptions {
  /** `${scheme}://${host}:${port}${basePath}`: the routes /api/... are appended to it. */
  readonly baseUrl: string;
  /** Pinned to the hub's certificate for https hubs (see src/main/hubs/hub-tls.ts). */
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly credentials: () => Promise<HubCredentials>;
  /** The refresh token, kept in the secret store. */
  readonly tokens: HubTokenVault;
  readonly timeoutMs?: number;
  /** How messages name the hub (its name in the inventory); host:port when absent. */
  readonly hubLabel?: string;
}

export interface HubCallOptions {
  /** Aborts the call (and a sign-in it started), e.g. when the app quits mid-refresh. */
  readonly signal?: AbortSignal;
}

export interface MobiusFlowClient {
  getLicence(hid: string, options?: HubCallOptions): Promise<HubLicence>;
  /** Puts the code; the hub echoes only the code, so read the licence back to see its effect. */
  setLicence(hid: string, code: string, options?: HubCallOptions): Promise<{ licenceCode: string }>;
}

const MAX_CODE_LENGTH = 1_000;

export function checkHubId(raw: string): string {
  const hid = raw.trim();
  if (!HUB_ID_PATTERN.test(hid)) {
    throw new LicensingError('invalid_input', mobiusflow.hubIdFormat());
  }
  return hid;
}

export function checkLicenceCode(raw: string): string {
  const code = raw.trim();
  if (code.length > MAX_CODE_LENGTH || !LICENCE_CODE_PATTERN.test(code)) {
    throw new LicensingError('invalid_input', mobiusflow.licenceCodeFormat());
  }
  return code;
}

interface LicenceCall {
  readonly method: 'GET' | 'PUT';
  readonly hid: string;
  readonly body?: unknown;
  readonly operation: 'read' | 'change';
  readonly secrets: readonly string[];
  readonly signal?: AbortSignal;
}

export function createMobiusFlowClient(options: MobiusFlowClientOptions): MobiusFlowClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = hostOf(baseUrl);
  const hub = options.hubLabel ?? host;
  const session = createHubSession({ ...options, baseUrl, hub });

  const send = (call: LicenceCall, accessToken: string): Promise<HttpResponse> =>
    options.http.request({
      method: call.method,
      url: `${baseUrl}/api/v2/mobius/licence/${encodeURIComponent(call.hid)}`,
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
      body: call.body,
      timeoutMs: options.timeoutMs,
      signal: call.signal,
    });

  /** Only failures name the account: reading it costs a trip to the secret store. */
  async function context(call: LicenceCall, token: string): Promise<HubFailureContext> {
    const username = await options.credentials().then(
      (credentials) => credentials.username,
      () => mobiusflow.unknownAccount(),
    );
    return { hub, host, now: options.clock.now(), username, secrets: [...call.secrets, token] };
  }

  /** The 2xx body. A 401 drops the token, renews once (shared with other calls) and retries once. */
  async function exchange(call: LicenceCall): Promise<unknown> {
    let token = await session.accessToken(call.signal);
    let response = await send(call, token);
    if (response.status === 401) {
      session.discard(token);
      token = await session.accessToken(call.signal);
      response = await send(call, token);
      if (response.status === 401) throw accountRefused(await context(call, token));
    }
    if (isSuccess(response)) return response.body;
    throw licenceFailure(response, call.operation, await context(call, token));
  }

  return {
    async getLicence(rawHid, callOptions = {}) {
      const hid = checkHubId(rawHid);
      const body = await exchange({
        method: 'GET',
        hid,
        operation: 'read',
        secrets: [],
        signal: callOptions.signal,
      });
      return readLicenceReply(body, hid, host);
    },

    async setLicence(rawHid, rawCode, callOptions = {}) {
      const hid = checkHubId(rawHid);
      const licenceCode = checkLicenceCode(rawCode);
      const body = await exchange({
        method: 'PUT',
        hid,
        body: { licenceCode },
        operation: 'change',
        secrets: [licenceCode],
        signal: callOptions.signal,
      });
      return readCodeReply(body, hid, host);
    },
  };
}
