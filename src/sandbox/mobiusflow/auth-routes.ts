import type { IncomingMessage } from 'node:http';
import { jsonBodyOf } from '../eniris/protocol';
import type { HubContext } from './context';
import type { HubRecord } from './fleet';
import type { TokenFailure, TokenPair } from './tokens';
import { fastifyError, MESSAGES, ok, stringFields, type Reply } from './wire';

/**
 * Engine API authentication of one hub (contract 1.2): login with the hub's own account, refresh
 * with rotation, and the Bearer check every licence call starts with.
 */

const pairReply = (pair: TokenPair): Reply =>
  ok({ token: pair.token, refreshToken: pair.refreshToken });

function unauthorized(ctx: HubContext, message: string): Reply {
  ctx.counters.unauthorized += 1;
  return fastifyError(401, message);
}

export async function login(ctx: HubContext, hub: HubRecord, req: IncomingMessage): Promise<Reply> {
  const body = await jsonBodyOf(req);
  if ('error' in body) return body.error;
  const credentials = stringFields(body.value, ['username', 'password']);
  if ('error' in credentials) return credentials.error;
  const { username, password } = credentials.fields;
  // One message for an unknown user and a wrong password, so logins cannot probe accounts.
  if (username !== hub.username || password !== hub.password) {
    return unauthorized(ctx, MESSAGES.badCredentials);
  }
  ctx.counters.logins += 1;
  return pairReply(ctx.tokens.issue(hub, ctx.clock.now()));
}

const REFRESH_MESSAGES: Readonly<Record<TokenFailure, string>> = {
  invalid: MESSAGES.refreshInvalid,
  expired: MESSAGES.refreshExpired,
  spent: MESSAGES.refreshSpent,
};

export async function refresh(
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
): Promise<Reply> {
  const body = await jsonBodyOf(req);
  if ('error' in body) return body.error;
  const input = stringFields(body.value, ['refreshToken']);
  if ('error' in input) return input.error;
  const renewed = ctx.tokens.redeem(hub, input.fields.refreshToken, ctx.clock.now());
  if ('failure' in renewed) return unauthorized(ctx, REFRESH_MESSAGES[renewed.failure]);
  ctx.counters.refreshes += 1;
  return pairReply(renewed);
}

/** The roles of the request's live access token of this hub, or the 401 refusing the request. */
export function authorise(
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
): { roles: number } | { refused: Reply } {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    return { refused: unauthorized(ctx, MESSAGES.noAuthorization) };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return { refused: unauthorized(ctx, MESSAGES.badAuthorization) };
  const access = ctx.tokens.checkAccess(hub, match[1], ctx.clock.now());
  if (!('failure' in access)) return access;
  const expired = access.failure === 'expired';
  return { refused: unauthorized(ctx, expired ? MESSAGES.tokenExpired : MESSAGES.tokenInvalid) };
}
