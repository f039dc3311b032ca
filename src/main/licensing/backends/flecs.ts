import type { Clock } from '../../../shared/clock';
import type { Text } from '../../../shared/text';
import { flecs } from '../../../shared/texts/flecs.en';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { hostOf } from '../../http/network-errors';
import type { LicensingError } from '../licensing-error';
import { flecsFailure, type FlecsOperation } from './flecs-errors';
import { checkCredentials, checkJwt, normaliseSerialNumber } from './flecs-input';
import {
  activationReply,
  loginReply,
  newerStamp,
  sessionFromHeader,
  validationReply,
  type SessionStamp,
  isSessionId,
  stampFrom,
} from './flecs-wire';
import { normaliseLicenceKey } from './key-input';
import { isSuccess, normaliseBaseUrl, parseReply } from './wire-helpers';

/**
 * Client side of the FLECS Console device-licence protocol (contract: shared/backends/CONTRACTS.md
 * §2): sign in, activate this device (user licence, licence key or serial number), and validate
 * it with the device session id, which the console rotates and pushes back on every reply.
 */

/** Where the rotating device session id lives (the lead backs it with the OS secret store). */
export interface SessionVault {
  get(): Promise<string | undefined>;
  set(sessionId: string): Promise<void>;
  clear(): Promise<void>;
}

export interface FlecsClientOptions {
  /** http(s)://host:port, e.g. https://console.flecs.tech. */
  baseUrl: string;
  http: HttpClient;
  clock: Clock;
  vault: SessionVault;
  timeoutMs?: number;
}

export type FlecsActivation =
  /** 200: the console minted or confirmed a licence key. Secret: the caller must store it. */
  | { readonly outcome: 'activated'; readonly licenseKey: string }
  /** 204: the device was already active; the stored session stays (unless the console rotated it). */
  | { readonly outcome: 'already-active' };

export interface FlecsAccount {
  /** Secret: the JWT for `activateWithUserLicence`. */
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly user: { id: number; displayName: string; email: string; login: string };
}

export interface FlecsClient {
  login(username: string, password: string): Promise<FlecsAccount>;
  /** Consumes one licence of the signed-in account, for good: store the returned key. */
  activateWithUserLicence(jwt: string): Promise<FlecsActivation>;
  activateWithKey(licenseKey: string): Promise<FlecsActivation>;
  /** ASSUME: body `{"serialNumber": "..."}`; the public spec names no field for it. */
  activateWithSerial(serialNumber: string): Promise<FlecsActivation>;
  /** `isValid:false` is an answer, not an error; `reason` says why in words a person can act on. */
  validate(): Promise<{ readonly isValid: boolean; readonly reason?: Text }>;
}

export const NOT_ACTIVATED_REASON = flecs.notActivated();
export const LICENCE_NOT_VALID_REASON = flecs.licenceNotValid();
export const SESSION_REFUSED_REASON = flecs.sessionRefused();

const PATHS = {
  login: '/api/v2/auth/login',
  activate: '/api/v2/device/license/activate',
  validate: '/api/v2/device/license/validate',
} as const;

interface Outgoing {
  readonly operation: FlecsOperation;
  readonly path: string;
  readonly bearer?: string;
  /** Sent as the bare id, unlike the JSON the console sends back. */
  readonly session?: string;
  readonly body?: unknown;
  /** Blanked out of any server text that reaches a message. */
  readonly secrets: readonly string[];
}

/** What a reply means, and the session id its body names, if any. */
type Reader<T> = (
  response: HttpResponse,
  fail: () => LicensingError,
) => { readonly value: T; readonly session?: SessionStamp };

