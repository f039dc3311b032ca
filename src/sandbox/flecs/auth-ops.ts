import { createHash, timingSafeEqual } from 'node:crypto';
import type { FlecsState } from './state';
import { fail, ok, type Reply } from './wire';

/** User authentication: POST /api/v2/auth/login and /api/v2/auth/validate. */

export interface OpContext {
  readonly state: FlecsState;
  /** The injected clock's reading for this request, taken once so one reply is self-consistent. */
  readonly now: number;
  readonly jwtTtlMs: number;
}

/** Verbatim from the 403 example of the login route in the OpenAPI file. */
export const WRONG_PASSWORD_REASON =
  'Sorry, the password you entered is incorrect. Please verify your input or let us help you ' +
  '<a href="https://flecs.tech/my-account/lost-password/">recover your account</a>.';

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function login(ctx: OpContext, body: unknown): Reply {
  if (!isRecord(body) || typeof body.username !== 'string' || typeof body.password !== 'string') {
    return fail(400, 'Missing username or password');
  }
  if (body.issueJWT !== undefined && typeof body.issueJWT !== 'boolean') {
    return fail(400, 'issueJWT must be a boolean');
  }
  const user = ctx.state.user(body.username);
  // Unknown user and wrong password answer alike, so the reply does not confirm who has an account.
  if (!user || !sameSecret(body.password, user.password)) return fail(403, WRONG_PASSWORD_REASON);

  const jwt = body.issueJWT === true ? ctx.state.issueJwt(user, ctx.now, ctx.jwtTtlMs) : undefined;
  return ok({
    ...(jwt ? { jwt: { token: jwt.token, token_expires: Math.floor(jwt.expiresAt / 1000) } } : {}),
    user: {
      ID: user.id,
      display_name: user.displayName,
      user_email: user.email,
      user_login: user.username,
    },
    feature_flags: { isVendor: user.isVendor, isWhitelabeled: user.isWhitelabeled },
  });
}

export function validateJwt(ctx: OpContext, body: unknown): Reply {
  const token = isRecord(body) && isRecord(body.jwt) ? body.jwt.token : undefined;
  if (typeof token !== 'string') return fail(400, 'Missing jwt.token');
  const user = ctx.state.jwtUser(token, ctx.now);
  return ok({
    isValid: user !== undefined,
    feature_flags: {
      ff: { isVendor: user?.isVendor ?? false, isWhitelabeled: user?.isWhitelabeled ?? false },
    },
  });
}
