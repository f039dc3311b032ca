import type { EnirisState } from './state';
import type { LoginThrottle, TokenStore } from './tokens';

/** What every Eniris operation works with; one per sandbox. */

export interface EnirisCounters {
  /** Successful logins (refresh tokens issued by POST /auth/login). */
  logins: number;
  /** Access tokens issued by GET /auth/accesstoken. */
  accessTokens: number;
  /** Refresh tokens issued by GET /auth/refreshtoken. */
  refreshRenewals: number;
  /** Refresh tokens revoked by POST /auth/logout. */
  logouts: number;
}

export interface EnirisContext {
  readonly state: EnirisState;
  readonly tokens: TokenStore;
  readonly throttle: LoginThrottle;
  readonly clock: { now(): number };
  readonly counters: EnirisCounters;
}
