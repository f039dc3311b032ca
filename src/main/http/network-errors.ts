import { LicensingError } from '../licensing/licensing-error';

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

type Wording = (host: string) => string;

const connectionCut: Wording = (host) =>
  `The connection to ${host} was cut off before it answered. Try again; if it keeps happening, a proxy or firewall may be interfering.`;

const UNREACHABLE: Readonly<Record<string, Wording>> = {
  ECONNREFUSED: (host) =>
    `Cannot reach ${host}: connection refused. Check the address and that the server is running.`,
  ENOTFOUND: (host) =>
    `Cannot reach ${host}: the name could not be found. Check the address for typos and that this computer is online.`,
  EAI_AGAIN: (host) =>
    `Cannot reach ${host}: the name lookup failed for now. Check this computer's network connection and try again.`,
  ECONNRESET: connectionCut,
  EHOSTUNREACH: (host) =>
    `Cannot reach ${host}: there is no network route to it. Check that this computer is connected to the right network.`,
  EPIPE: (host) =>
    `The connection to ${host} was closed while sending. Try again; if it keeps happening, a proxy or firewall may be interfering.`,
};
const ALIASES: Readonly<Record<string, string>> = { ENETUNREACH: 'EHOSTUNREACH' };

/** TLS verification failures: retrying will not help, and silently downgrading would be worse. */
const isTlsFailure = (code: string): boolean =>
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/.test(code);

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
  new LicensingError(
    'timeout',
    `${host} did not answer within ${formatSeconds(timeoutMs)}. The server may be busy or the network slow; try again.`,
    { cause },
  );

export const cancelledError = (host: string): LicensingError =>
  new LicensingError('timeout', `The request to ${host} was cancelled before it answered.`);

export const oversizedError = (host: string, maxBodyBytes: number): LicensingError =>
  new LicensingError(
    'protocol',
    `${host} sent a reply larger than ${maxBodyBytes} bytes, far more than a licensing answer needs. Check the server address.`,
  );

export function networkError(host: string, failure: TransportFailure): LicensingError {
  const code = ALIASES[failure.code] ?? failure.code;
  const cause = sanitisedCause(failure.code, failure.message);
  const wording = UNREACHABLE[code];
  if (wording) return new LicensingError('offline', wording(host), { cause });
  if (/socket hang up/i.test(failure.message)) {
    return new LicensingError('offline', connectionCut(host), { cause });
  }
  if (code === 'ETIMEDOUT') {
    return new LicensingError(
      'timeout',
      `Connecting to ${host} took too long. The server may be down or a firewall may be dropping the connection.`,
      { cause },
    );
  }
  if (isTlsFailure(code)) {
    return new LicensingError(
      'config',
      `The secure connection to ${host} could not be verified (${failure.code}). If this is your own on-premises server, its certificate must be trusted; otherwise something on the network may be intercepting the connection.`,
      { cause },
    );
  }
  return new LicensingError(
    'offline',
    `Cannot reach ${host} (${failure.code || 'network error'}). Check this computer's network connection and try again.`,
    { cause },
  );
}

const formatSeconds = (ms: number): string => {
  const seconds = ms / 1000;
  if (seconds === 1) return '1 second';
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} seconds`;
};
