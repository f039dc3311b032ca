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
 * Chromium names passed on as they are: Node has no code for them, and the name is what IT
 * searches for. Proxy and proxy sign-in failures (Chromium picks and signs in to the proxy, so
 * there is no proxy address to name) read "Cannot reach <host> (ERR_…)". The TLS ones here and
 * every ERR_CERT_* / ERR_SSL_* contain CERT, ERR_SSL or ERR_TLS, which isTlsFailure
 * (net/tls-failure.ts) reads as "could not be verified". ERR_PROXY_CERTIFICATE_INVALID does too:
 * its message names the server, not the proxy, but its code says which certificate failed.
 */
const AS_IS: ReadonlySet<string> = new Set([
  'ERR_CONNECTION_FAILED',
  'ERR_NETWORK_ACCESS_DENIED',
  'ERR_UNSAFE_PORT',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_PROXY_AUTH_REQUESTED',
  'ERR_PROXY_CERTIFICATE_INVALID',
  'ERR_PROXY_HTTP_1_1_REQUIRED',
  'ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT',
  'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
  'ERR_PAC_SCRIPT_FAILED',
  'ERR_NO_SUPPORTED_PROXIES',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE',
  // Signing in as the logged-on user (NTLM, Negotiate) failed.
  'ERR_INVALID_AUTH_CREDENTIALS',
  'ERR_MISSING_AUTH_CREDENTIALS',
  'ERR_UNSUPPORTED_AUTH_SCHEME',
  'ERR_MISCONFIGURED_AUTH_ENVIRONMENT',
  'ERR_BAD_SSL_CLIENT_AUTH_CERT',
  'ERR_CERTIFICATE_TRANSPARENCY_REQUIRED',
  'ERR_TLS13_DOWNGRADE_DETECTED',
]);

const TLS_FAMILY = /^ERR_(?:CERT|SSL)_/;

/** `net::ERR_…` anywhere in the message: the name only, so nothing else of the message travels. */
const NET_ERROR = /\bnet::(ERR_[A-Z0-9_]+)/;

/**
 * The failure a Chromium net error message stands for, with a code `networkError` words; undefined
 * for a message that is not a Chromium net error, or one not listed (ERR_FAILED, ERR_UNEXPECTED,
 * ERR_INVALID_ARGUMENT: a bug more likely than the network), which the caller reports as internal.
 */
export function chromiumFailure(message: string): TransportFailure | undefined {
  const name = NET_ERROR.exec(message)?.[1];
  if (name === undefined) return undefined;
  const code = AS_NODE[name] ?? (AS_IS.has(name) || TLS_FAMILY.test(name) ? name : undefined);
  return code === undefined ? undefined : { code, message: `net::${name}` };
}
