import type { TransportFailure } from './network-errors';

/**
 * Chromium's network errors in Node's words. Electron's net.fetch rejects with the bare name of a
 * Chromium net error (`Error('net::ERR_NAME_NOT_RESOLVED')`, net/base/net_error_list.h), where
 * Node's sockets give a code such as ENOTFOUND. Translated here, both stacks reach the same
 * `networkError` wording, so a person reads the same sentence whichever stack sent the request.
 */

/** Chromium names with a Node code that means the same; the words are networkError's. */
const AS_NODE: Readonly<Record<string, string>> = {
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'EAI_AGAIN',
  // The DNS server failed or was slow: getaddrinfo reports both as EAI_AGAIN.
  ERR_DNS_TIMED_OUT: 'EAI_AGAIN',
  ERR_DNS_SERVER_FAILED: 'EAI_AGAIN',
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  // A reply cut short: what the axios client calls ECONNRESET, too.
  ERR_CONTENT_LENGTH_MISMATCH: 'ECONNRESET',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'ECONNRESET',
  ERR_CONNECTION_ABORTED: 'ECONNABORTED',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_INTERNET_DISCONNECTED: 'EHOSTUNREACH',
  ERR_NETWORK_CHANGED: 'EHOSTUNREACH',
  // Certificates with a Node code of their own (Node's words for the same refusal).
  ERR_CERT_AUTHORITY_INVALID: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  ERR_CERT_COMMON_NAME_INVALID: 'ERR_TLS_CERT_ALTNAME_INVALID',
  ERR_CERT_DATE_INVALID: 'CERT_HAS_EXPIRED',
};

/**
 * Chromium names that say the request itself was wrong (a bug here), not the network: reported as
 * internal. Every other name is the network's, passed on as it is when Node has no code for it
 * (the name is what IT searches for): "Cannot reach <host> (ERR_…)", an `offline` the keep-alive
 * retries, as the axios client does with a socket code it does not know. Proxy and proxy sign-in
 * failures read that way too (Chromium picks and signs in to the proxy, so there is no proxy
 * address to name); ERR_CERT_* and ERR_SSL_* contain CERT or ERR_SSL, which isTlsFailure
 * (net/tls-failure.ts) reads as "could not be verified".
 */
const OUR_MISTAKES: ReadonlySet<string> = new Set([
  'ERR_INVALID_ARGUMENT',
  'ERR_INVALID_URL',
  'ERR_UNKNOWN_URL_SCHEME',
  'ERR_DISALLOWED_URL_SCHEME',
  'ERR_NOT_IMPLEMENTED',
  'ERR_UNEXPECTED',
]);

/** `net::ERR_…` anywhere in the message: the name only, so nothing else of the message travels. */
const NET_ERROR = /\bnet::(ERR_[A-Z0-9_]+)/;

/**
 * The failure a Chromium net error message stands for, with a code `networkError` words; undefined
 * for a message that is not a Chromium net error, or one that is our mistake, which the caller
 * reports as internal.
 */
export function chromiumFailure(message: string): TransportFailure | undefined {
  const name = NET_ERROR.exec(message)?.[1];
  if (name === undefined || OUR_MISTAKES.has(name)) return undefined;
  return { code: AS_NODE[name] ?? name, message: `net::${name}` };
}
