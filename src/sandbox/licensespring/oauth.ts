import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from '../http-util';
import type { ParsedLicenseSpringSeed } from './seed';
import { oauthError, oauthOk, type Reply } from './wire';

/**
 * The OAuth alternative to HMAC (contract 5.3): a Keycloak-style client-credentials token
 * endpoint on the same server, and the store that later recognises its bearer tokens. Tokens
 * are JWT-shaped but opaque: looked up, never signature-checked, and they lapse by the injected
 * clock after `expires_in` seconds.
 */

export const TOKEN_PATH = '/auth/realms/user-portal/protocol/openid-connect/token';
export const ACCESS_TOKEN_TTL_SECONDS = 480;

type OAuthClient = ParsedLicenseSpringSeed['oauthClients'][number];

export interface TokenStore {
  issue(client: OAuthClient, now: number): string;
  /** The client a live token belongs to; 'expired' for a token past its life. */
  verify(token: string, now: number): OAuthClient | 'expired' | undefined;
  liveCount(now: number): number;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createTokenStore(ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): TokenStore {
  const tokens = new Map<string, { client: OAuthClient; expiresAt: number }>();
  // Expired tokens are kept a while so a late caller hears "expired", not "unknown".
  const prune = (now: number) => {
    for (const [token, entry] of tokens) {
      if (entry.expiresAt + 24 * 3_600_000 <= now) tokens.delete(token);
    }
  };
  return {
    issue(client, now) {
      prune(now);
      const iat = Math.floor(now / 1000);
      const payload = { iat, exp: iat + ttlSeconds, azp: client.clientId, scope: client.scope };
      const token = [
        base64url({ alg: 'RS256', typ: 'JWT' }),
        base64url(payload),
        randomBytes(32).toString('base64url'),
      ].join('.');
      tokens.set(token, { client, expiresAt: now + ttlSeconds * 1000 });
      return token;
    },
    verify(token, now) {
      const entry = tokens.get(token);
      if (!entry) return undefined;
      return entry.expiresAt <= now ? 'expired' : entry.client;
    },
    liveCount: (now) => [...tokens.values()].filter((e) => e.expiresAt > now).length,
  };
}

/** client_id/client_secret from the form, or from HTTP Basic (client_secret_basic). */
function clientCredentials(req: IncomingMessage, form: URLSearchParams) {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

export async function tokenRoute(
  req: IncomingMessage,
  seed: ParsedLicenseSpringSeed,
  tokens: TokenStore,
  now: number,
): Promise<Reply> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return oauthError(413, 'invalid_request', error.message);
    throw error;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'Send application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(text);
  const grant = form.get('grant_type');
  if (!grant) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
  if (grant !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grant}`);
  }
  const credentials = clientCredentials(req, form);
  const client = seed.oauthClients.find((c) => c.clientId === credentials.id);
  if (!client)
    return oauthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
  if (client.clientSecret !== credentials.secret) {
    return oauthError(401, 'unauthorized_client', 'Invalid client or Invalid client credentials');
  }
  return oauthOk({
    access_token: tokens.issue(client, now),
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    refresh_expires_in: 0,
    token_type: 'Bearer',
    'not-before-policy': 0,
    scope: client.scope,
  });
}
