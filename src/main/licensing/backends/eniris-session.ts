import type { Clock } from '../../../shared/clock';
import { eniris } from '../../../shared/texts/eniris.en';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import { LicensingError } from '../licensing-error';
import { checkCredentials } from './eniris-input';
import { commonFailure, loginFailure, notSignedIn, sessionExpired } from './eniris-errors';
import { readTokenText } from './eniris-wire';
import { isSuccess } from './wire-helpers';

/**
 * The Eniris sign-in (contract §4.2): a refresh token (14 days, kept in the vault) buys access
 * tokens (10 minutes, kept only in memory). The cadence follows the official Python driver: a new
 * access token once the cached one is 2 minutes old, a new refresh token once it is 7 days old,
 * and a fresh sign-in once it is 13 days old, a day before the server would refuse it.
 */

/** The refresh token (secret) and when it was issued; the lead backs this with the OS secret store. */
export interface RefreshTokenVault {
  get(): Promise<{ token: string; issuedAt: number } | undefined>;
  set(value: { token: string; issuedAt: number }): Promise<void>;
  clear(): Promise<void>;
}

export interface SessionOptions {
  /** Already normalised: no trailing slash. */
  readonly authUrl: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly vault: RefreshTokenVault;
  readonly timeoutMs?: number;
}

export interface EnirisSession {
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  isSignedIn(): Promise<boolean>;
  /** A usable access token: the cached one while young, else one renewal shared by all callers. */
  accessToken(): Promise<string>;
  /** Forgets `token` if it is still the cached one, after the API refused it. */
  discard(token: string): void;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
export const ACCESS_TOKEN_RENEW_AFTER_MS = 2 * MINUTE_MS;
export const REFRESH_TOKEN_RENEW_AFTER_MS = 7 * DAY_MS;
export const REFRESH_TOKEN_GIVE_UP_AFTER_MS = 13 * DAY_MS;
const REFRESH_TOKEN_LIFETIME_MS = 14 * DAY_MS;

/** Refusals of the refresh token itself: the session is over, whatever the exact status. */
const isRefused = (status: number): boolean => status === 400 || status === 401 || status === 403;

export function createEnirisSession(options: SessionOptions): EnirisSession {
  const { authUrl, http, clock, vault } = options;
  const host = hostOf(authUrl);
  let cached: { token: string; fetchedAt: number } | undefined;
  let pending: Promise<string> | undefined;
  // Bumped by login and logout: work started before must neither store nor cache its result.
  let epoch = 0;

  const startOver = (): void => {
    epoch += 1;
    cached = undefined;
    pending = undefined;
  };

  const send = (
    method: 'GET' | 'POST',
    path: string,
    bearer?: string,
    body?: unknown,
  ): Promise<HttpResponse> =>
    http.request({
      method,
      url: `${authUrl}${path}`,
      headers: {
        Accept: 'text/plain',
        ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      body,
      timeoutMs: options.timeoutMs,
    });

  const context = (secrets: readonly string[]) => ({ host, now: clock.now(), secrets });

  /** Clears the vault, unless a sign-in or sign-out since `started` has replaced the session. */
  async function expire(token: string, started: number): Promise<LicensingError> {
    cached = undefined;
    if (epoch === started && (await vault.get())?.token === token) await vault.clear();
    return sessionExpired();
  }

  /** Best effort: a token we will not use must not stay valid on the server for days. */
  async function revoke(token: string): Promise<void> {
    try {
      await send('POST', '/auth/logout', token);
    } catch (error) {
      if (!(error instanceof LicensingError)) throw error;
    }
  }

  /**
   * Swaps a week-old refresh token for a new one, stored before it is used so a crash cannot
   * strand us with a token the vault does not hold. Only a refusal is fatal: on a busy or
   * unreachable server the old token, still good for days, is used, as the official driver does.
   */
  async function renewRefreshToken(token: string, started: number): Promise<string> {
    let response: HttpResponse;
    try {
      response = await send('GET', '/auth/refreshtoken', token);
    } catch (error) {
      if (error instanceof LicensingError) return token;
      throw error;
    }
    if (isRefused(response.status)) throw await expire(token, started);
    if (!isSuccess(response)) return token;
    const fresh = readTokenText(response, host, eniris.expectedNewRefreshToken());
    if (epoch !== started) {
      // Signed out (or in again) while renewing: the new token belongs to no one.
      await revoke(fresh);
      throw notSignedIn();
    }
    await vault.set({ token: fresh, issuedAt: clock.now() });
    // The old token would otherwise stay valid until its own 14 days are up.
    await revoke(token);
    return fresh;
  }

  async function refreshToken(started: number): Promise<string> {
    const stored = await vault.get();
    if (!stored) throw notSignedIn();
    const age = clock.now() - stored.issuedAt;
    if (age > REFRESH_TOKEN_GIVE_UP_AFTER_MS) throw await expire(stored.token, started);
    // A negative age means the clock was turned back since: renewing resets the issue time.
    if (age < 0 || age > REFRESH_TOKEN_RENEW_AFTER_MS) {
      return renewRefreshToken(stored.token, started);
    }
    return stored.token;
  }

  async function renewAccessToken(): Promise<string> {
    const started = epoch;
    const refresh = await refreshToken(started);
    const response = await send('GET', '/auth/accesstoken', refresh);
    if (isRefused(response.status)) throw await expire(refresh, started);
    if (!isSuccess(response)) throw commonFailure(response, context([refresh]));
    const token = readTokenText(response, host, eniris.expectedAccessToken());
    // Signed out or in again meanwhile: this token belongs to a session that is gone.
    if (epoch !== started) return accessToken();
    cached = { token, fetchedAt: clock.now() };
    return token;
  }

  function accessToken(): Promise<string> {
    if (cached !== undefined) {
      const age = clock.now() - cached.fetchedAt;
      if (age >= 0 && age < ACCESS_TOKEN_RENEW_AFTER_MS) return Promise.resolve(cached.token);
    }
    if (pending === undefined) {
      const flight = renewAccessToken();
      pending = flight;
      const settle = (): void => {
        if (pending === flight) pending = undefined;
      };
      flight.then(settle, settle);
    }
    return pending;
  }

  return {
    accessToken,

    discard(token) {
      if (cached?.token === token) cached = undefined;
    },

    async login(rawUsername, rawPassword) {
      const credentials = checkCredentials(rawUsername, rawPassword);
      const response = await send('POST', '/auth/login', undefined, credentials);
      const ctx = context([credentials.password]);
      if (!isSuccess(response)) throw loginFailure(response, ctx);
      const token = readTokenText(response, host, eniris.expectedRefreshToken());
      startOver();
      await vault.set({ token, issuedAt: clock.now() });
    },

    async logout() {
      const stored = await vault.get();
      // Local sign-out first and unconditionally: a hanging server must not keep us signed in.
      startOver();
      await vault.clear();
      if (!stored || clock.now() - stored.issuedAt > REFRESH_TOKEN_LIFETIME_MS) return;
      try {
        // 204 revokes the token; 401 means it was already invalid. Either way we are done.
        await send('POST', '/auth/logout', stored.token);
      } catch (error) {
        if (!(error instanceof LicensingError)) throw error;
      }
    },

    async isSignedIn() {
      const stored = await vault.get();
      return (
        stored !== undefined && clock.now() - stored.issuedAt <= REFRESH_TOKEN_GIVE_UP_AFTER_MS
      );
    },
  };
}
