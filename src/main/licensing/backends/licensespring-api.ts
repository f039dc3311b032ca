import type { Clock } from '../../../shared/clock';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { serverTimeOf } from './licensespring-clock';
import {
  isDeviceNotFound,
  lsFailure,
  type LsKnownLimits,
  type LsOperation,
} from './licensespring-errors';
import { createOAuthTokenSource } from './licensespring-oauth';
import { checkHmacKeys, hmacHeaders, httpDate } from './licensespring-signing';
import type { ResponseVerifier } from './licensespring-verify';
import { isSuccess } from './wire-helpers';

/**
 * One License API v4 exchange (contract §5): the route and its parameters (query string for GET,
 * JSON for POST, with `product` and `hardware_id` on every licence call), the Date and
 * Authorization headers (HMAC or OAuth bearer), then the checks every reply passes before anyone
 * reads it: a 2xx JSON answer must carry a valid v2 signature, a refusal that carries one must
 * verify too, and a refusal becomes a LicensingError. Only an OAuth 401 is retried, once.
 */

export type LsAuth =
  | { readonly kind: 'hmac'; readonly apiKey: string; readonly sharedKey: string }
  | {
      readonly kind: 'oauth';
      readonly tokenUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
    };

type Method = 'GET' | 'POST';

/** Path under /api/v4/, and whether its 2xx answer is JSON signed with a v2 header. */
const ROUTES: Readonly<Record<LsOperation, readonly [Method, string, boolean]>> = {
  activate: ['POST', 'activate_license', true],
  check: ['GET', 'check_license', true],
  deactivate: ['POST', 'deactivate_license', false],
  product: ['GET', 'product_details', true],
  trial: ['GET', 'trial_key', true],
  feature: ['GET', 'check_license_feature', true],
  feature_release: ['POST', 'floating/feature_release', false],
  feature_borrow: ['POST', 'floating/feature_borrow', true],
  consume: ['POST', 'add_consumption', true],
  consume_feature: ['POST', 'add_feature_consumption', true],
  release: ['POST', 'floating/release', false],
  borrow: ['POST', 'floating/borrow', true],
};

export type LsParams = Readonly<Record<string, string | number | null | undefined>>;

export interface LsRequest {
  readonly operation: LsOperation;
  readonly params: LsParams;
  /** Values sent in this request that must never reach a message (key, username, password). */
  readonly secrets: readonly string[];
  readonly feature?: string;
  readonly known?: LsKnownLimits;
  /** deactivate and release: `device_not_found` means there is nothing left to do. */
  readonly deviceNotFoundIsDone?: boolean;
}

export interface LsReply {
  readonly response: HttpResponse;
  /** The reply's Date header, when readable. */
  readonly serverTime?: number;
}

export interface LsApiOptions {
  /** Already normalised origin (+ optional prefix), no trailing slash. */
  readonly baseUrl: string;
  readonly productCode: string;
  readonly hardwareId: string;
  readonly userProduct: boolean;
  readonly auth: LsAuth;
  readonly verifier: ResponseVerifier;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

export interface LsApi {
  readonly host: string;
  /** The 2xx reply, verified where the route is signed; anything else throws. */
  send(request: LsRequest): Promise<LsReply>;
}

export function createLsApi(options: LsApiOptions): LsApi {
  const { auth, clock, verifier } = options;
  const apiBase = `${options.baseUrl}/api/v4/`;
  const host = hostOf(apiBase);
  if (auth.kind === 'hmac') checkHmacKeys(auth.apiKey, auth.sharedKey);
  const tokens =
    auth.kind === 'oauth'
      ? createOAuthTokenSource({ ...auth, http: options.http, clock, timeoutMs: options.timeoutMs })
      : undefined;
  const configSecrets = auth.kind === 'hmac' ? [auth.apiKey, auth.sharedKey] : [auth.clientSecret];

  function target(request: LsRequest): { url: string; body?: unknown } {
    const [method, path] = ROUTES[request.operation];
    const params: Record<string, string | number | null> = { product: options.productCode };
    if (request.operation !== 'product') params.hardware_id = options.hardwareId;
    for (const [name, value] of Object.entries(request.params)) {
      if (value !== undefined) params[name] = value;
    }
    if (method === 'POST') return { url: `${apiBase}${path}`, body: params };
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null) query.set(name, String(value));
    }
    return { url: `${apiBase}${path}?${query.toString()}` };
  }

  async function exchange(request: LsRequest, bearer: string | undefined): Promise<HttpResponse> {
    const now = clock.now();
    const authHeaders =
      auth.kind === 'hmac'
        ? hmacHeaders(auth, now)
        : // The official SDK sends Date with OAuth too; it costs nothing.
          { Date: httpDate(now), Authorization: `Bearer ${bearer ?? ''}` };
    const { url, body } = target(request);
    return options.http.request({
      method: ROUTES[request.operation][0],
      url,
      headers: { Accept: 'application/json', ...authHeaders },
      body,
      timeoutMs: options.timeoutMs,
    });
  }

  /** The reply, and the bearer token it was sent with (OAuth: one renewal and retry on 401). */
  async function sendOnce(request: LsRequest): Promise<{ response: HttpResponse; token?: string }> {
    if (!tokens) return { response: await exchange(request, undefined) };
    const token = await tokens.token();
    const response = await exchange(request, token);
    if (response.status !== 401) return { response, token };
    tokens.discard(token);
    const renewed = await tokens.token();
    return { response: await exchange(request, renewed), token: renewed };
  }

  /** A non-2xx reply as the error to throw (or as done, for deactivate/release). */
  function refusal(request: LsRequest, response: HttpResponse, token: string | undefined) {
    // Refusals are believed unsigned (a forged one can only deny service, which anyone able to
    // forge it can do by dropping the connection), but a signature they carry must hold.
    const signature = response.headers.licensesignature;
    if (signature !== undefined && typeof response.body === 'object' && response.body !== null) {
      verifier.checkV2(response.rawBody, response.body, signature);
    }
    if (request.deviceNotFoundIsDone && isDeviceNotFound(response)) return undefined;
    // With OAuth a 401 here came even with a freshly renewed token: no second renewal.
    return lsFailure(response, {
      operation: request.operation,
      host,
      now: clock.now(),
      secrets: [...request.secrets, ...configSecrets, token ?? ''],
      productCode: options.productCode,
      userProduct: options.userProduct,
      feature: request.feature,
      known: request.known,
    });
  }

  return {
    host,
    async send(request) {
      const { response, token } = await sendOnce(request);
      if (!isSuccess(response)) {
        const error = refusal(request, response, token);
        if (error) throw error;
        return { response };
      }
      if (ROUTES[request.operation][2]) {
        if (typeof response.body !== 'object' || response.body === null) {
          throw notData(response, host);
        }
        verifier.checkV2(response.rawBody, response.body, response.headers.licensesignature);
      }
      return { response, serverTime: serverTimeOf(response) };
    },
  };
}

/** A 2xx whose body is not a JSON object: a captive portal, a proxy, or a wrong address. */
function notData(response: HttpResponse, host: string): LicensingError {
  const page = typeof response.body === 'string' && /^\s*</.test(response.body);
  return new LicensingError('protocol', page ? ls.webPage({ host }) : ls.noData({ host }));
}
