import type { IncomingMessage } from 'node:http';
import { readBody } from '../http-util';
import type { EnirisContext } from './context';
import { bearerOf, jsonBodyOf, type Route } from './protocol';
import type { TokenKind } from './tokens';
import { badToken, fastifyError, lengthOf, noContent, ok, text, type Reply } from './wire';

/**
 * The authentication service (authentication.eniris.be, contract 4.2): login issues a refresh
 * token, the refresh token buys short-lived access tokens and renewals, logout revokes it.
 * Validation messages are ajv's, as Fastify words them.
 */

const MAX_CREDENTIAL = 256;
/** The vendor documents a 400 "id_token is too long"; real JWTs stay far below this. */
const MAX_TOKEN_LENGTH = 4096;

const ajvError = (message: string) => fastifyError(400, message);

function credentialsOf(body: unknown): { username: string; password: string } | { error: Reply } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: ajvError('body must be object') };
  }
  const record = body as Record<string, unknown>;
  const fields = ['username', 'password'] as const;
  for (const field of fields) {
    if (!Object.hasOwn(record, field)) {
      return { error: ajvError(`body must have required property '${field}'`) };
    }
  }
  for (const field of fields) {
    const value = record[field];
    // Stricter than Fastify's default type coercion on purpose: a client that sends a number
    // for a username has a bug worth seeing.
    if (typeof value !== 'string') return { error: ajvError(`body/${field} must be string`) };
    if (lengthOf(value) > MAX_CREDENTIAL) {
      return {
        error: ajvError(`body/${field} must NOT have more than ${MAX_CREDENTIAL} characters`),
      };
    }
  }
  return { username: record.username as string, password: record.password as string };
}

async function login(ctx: EnirisContext, req: IncomingMessage): Promise<Reply> {
  const body = await jsonBodyOf(req);
  if ('error' in body) return body.error;
  const credentials = credentialsOf(body.value);
  if ('error' in credentials) return credentials.error;
  const { username, password } = credentials;
  const now = ctx.clock.now();

  const wait = ctx.throttle.lockedFor(username, now);
  if (wait !== undefined) {
    return fastifyError(
      429,
      'TOO_MANY_FAILED_PASSWORD_CHECKS',
      { retryAfter: wait },
      { 'retry-after': String(wait) },
    );
  }
  const user = ctx.state.userByName(username);
  if (user && user.password === undefined) return fastifyError(500, 'NO_PASSWORD_INFO');
  // An unknown username reads exactly like a wrong password, so logins cannot probe accounts.
  if (!user || user.password !== password) {
    ctx.throttle.failed(username, now);
    return fastifyError(401, 'PASSWORD_INCORRECT');
  }
  ctx.throttle.succeeded(username);
  ctx.counters.logins += 1;
  return text(ctx.tokens.issue('refresh', user.id, now));
}

/** The user behind the Bearer token of `kind`, or the 400/401 reply. */
function tokenUser(
  ctx: EnirisContext,
  req: IncomingMessage,
  kind: TokenKind,
): { userId: number; token: string } | { error: Reply } {
  const bearer = bearerOf(req);
  if ('error' in bearer) return bearer;
  if (bearer.token.length > MAX_TOKEN_LENGTH) return { error: ajvError('id_token is too long') };
  const userId = ctx.tokens.verify(bearer.token, kind, ctx.clock.now());
  return userId === undefined ? { error: badToken() } : { userId, token: bearer.token };
}

export function authRoutes(ctx: EnirisContext): Route[] {
  return [
    { method: 'POST', pattern: /^\/auth\/login$/, handle: ({ req }) => login(ctx, req) },
    {
      method: 'GET',
      pattern: /^\/auth\/accesstoken$/,
      handle: ({ req }) => {
        const found = tokenUser(ctx, req, 'refresh');
        if ('error' in found) return found.error;
        ctx.counters.accessTokens += 1;
        return text(ctx.tokens.issue('access', found.userId, ctx.clock.now()));
      },
    },
    {
      method: 'GET',
      pattern: /^\/auth\/refreshtoken$/,
      handle: ({ req }) => {
        const found = tokenUser(ctx, req, 'refresh');
        if ('error' in found) return found.error;
        // The old refresh token is not revoked: it stays valid until its own expiry.
        ctx.counters.refreshRenewals += 1;
        return text(ctx.tokens.issue('refresh', found.userId, ctx.clock.now()));
      },
    },
    ...(['refresh', 'access'] as const).map((kind): Route => ({
      method: 'GET',
      pattern:
        kind === 'refresh' ? /^\/auth\/refreshtoken\/validate$/ : /^\/auth\/accesstoken\/validate$/,
      handle: ({ req }) => {
        const found = tokenUser(ctx, req, kind);
        return 'error' in found ? found.error : ok({ userId: found.userId });
      },
    })),
    {
      method: 'POST',
      pattern: /^\/auth\/logout$/,
      handle: async ({ req }) => {
        // Whatever body the client sends along is ignored, as long as it arrives in full.
        await readBody(req).catch(() => '');
        const found = tokenUser(ctx, req, 'refresh');
        if ('error' in found) return found.error;
        ctx.tokens.revoke(found.token, 'refresh', ctx.clock.now());
        ctx.counters.logouts += 1;
        return noContent();
      },
    },
  ];
}
