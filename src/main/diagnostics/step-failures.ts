import { STATUS_CODES } from 'node:http';
import type { ConnectionStep, TargetResult } from '../../shared/diagnostics-model';
import type { ErrorCode } from '../../shared/errors';
import { LicensingError } from '../licensing/licensing-error';
import { ProxyFailure } from '../net/proxy-dialogue';
import { explainProxyFailure } from '../net/proxy-errors';
import { diagnosticsWordsEn, type DiagnosticsWords } from './words.en';

/**
 * The words of a failed connection-test step: which step, what happened, and what to do, as
 * "DNS: licensing.acme.example not found — check the address or your DNS/VPN". One function per
 * step, each keyed on the socket or TLS error code Node reports, in the words of the language asked
 * for (English unless told: the CLI, the support bundle and the log are English).
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
const fromProxyProblem = (
  step: ConnectionStep,
  failed: ProxyFailure,
  target: string,
  words: DiagnosticsWords,
) => {
  const { code } = explainProxyFailure(failed, target);
  const { problem, fix } = words.proxyProblem(failed, target);
  return failure(step, code, problem, fix);
};

const seconds = (ms: number, words: DiagnosticsWords): string =>
  words.seconds(Math.round(ms / 100) / 10);

/** A host this test connects to: the licensing server, or the proxy in front of it. */
export interface Peer {
  readonly host: string;
  readonly port: number;
  readonly isProxy: boolean;
}

export function dnsFailure(
  peer: Peer,
  code: string,
  timeoutMs: number,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure {
  const w = words.dns;
  const name = peer.isProxy ? w.theProxy(peer.host) : peer.host;
  const fix = peer.isProxy ? w.checkProxySetting : w.checkAddress;
  if (code === 'ENOTFOUND' || code === 'ENODATA')
    return failure('dns', 'offline', w.notFound(name), fix);
  if (code === 'ETIMEDOUT')
    return failure('dns', 'timeout', w.noAnswer(name, seconds(timeoutMs, words)), w.checkNetwork);
  return failure('dns', 'offline', w.lookupFailed(name, code), w.checkNetworkAndRetry);
}

export function tcpFailure(
  peer: Peer,
  code: string,
  timeoutMs: number,
  target: string,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure {
  if (peer.isProxy)
    return fromProxyProblem(
      'tcp',
      new ProxyFailure(`${peer.host}:${peer.port}`, { socketCode: code, message: code }),
      target,
      words,
    );
  const w = words.tcp;
  const address = `${peer.host}:${peer.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return failure('tcp', 'offline', w.refused(address), w.refusedFix);
    case 'ETIMEDOUT':
      return failure(
        'tcp',
        'timeout',
        w.noAnswer(address, seconds(timeoutMs, words)),
        w.noAnswerFix,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failure('tcp', 'offline', w.noRoute(address), w.checkNetwork);
    default:
      return failure('tcp', 'offline', w.unreachable(address, code), w.checkNetwork);
  }
}

export const proxyFailure = (
  failed: ProxyFailure,
  target: string,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure => fromProxyProblem('proxy', failed, target, words);

/** TLS to something that is not TLS: a plain http port, or a server that hangs up at once. */
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|ECONNRESET|EPROTO/;

export function tlsFailure(
  host: string,
  port: number,
  code: string,
  timeoutMs: number,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure {
  const w = words.tls;
  if (code === 'ETIMEDOUT')
    return failure(
      'tls',
      'timeout',
      w.handshakeTimeout(host, seconds(timeoutMs, words)),
      w.handshakeTimeoutFix,
    );
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
    return failure('tls', 'config', w.notValidNow(host, code), w.notValidNowFix);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return failure('tls', 'config', w.wrongName(host, code), w.wrongNameFix);
  if (NOT_TLS.test(code))
    return failure('tls', 'config', w.notTls(`${host}:${port}`, code), w.notTlsFix);
  return failure('tls', 'config', w.untrusted(host, code), w.untrustedFix);
}

export function httpStatusFailure(
  host: string,
  status: number,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure {
  return failure(
    'http',
    'server_error',
    words.http.serverError(host, `${status} ${STATUS_CODES[status] ?? ''}`.trimEnd()),
    words.http.serverErrorFix,
  );
}

/**
 * A LicensingError already in words: the app's own HTTP client (it names the proxy or the host),
 * or a proxy setting that cannot be used. Its message is the core's, in English, as it came.
 */
export function failureOf(
  step: ConnectionStep,
  error: unknown,
  words: DiagnosticsWords = diagnosticsWordsEn,
): StepFailure {
  if (error instanceof LicensingError) return failure(step, error.code, error.message);
  return failure(step, 'internal', words.unexpected, words.unexpectedFix);
}
