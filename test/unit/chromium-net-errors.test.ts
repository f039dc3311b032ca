import { describe, expect, it } from 'vitest';
import { chromiumFailure } from '../../src/main/http/chromium-net-errors';
import { networkError } from '../../src/main/http/network-errors';
import { isTlsFailure } from '../../src/main/net/tls-failure';

/**
 * Chromium's net errors (net/base/net_error_list.h) as Electron's net.fetch rejects with them,
 * checked twice: the Node code each becomes, and what networkError then tells the person, which
 * must be what the axios client says for the same failure.
 */
const HOST = 'licence.example.com';
const failureOf = (name: string) => chromiumFailure(`net::${name}`);
const said = (name: string) => {
  const failure = failureOf(name);
  if (!failure) throw new Error(`${name} is not mapped`);
  return networkError(HOST, failure);
};

describe('chromiumFailure: names with a Node code of the same meaning', () => {
  it.each([
    ['ERR_NAME_NOT_RESOLVED', 'ENOTFOUND', 'net.nameNotFound'],
    ['ERR_NAME_RESOLUTION_FAILED', 'EAI_AGAIN', 'net.nameLookupFailed'],
    ['ERR_DNS_TIMED_OUT', 'EAI_AGAIN', 'net.nameLookupFailed'],
    ['ERR_DNS_SERVER_FAILED', 'EAI_AGAIN', 'net.nameLookupFailed'],
    ['ERR_CONNECTION_REFUSED', 'ECONNREFUSED', 'net.connectionRefused'],
    ['ERR_CONNECTION_RESET', 'ECONNRESET', 'net.connectionCut'],
    ['ERR_CONNECTION_CLOSED', 'ECONNRESET', 'net.connectionCut'],
    ['ERR_EMPTY_RESPONSE', 'ECONNRESET', 'net.connectionCut'],
    ['ERR_CONTENT_LENGTH_MISMATCH', 'ECONNRESET', 'net.connectionCut'],
    ['ERR_INCOMPLETE_CHUNKED_ENCODING', 'ECONNRESET', 'net.connectionCut'],
    ['ERR_CONNECTION_ABORTED', 'ECONNABORTED', 'net.cannotReach'],
    ['ERR_CONNECTION_TIMED_OUT', 'ETIMEDOUT', 'net.connectTookTooLong'],
    ['ERR_TIMED_OUT', 'ETIMEDOUT', 'net.connectTookTooLong'],
    ['ERR_ADDRESS_UNREACHABLE', 'EHOSTUNREACH', 'net.noRoute'],
    ['ERR_INTERNET_DISCONNECTED', 'EHOSTUNREACH', 'net.noRoute'],
    ['ERR_NETWORK_CHANGED', 'EHOSTUNREACH', 'net.noRoute'],
    ['ERR_CERT_AUTHORITY_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'net.notVerified'],
    ['ERR_CERT_COMMON_NAME_INVALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'net.notVerified'],
    ['ERR_CERT_DATE_INVALID', 'CERT_HAS_EXPIRED', 'net.notVerified'],
  ])('%s → %s (%s)', (name, code, textId) => {
    expect(failureOf(name)).toEqual({ code, message: `net::${name}` });
    expect(said(name).text?.id).toBe(textId);
  });
});

describe('chromiumFailure: TLS failures without a Node code keep their name', () => {
  it.each([
    'ERR_CERT_REVOKED',
    'ERR_CERT_INVALID',
    'ERR_CERT_WEAK_KEY',
    'ERR_CERT_WEAK_SIGNATURE_ALGORITHM',
    'ERR_CERT_NAME_CONSTRAINT_VIOLATION',
    'ERR_SSL_PROTOCOL_ERROR',
    'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    'ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN',
    'ERR_BAD_SSL_CLIENT_AUTH_CERT',
    'ERR_CERTIFICATE_TRANSPARENCY_REQUIRED',
    'ERR_TLS13_DOWNGRADE_DETECTED',
  ])('%s: "could not be verified", a config error', (name) => {
    expect(failureOf(name)?.code).toBe(name);
    expect(isTlsFailure(name)).toBe(true);
    const error = said(name);
    expect(error.code).toBe('config');
    expect(error.message).toContain(`(${name})`);
  });
});

describe('chromiumFailure: proxy, sign-in and blocked-route failures keep their name', () => {
  it.each([
    'ERR_PROXY_CONNECTION_FAILED',
    'ERR_TUNNEL_CONNECTION_FAILED',
    'ERR_PROXY_AUTH_UNSUPPORTED',
    'ERR_PROXY_AUTH_REQUESTED',
    'ERR_PROXY_HTTP_1_1_REQUIRED',
    'ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT',
    'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
    'ERR_PAC_SCRIPT_FAILED',
    'ERR_NO_SUPPORTED_PROXIES',
    'ERR_SOCKS_CONNECTION_FAILED',
    'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE',
    'ERR_INVALID_AUTH_CREDENTIALS',
    'ERR_MISSING_AUTH_CREDENTIALS',
    'ERR_UNSUPPORTED_AUTH_SCHEME',
    'ERR_MISCONFIGURED_AUTH_ENVIRONMENT',
    'ERR_CONNECTION_FAILED',
    'ERR_NETWORK_ACCESS_DENIED',
    'ERR_UNSAFE_PORT',
  ])('%s: "Cannot reach <host> (%s)", offline', (name) => {
    expect(failureOf(name)?.code).toBe(name);
    const error = said(name);
    expect(error.code).toBe('offline');
    expect(error.text?.id).toBe('net.cannotReach');
    expect(error.message).toContain(`Cannot reach ${HOST} (${name})`);
  });

  it("a proxy's certificate is a TLS failure: its name says whose", () => {
    expect(failureOf('ERR_PROXY_CERTIFICATE_INVALID')?.code).toBe('ERR_PROXY_CERTIFICATE_INVALID');
    expect(said('ERR_PROXY_CERTIFICATE_INVALID').code).toBe('config');
  });
});

describe('chromiumFailure: any other Chromium name is the network’s, retried like a socket error', () => {
  it.each([
    'ERR_FAILED',
    'ERR_ABORTED',
    'ERR_NETWORK_IO_SUSPENDED',
    'ERR_HTTP2_PROTOCOL_ERROR',
    'ERR_INVALID_HTTP_RESPONSE',
    'ERR_UNEXPECTED_PROXY_AUTH',
  ])('%s: offline, naming it', (name) => {
    expect(failureOf(name)?.code).toBe(name);
    const error = said(name);
    expect(error.code).toBe('offline');
    expect(error.message).toContain(`(${name})`);
  });
});

describe('chromiumFailure: what it does not map', () => {
  it.each([
    ['a bug more likely than the network', 'net::ERR_UNEXPECTED'],
    ['a header Chromium refused', 'net::ERR_INVALID_ARGUMENT'],
    ['an address Chromium refused', 'net::ERR_INVALID_URL'],
    ['Electron’s cancelled redirect', 'Redirect was cancelled'],
    ['Node’s fetch', 'fetch failed'],
    ['a name without the net:: of Chromium', 'ERR_NAME_NOT_RESOLVED'],
    ['a name Chromium never writes in lower case', 'net::err_name_not_resolved'],
    ['an empty message', ''],
  ])('%s: %j', (_why, message) => {
    expect(chromiumFailure(message)).toBeUndefined();
  });

  it('passes on the name only, never the rest of the message', () => {
    const failure = chromiumFailure('net::ERR_CONNECTION_REFUSED at https://h/v1?key=SECRET');
    expect(failure).toEqual({ code: 'ECONNREFUSED', message: 'net::ERR_CONNECTION_REFUSED' });
  });
});
