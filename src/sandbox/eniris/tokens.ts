import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Refresh and access tokens of one Eniris sandbox. The vendor's tokens are JWTs the client must
 * treat as opaque; ours have the same three-part shape (so a client that chokes on dots or
 * length is caught) but are only ever looked up here, never verified by signature. Expiry is
 * lazy: a token is judged against the injected clock when it is presented, so a manual clock
 * controls it completely and no timers run.
 */

export type TokenKind = 'refresh' | 'access';

interface TokenRecord {
  readonly kind: TokenKind;
  readonly userId: number;
  readonly expiresAt: number;
}

export interface TokenStore {
  issue(kind: TokenKind, userId: number, now: number): string;
  /** The user behind a live token of this kind; undefined when unknown, revoked or expired. */
  verify(token: string, kind: TokenKind, now: number): number | undefined;
  /** Forgets a token; false when it was not live. */
  revoke(token: string, kind: TokenKind, now: number): boolean;
  /** Forgets every token (admin back door: "the vendor ended all sessions"). */
  revokeAll(): number;
  liveCount(now: number): { refresh: number; access: number };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function jwtShaped(kind: TokenKind, userId: number, now: number, expiresAt: number): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      sub: userId,
      typ: kind,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
      jti: randomUUID(),
    }),
  );
  return `${header}.${payload}.${base64url(randomBytes(32))}`;
}

export function createTokenStore(ttlMs: Readonly<Record<TokenKind, number>>): TokenStore {
  const tokens = new Map<string, TokenRecord>();

  const live = (token: string, kind: TokenKind, now: number): TokenRecord | undefined => {
    const record = tokens.get(token);
    if (!record || record.kind !== kind) return undefined;
    if (record.expiresAt <= now) {
      tokens.delete(token);
      return undefined;
    }
    return record;
  };

  /** A long demo session issues an access token every few minutes; drop the dead ones. */
  const sweep = (now: number) => {
    for (const [token, record] of tokens) if (record.expiresAt <= now) tokens.delete(token);
  };

  return {
    issue(kind, userId, now) {
      sweep(now);
      const expiresAt = now + ttlMs[kind];
      const token = jwtShaped(kind, userId, now, expiresAt);
      tokens.set(token, { kind, userId, expiresAt });
      return token;
    },
    verify: (token, kind, now) => live(token, kind, now)?.userId,
    revoke(token, kind, now) {
      if (!live(token, kind, now)) return false;
      tokens.delete(token);
      return true;
    },
    revokeAll() {
      const count = tokens.size;
      tokens.clear();
      return count;
    },
    liveCount(now) {
      sweep(now);
      const count = { refresh: 0, access: 0 };
      for (const record of tokens.values()) count[record.kind] += 1;
      return count;
    },
  };
}

/**
 * TOO_MANY_FAILED_PASSWORD_CHECKS: consecutive wrong passwords per username. After `max` of them
 * every login for that username (even with the right password) answers 429 until the lockout
 * ends; then the count starts again. A successful login resets it.
 */
export interface LoginThrottle {
  /** Whole seconds left in the lockout, or undefined when the username may try. */
  lockedFor(username: string, now: number): number | undefined;
  failed(username: string, now: number): void;
  succeeded(username: string): void;
}

export function createLoginThrottle(max: number, lockoutMs: number): LoginThrottle {
  const entries = new Map<string, { failures: number; lockedUntil: number | undefined }>();
  return {
    lockedFor(username, now) {
      const entry = entries.get(username);
      if (entry?.lockedUntil === undefined) return undefined;
      if (entry.lockedUntil <= now) {
        entries.delete(username);
        return undefined;
      }
      // Never 0: "retry after 0 seconds" would invite an immediate, pointless retry.
      return Math.max(1, Math.ceil((entry.lockedUntil - now) / 1000));
    },
    failed(username, now) {
      const entry = entries.get(username) ?? { failures: 0, lockedUntil: undefined };
      entry.failures += 1;
      if (entry.failures >= max) entry.lockedUntil = now + lockoutMs;
      entries.set(username, entry);
    },
    succeeded(username) {
      entries.delete(username);
    },
  };
}
