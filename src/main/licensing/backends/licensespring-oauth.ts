import { z } from 'zod';
import type { Clock } from '../../../shared/clock';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import {
  cleanServerText,
  isSuccess,
  parseReply,
  statusOnlyError,
  withServerText,
} from './wire-helpers';

/**
 * OAuth client credentials for the License API (contract §5.3): a form POST to the vendor's token
 * URL buys a bearer token that lasts `expires_in` seconds (480 in the docs). The token lives in
 * memory only and is renewed at 80% of its lifetime by the injected clock, so a request never
 * leaves with a token about to lapse in flight; concurrent callers share one token request.
 */

export interface OAuthOptions {
  readonly tokenUrl: string;
  readonly clientId: string;
  /** Secret. */
  readonly clientSecret: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

export interface TokenSource {
  /** A usable bearer token: the cached one while young, else one request shared by all callers. */
  token(): Promise<string>;
  /** Forgets `token` if it is still the cached one, after the API refused it (401). */
  discard(token: string): void;
}

/** Renew once this share of the token's lifetime has passed. */
export const RENEW_AT_FRACTION = 0.8;

const tokenReply = z.object({
  access_token: z.string().regex(/^[\x21-\x7e]{1,16384}$/, 'not a bearer token'),
  expires_in: z.number().positive().finite(),
  // Keycloak says "Bearer"; another token type could not go into `Authorization: Bearer`.
  token_type: z
    .string()
    .regex(/^bearer$/i, 'not a bearer token')
    .optional(),
});

/** Keycloak's refusal `{error, error_description}`: the description is the readable part. */
function refusalText(body: unknown, secrets: readonly string[]): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const raw = [record.error_description, record.error].find((v) => typeof v === 'string');
  return typeof raw === 'string' ? cleanServerText(raw, secrets) : undefined;
}

function tokenFailure(
  response: HttpResponse,
  host: string,
  now: number,
  secrets: readonly string[],
) {
  const text = refusalText(response.body, secrets);
  // 400 invalid_client / unauthorized_client, 401 bad secret: no retry fixes the configuration.
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    return new LicensingError('config', withServerText(ls.oauthRefused({ host }), text));
  }
  return statusOnlyError(response, { host, now, serverText: text });
}

export function createOAuthTokenSource(options: OAuthOptions): TokenSource {
  const { http, clock } = options;
  const host = hostOf(options.tokenUrl);
  const secrets = [options.clientSecret];
  let cached: { token: string; fetchedAt: number; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await http.request({
      method: 'POST',
      url: options.tokenUrl,
      headers: { Accept: 'application/json' },
      form: {
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      },
      timeoutMs: options.timeoutMs,
    });
    if (!isSuccess(response)) throw tokenFailure(response, host, clock.now(), secrets);
    const reply = parseReply(tokenReply, response.body, host);
    const fetchedAt = clock.now();
    const renewAt = fetchedAt + reply.expires_in * 1000 * RENEW_AT_FRACTION;
    cached = { token: reply.access_token, fetchedAt, renewAt };
    return reply.access_token;
  }

  return {
    token() {
      const now = clock.now();
      // A clock turned back makes the token's age unknowable: fetch a fresh one.
      if (cached && now >= cached.fetchedAt && now < cached.renewAt) {
        return Promise.resolve(cached.token);
      }
      // Only one flight at a time, so clearing on settle can never drop a newer one.
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    discard(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
