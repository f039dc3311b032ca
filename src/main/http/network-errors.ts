import { LicensingError } from '../licensing/licensing-error';
import type { Text } from '../../shared/text';
import { net } from '../../shared/texts/net.en';
import { isTlsFailure } from '../net/tls-failure';

/**
 * Turns a transport failure (Node socket/DNS error codes, as axios passes them through) into a
 * LicensingError a person can act on. Messages name the host only: never the path or query (some
 * APIs put ids there), never headers or bodies (API keys, licence keys).
 */

/** The host (and port) of a URL, for messages; the whole string stays out of messages if it does not parse. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host || 'the server';
  } catch {
    return 'the server';
  }
};

type Says = (params: { host: string }) => Text;

const UNREACHABLE: Readonly<Record<string, Says>> = {
  ECONNREFUSED: net.connectionRefused,
  ENOTFOUND: net.nameNotFound,
  EAI_AGAIN: net.nameLookupFailed,
  ECONNRESET: net.connectionCut,
  EHOSTUNREACH: net.noRoute,
  EPIPE: net.closedWhileSending,
};
const ALIASES: Readonly<Record<string, string>> = { ENETUNREACH: 'EHOSTUNREACH' };

/** Only the error's code and Node's own message, so no request details leak into logs through `cause`. */
const sanitisedCause = (code: string, message: string): Error => {
  const cause = new Error(`${code}: ${message}`);
  cause.name = 'NetworkError';
  return cause;
};

export interface TransportFailure {
  readonly code: string;
  readonly message: string;
}

export const timeoutError = (host: string, timeoutMs: number, cause?: Error): LicensingError =>
  new LicensingError('timeout', net.noAnswerInTime({ host, seconds: timeoutMs / 1000 }), { cause });

export const cancelledError = (host: string): LicensingError =>
  new LicensingError('timeout', net.cancelled({ host }));

export const oversizedError = (host: string, maxBodyBytes: number): LicensingError =>
  new LicensingError('protocol', net.replyTooLarge({ host, bytes: maxBodyBytes }));

export function networkError(host: string, failure: TransportFailure): LicensingError {
  const code = ALIASES[failure.code] ?? failure.code;
  const cause = sanitisedCause(failure.code, failure.message);
  const wording = UNREACHABLE[code];
  if (wording) return new LicensingError('offline', wording({ host }), { cause });
  if (/socket hang up/i.test(failure.message)) {
    return new LicensingError('offline', net.connectionCut({ host }), { cause });
  }
  if (code === 'ETIMEDOUT') {
    return new LicensingError('timeout', net.connectTookTooLong({ host }), { cause });
  }
  if (isTlsFailure(code)) {
    return new LicensingError('config', net.notVerified({ host, code: failure.code }), { cause });
  }
  return new LicensingError('offline', net.cannotReach({ host, code: failure.code }), { cause });
}
