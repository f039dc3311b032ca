import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { HubRecord } from './fleet';
import { hidKey } from './formats';

/**
 * The Engine API's tokens (contract 1.2): HS256 JWTs, really signed and really verified. Access
 * payload {_id, roles, iat, exp}, as the vendor's decoded sample (roles 255 unless the account's
 * were lowered); refresh payload {_id, refreshToken: true, iat, exp, jti} (the jti is ours, see
 * below).
 *
 * Every hub signs with its own key, derived from one random engine secret, the hid and a
 * generation number: a token of hub A fails the signature check on hub B, as between two real
 * hubs, and "expire this hub's tokens" is just a new generation. No token is stored, so 1,000
 * hubs cost nothing until they are used. Expiry is judged against the injected clock when a token
 * is presented; no timers run.
 *
 * Refresh tokens rotate: redeeming one spends it. Only spent ids are remembered (until their own
 * expiry). Two refresh tokens minted in the same second for the same account would otherwise be
 * byte-identical, so the new token could never differ from the one it replaces; hence the jti.
 */

export type TokenKind = 'access' | 'refresh';
export type TokenFailure = 'invalid' | 'expired' | 'spent';
/** What a live access token grants (its roles claim), or why it is refused. */
export type AccessCheck = { readonly roles: number } | { readonly failure: TokenFailure };

export interface TokenPair {
  readonly token: string;
  readonly refreshToken: string;
}

export interface HubTokens {
  issue(hub: HubRecord, now: number): TokenPair;
  checkAccess(hub: HubRecord, token: string, now: number): AccessCheck;
  /** Spends a refresh token for a new pair. */
  redeem(hub: HubRecord, refreshToken: string, now: number): TokenPair | { failure: TokenFailure };
  /** Invalidates every access token of the hub, and its refresh tokens too when asked. */
  expire(hub: HubRecord, refreshToo: boolean): void;
}

interface HubAuth {
  generation: Record<TokenKind, number>;
  keys: Partial<Record<TokenKind, Buffer>>;
  /** Spent refresh-token ids -> their expiry (ms), forgotten once expired. */
  spent: Map<string, number>;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const signature = (key: Buffer, signed: string) =>
  createHmac('sha256', key).update(signed).digest('base64url');

function sign(key: Buffer, payload: object): string {
  const signed = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${signature(key, signed)}`;
}

type Claims = Readonly<Record<string, unknown>>;
type Checked =
  { live: true; claims: Claims; expiresAt: number } | { live: false; failure: TokenFailure };

/** The claims of a token signed with `key`; undefined when the signature or encoding is wrong. */
function verify(key: Buffer, token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header = '', payload = '', given = ''] = parts;
  const expected = Buffer.from(signature(key, `${header}.${payload}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}

export function createHubTokens(ttlMs: Readonly<Record<TokenKind, number>>): HubTokens {
  const secret = randomBytes(32);
  const auth = new Map<string, HubAuth>();

  const stateOf = (hub: HubRecord): HubAuth => {
    const id = hidKey(hub.hid);
    let state = auth.get(id);
    if (!state) {
      state = { generation: { access: 0, refresh: 0 }, keys: {}, spent: new Map() };
      auth.set(id, state);
    }
    return state;
  };

  const keyOf = (hub: HubRecord, kind: TokenKind): Buffer => {
    const state = stateOf(hub);
    state.keys[kind] ??= createHmac('sha256', secret)
      .update(`${hidKey(hub.hid)}:${kind}:${state.generation[kind]}`)
      .digest();
    return state.keys[kind];
  };

  /** Claims of a live token of `kind` for this hub's account, or the failure. */
  const check = (hub: HubRecord, kind: TokenKind, token: string, now: number): Checked => {
    const claims = verify(keyOf(hub, kind), token);
    const shaped =
      kind === 'access'
        ? Number.isInteger(claims?.roles) && claims?.refreshToken === undefined
        : claims?.refreshToken === true && typeof claims.jti === 'string';
    if (!claims || !shaped || claims._id !== hub.userId || typeof claims.exp !== 'number') {
      return { live: false, failure: 'invalid' };
    }
    if (claims.exp * 1000 <= now) return { live: false, failure: 'expired' };
    return { live: true, claims, expiresAt: claims.exp * 1000 };
  };

  const issue = (hub: HubRecord, now: number): TokenPair => {
    const iat = Math.floor(now / 1000);
    const exp = (kind: TokenKind) => iat + Math.floor(ttlMs[kind] / 1000);
    return {
      token: sign(keyOf(hub, 'access'), {
        _id: hub.userId,
        roles: hub.roles,
        iat,
        exp: exp('access'),
      }),
      refreshToken: sign(keyOf(hub, 'refresh'), {
        _id: hub.userId,
        refreshToken: true,
        iat,
        exp: exp('refresh'),
        jti: randomUUID(),
      }),
    };
  };

  return {
    issue,
    checkAccess: (hub, token, now) => {
      const checked = check(hub, 'access', token, now);
      return checked.live
        ? { roles: checked.claims.roles as number }
        : { failure: checked.failure };
    },
    redeem(hub, refreshToken, now) {
      const checked = check(hub, 'refresh', refreshToken, now);
      if (!checked.live) return { failure: checked.failure };
      const { spent } = stateOf(hub);
      const jti = checked.claims.jti as string;
      if (spent.has(jti)) return { failure: 'spent' };
      for (const [id, expiresAt] of spent) if (expiresAt <= now) spent.delete(id);
      spent.set(jti, checked.expiresAt);
      return issue(hub, now);
    },
    expire(hub, refreshToo) {
      const state = stateOf(hub);
      const kinds: TokenKind[] = refreshToo ? ['access', 'refresh'] : ['access'];
      for (const kind of kinds) {
        state.generation[kind] += 1;
        delete state.keys[kind];
      }
      // Old refresh tokens no longer verify at all, so their spent ids need not be kept.
      if (refreshToo) state.spent.clear();
    },
  };
}
