import type { Clock } from '../../../shared/clock';
import { mobiusflow } from '../../../shared/texts/mobiusflow.en';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import { loginFailure, type HubFailureContext } from './mobiusflow-errors';
import { readJwtTimes, tokenPairReply, type TokenPair } from './mobiusflow-wire';
import { isSuccess, parseReply } from './wire-helpers';

/**
 * The sign-in to one MobiusFlow hub (contract §1.2): username and password buy an access token
 * (kept only in memory) and a refresh token (kept in the vault). Access tokens are renewed before
 * they run out, through the refresh route (which hands out a new refresh token each time: the
 * new one is stored before the access token is used), and by signing in again when the hub
 * refuses the refresh token. All callers share one renewal in flight.
 */

export interface HubCredentials {
  readonly username: string;
  readonly password: string;
}

/** Where the refresh token lives between runs (the OS secret store, in the app). */
export interface HubTokenVault {
  get(): Promise<string | undefined>;
  set(value: string): Promise<void>;
  clear(): Promise<void>;
}

export interface HubSessionOptions {
  /** Already normalised: no trailing slash. */
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly credentials: () => Promise<HubCredentials>;
  readonly tokens: HubTokenVault;
  /** How messages name the hub. */
  readonly hub: string;
  readonly timeoutMs?: number;
}

export interface HubSession {
  /** A usable access token: the cached one while young, else one renewal shared by all callers. */
  accessToken(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` if it is still the cached one, after the hub refused it. */
  discard(token: string): void;
}

const MINUTE_MS = 60_000;
/** The documented lifetime (§1.2), assumed when a token does not say its own. */
export const DOCUMENTED_ACCESS_LIFETIME_MS = 10 * MINUTE_MS;
/** Never keep a token longer than this, whatever it claims (the docs say 10 minutes). */
export const MAX_ACCESS_TOKEN_AGE_MS = 10 * MINUTE_MS;
/** Renew once this share of a token's life has passed, leaving room for skew and slow hubs. */
export const RENEW_AT_SHARE_OF_LIFE = 0.8;

/**
 * How long, on our clock, to use a fresh access token: 80% of its life and at most 10 minutes.
 * The life is `exp - iat` from the token (both the hub's clock, so skew cancels out); the token
 * is not trusted for anything else.
 */
export function accessTokenUseMs(token: string, now: number): number {
  const times = readJwtTimes(token);
  let lifeMs: number | undefined;
  if (times?.exp !== undefined) {
    lifeMs = times.iat !== undefined ? (times.exp - times.iat) * 1000 : times.exp * 1000 - now;
  }
  if (lifeMs === undefined || !(lifeMs > 0)) lifeMs = DOCUMENTED_ACCESS_LIFETIME_MS;
  return Math.min(MAX_ACCESS_TOKEN_AGE_MS, RENEW_AT_SHARE_OF_LIFE * lifeMs);
}

/** Refusals of the refresh token itself: sign in again, whatever the exact status. */
const isRefused = (status: number): boolean => status === 400 || status === 401 || status === 403;

export function createHubSession(options: HubSessionOptions): HubSession {
  const { baseUrl, http, clock, tokens } = options;
  const host = hostOf(baseUrl);
  let cached: { token: string; fetchedAt: number; useMs: number } | undefined;
  let pending: Promise<string> | undefined;

  const post = (path: string, body: unknown, signal?: AbortSignal): Promise<HttpResponse> =>
    http.request({
      method: 'POST',
      url: `${baseUrl}${path}`,
      headers: { Accept: 'application/json' },
      body,
      timeoutMs: options.timeoutMs,
      signal,
    });

  const context = (username: string, secrets: readonly string[]): HubFailureContext => ({
    hub: options.hub,
    host,
    now: clock.now(),
    username,
    secrets,
  });

  async function login(signal?: AbortSignal): Promise<TokenPair> {
    const { username, password } = await options.credentials();
    const response = await post('/api/v1/auth/login', { username, password }, signal);
    if (!isSuccess(response)) throw loginFailure(response, context(username, [password]));
    return parseReply(tokenPairReply, response.body, host);
  }

  /** A new pair for the stored refresh token, or undefined when the hub refused that token. */
  async function refresh(
    refreshToken: string,
    signal?: AbortSignal,
  ): Promise<TokenPair | undefined> {
    const response = await post('/api/v1/auth/refresh', { refreshToken }, signal);
    if (isRefused(response.status)) return undefined;
    if (!isSuccess(response)) {
      // The account is not in question here: only the status and the hub's words matter.
      throw loginFailure(response, context('', [refreshToken]));
    }
    return parseReply(tokenPairReply, response.body, host);
  }

  async function renew(signal?: AbortSignal): Promise<string> {
    const stored = await tokens.get();
    let pair = stored === undefined ? undefined : await refresh(stored, signal);
    if (pair === undefined) {
      if (stored !== undefined) await tokens.clear();
      pair = await login(signal);
    }
    // Not awaited: across a fleet, waiting for each token's write would make the secret store the
    // pace of the refresh. Losing one costs nothing: a refused or missing refresh token just
    // means signing in with the saved password next time.
    tokens.set(pair.refreshToken).catch(() => undefined);
    const fetchedAt = clock.now();
    cached = { token: pair.token, fetchedAt, useMs: accessTokenUseMs(pair.token, fetchedAt) };
    return pair.token;
  }

  return {
    accessToken(signal) {
      if (cached !== undefined) {
        const age = clock.now() - cached.fetchedAt;
        // A negative age means the clock was turned back: renew rather than trust the token.
        if (age >= 0 && age < cached.useMs) return Promise.resolve(cached.token);
      }
      if (pending === undefined) {
        const flight = renew(signal);
        pending = flight;
        const settle = (): void => {
          if (pending === flight) pending = undefined;
        };
        flight.then(settle, settle);
      }
      return pending;
    },

    discard(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/** Thrown by `credentials` when no password is saved: the engineer has to enter one. */
export const noPasswordSaved = (hub: string): LicensingError =>
  new LicensingError('invalid_credentials', mobiusflow.noPasswordSaved({ hub }));