export function createFlecsClient(options: FlecsClientOptions): FlecsClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = hostOf(baseUrl);
  const { http, clock, vault } = options;

  /** The stored id, if the console could accept it: a damaged value never goes into a header. */
  async function storedSession(): Promise<string | undefined> {
    const id = await vault.get();
    return id !== undefined && isSessionId(id) ? id : undefined;
  }

  // Session writes run one at a time and never go back to an older stamp: replies may arrive out
  // of order, and an older id put back after the grace window would lock the device out (the
  // vendor's own client compares timestamps the same way).
  let newestSeen: SessionStamp | undefined;
  let writes: Promise<void> = Promise.resolve();
  function saveSession(stamp: SessionStamp): Promise<void> {
    const run = writes.then(async () => {
      const stale =
        newestSeen !== undefined &&
        newestSeen.id !== stamp.id &&
        newerStamp(stamp, newestSeen) === newestSeen;
      if (stale) return;
      newestSeen = stamp;
      if ((await vault.get()) !== stamp.id) await vault.set(stamp.id);
    });
    writes = run.catch(() => undefined);
    return run;
  }

  async function exchange<T>(out: Outgoing, read: Reader<T>): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (out.body !== undefined) headers['Content-Type'] = 'application/json';
    if (out.bearer !== undefined) headers.Authorization = `Bearer ${out.bearer}`;
    if (out.session !== undefined) headers['X-Session-Id'] = out.session;
    const response = await http.request({
      method: 'POST',
      url: `${baseUrl}${out.path}`,
      headers,
      body: out.body,
      timeoutMs: options.timeoutMs,
    });
    // A malformed header is ignored rather than a `protocol` error: it is a side channel, and
    // failing the reply would throw away what it carries (a key minted from a user licence that
    // cannot be used twice). The old id stays valid for the console's grace window meanwhile.
    const headerSession = sessionFromHeader(response.headers['x-session-id']);
    const fail = (): LicensingError =>
      flecsFailure(response, {
        operation: out.operation,
        host,
        secrets: [...out.secrets, headerSession?.id ?? ''],
        now: clock.now(),
      });
    let bodySession: SessionStamp | undefined;
    try {
      const result = read(response, fail);
      bodySession = result.session;
      return result.value;
    } finally {
      // On every reply, error or not: the console may rotate the id on any of them, and the old
      // one stops working after the grace window. A vault that cannot be written (keyring locked)
      // must not turn a success into a failure: a key from a user licence is spent for good.
      const newest = newerStamp(headerSession, bodySession);
      if (newest) await saveSession(newest).catch(() => undefined);
    }
  }

  const readActivation: Reader<FlecsActivation> = (response, fail) => {
    if (response.status === 204) return { value: { outcome: 'already-active' } };
    if (!isSuccess(response)) throw fail();
    const { data } = parseReply(activationReply, response.body, host);
    return {
      value: { outcome: 'activated', licenseKey: data.licenseKey },
      session: stampFrom(data.sessionId),
    };
  };

  return {
    async login(username, password) {
      const name = checkCredentials(username, password);
      return exchange(
        {
          operation: 'login',
          path: PATHS.login,
          body: { username: name, password, issueJWT: true },
          secrets: [password],
        },
        (response, fail) => {
          if (!isSuccess(response)) throw fail();
          const { jwt, user } = parseReply(loginReply, response.body, host).data;
          const account: FlecsAccount = {
            token: jwt.token,
            expiresAt: jwt.token_expires * 1000,
            user: {
              id: user.ID,
              displayName: user.display_name || user.user_login,
              email: user.user_email ?? '',
              login: user.user_login,
            },
          };
          return { value: account };
        },
      );
    },

    async activateWithUserLicence(rawJwt) {
      const jwt = checkJwt(rawJwt);
      // The bearer asks for a licence from the account. The current session goes along (as
      // FLECS's C++ client does): an already active device then gets 204, and a retry after a lost
      // reply or a double click does not spend a second licence.
      const session = await storedSession();
      return exchange(
        {
          operation: 'activate-user',
          path: PATHS.activate,
          bearer: jwt,
          session,
          secrets: [jwt, session ?? ''],
        },
        readActivation,
      );
    },

    async activateWithKey(rawKey) {
      const licenseKey = normaliseLicenceKey(rawKey);
      // The current session lets the console recognise this device and answer 204.
      const session = await storedSession();
      return exchange(
        {
          operation: 'activate-key',
          path: PATHS.activate,
          session,
          body: { licenseKey },
          secrets: [licenseKey, session ?? ''],
        },
        readActivation,
      );
    },

    async activateWithSerial(rawSerial) {
      const serialNumber = normaliseSerialNumber(rawSerial);
      // The contract's third mode carries no credentials; the serial is not a secret.
      return exchange(
        {
          operation: 'activate-serial',
          path: PATHS.activate,
          body: { serialNumber },
          secrets: [],
        },
        readActivation,
      );
    },

    async validate() {
      const session = await storedSession();
      if (session === undefined) return { isValid: false, reason: NOT_ACTIVATED_REASON };
      return exchange(
        { operation: 'validate', path: PATHS.validate, session, secrets: [session] },
        (response, fail) => {
          // A refused session means this device is no longer activated: an answer, not a fault.
          if (response.status === 401 || response.status === 403) {
            return { value: { isValid: false, reason: SESSION_REFUSED_REASON } };
          }
          if (!isSuccess(response)) throw fail();
          const { isValid } = parseReply(validationReply, response.body, host).data;
          return { value: isValid ? { isValid } : { isValid, reason: LICENCE_NOT_VALID_REASON } };
        },
      );
    },
  };
}
