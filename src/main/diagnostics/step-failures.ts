import { STATUS_CODES } from 'node:http';
import type { ConnectionStep, TargetResult } from '../../shared/diagnostics-model';
import type { ErrorCode } from '../../shared/errors';
import { LicensingError } from '../licensing/licensing-error';
import { ProxyFailure } from '../net/connect-tunnel';
import { explainProxyFailure } from '../net/proxy-errors';

/**
 * The words of a failed connection-test step: which step, what happened, and what to do, as
 * "DNS: licensing.acme.example not found — check the address or your DNS/VPN". One function per
 * step, each keyed on the socket or TLS error code Node reports.
 */

export type StepFailure = NonNullable<TargetResult['failure']>;

const LABEL: Readonly<Record<ConnectionStep, string>> = {
  dns: 'DNS',
  tcp: 'TCP',
  proxy: 'Proxy',
  tls: 'TLS',
  http: 'HTTP',
};

const failure = (
  step: ConnectionStep,
  code: ErrorCode,
  problem: string,
  fix?: string,
): StepFailure => ({
  step,
  code,
  message: fix ? `${LABEL[step]}: ${problem} — ${fix}` : `${LABEL[step]}: ${problem}`,
});

/** A failure's words without the step's label ("DNS: "), for the line of that step. */
export const detailOf = (failure: StepFailure): string =>
  failure.message.slice(LABEL[failure.step].length + 2);

/** The proxy's words (a sentence each) in the "problem — fix" form of a step. */
const fromProxyProblem = (step: ConnectionStep, failed: ProxyFailure, target: string) => {
  const { code, problem, fix } = explainProxyFailure(failed, target);
  return failure(step, code, problem, fix.charAt(0).toLowerCase() + fix.slice(1));
};

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** A host this test connects to: the licensing server, or the proxy in front of it. */
export interface Peer {
  readonly host: string;
  readonly port: number;
  readonly isProxy: boolean;
}

const PROXY_SETTING =
  'check the proxy setting (HTTPS_PROXY / HTTP_PROXY, or this computer’s proxy settings)';

export function dnsFailure(peer: Peer, code: string, timeoutMs: number): StepFailure {
  const name = peer.isProxy ? `the proxy ${peer.host}` : peer.host;
  const fix = peer.isProxy ? PROXY_SETTING : 'check the address or your DNS/VPN';
  if (code === 'ENOTFOUND' || code === 'ENODATA')
    return failure('dns', 'offline', `${name} not found`, fix);
  if (code === 'ETIMEDOUT')
    return failure(
      'dns',
      'timeout',
      `no answer for ${name} within ${seconds(timeoutMs)}`,
      'check this computer’s network connection, DNS or VPN',
    );
  return failure(
    'dns',
    'offline',
    `${name} could not be looked up (${code})`,
    'check this computer’s network connection, DNS or VPN, and try again',
  );
}

export function tcpFailure(
  peer: Peer,
  code: string,
  timeoutMs: number,
  target: string,
): StepFailure {
  if (peer.isProxy)
    return fromProxyProblem(
      'tcp',
      new ProxyFailure(`${peer.host}:${peer.port}`, { socketCode: code, message: code }),
      target,
    );
  const address = `${peer.host}:${peer.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return failure(
        'tcp',
        'offline',
        `${address} refused the connection`,
        'check the port in the address and that the server is running',
      );
    case 'ETIMEDOUT':
      return failure(
        'tcp',
        'timeout',
        `no answer from ${address} within ${seconds(timeoutMs)}`,
        'a firewall may be dropping the connection, or the server is down',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failure(
        'tcp',
        'offline',
        `no network route to ${address}`,
        'check the network, VPN or firewall',
      );
    default:
      return failure(
        'tcp',
        'offline',
        `${address} could not be reached (${code})`,
        'check the network, VPN or firewall',
      );
  }
}

export const proxyFailure = (failed: ProxyFailure, target: string): StepFailure =>
  fromProxyProblem('proxy', failed, target);

/** TLS to something that is not TLS: a plain http port, or a server that hangs up at once. */
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|ECONNRESET|EPROTO/;

export function tlsFailure(
  host: string,
  port: number,
  code: string,
  timeoutMs: number,
): StepFailure {
  if (code === 'ETIMEDOUT')
    return failure(
      'tls',
      'timeout',
      `the handshake with ${host} did not finish within ${seconds(timeoutMs)}`,
      'the server may be overloaded, or something on the network holds the connection',
    );
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
    return failure(
      'tls',
      'config',
      `the certificate of ${host} is not valid now (${code})`,
      'check that this computer’s date and time are right; otherwise the server’s administrator must renew the certificate',
    );
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return failure(
      'tls',
      'config',
      `the certificate is not issued for ${host} (${code})`,
      'use the address the certificate names, or ask the administrator for a matching certificate',
    );
  if (NOT_TLS.test(code))
    return failure(
      'tls',
      'config',
      `${host}:${port} does not speak TLS (${code})`,
      'the address may need http:// instead of https://, or another port',
    );
  return failure(
    'tls',
    'config',
    `the certificate of ${host} is not trusted (${code})`,
    'if this is your company’s own server, set caFile in the configuration to its CA bundle; otherwise something on the network is intercepting the connection',
  );
}

export function httpStatusFailure(host: string, status: number): StepFailure {
  return failure(
    'http',
    'server_error',
    `${host} answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(),
    'the server has a problem; try again later, or contact the vendor if it persists',
  );
}

/**
 * A LicensingError already in words: the app's own HTTP client (it names the proxy or the host),
 * or a proxy setting that cannot be used.
 */
export function failureOf(step: ConnectionStep, error: unknown): StepFailure {
  if (error instanceof LicensingError) return failure(step, error.code, error.message);
  return failure(step, 'internal', 'the check failed unexpectedly', 'please report this');
}
