import type { ErrorCode } from '../../shared/errors';
import type { Text } from '../../shared/text';
import { net, proxyPartsEn, type ProxyParts } from '../../shared/texts/net.en';
import { LicensingError } from '../licensing/licensing-error';
import { NOT_HTTP } from './connect-tunnel';
import type { ProxyFailure } from './proxy-dialogue';
import { NOT_SOCKS } from './socks-handshake';

/**
 * What a proxy's "no" means and what to do about it, in one place: the HTTP client turns it into
 * a LicensingError, the connection test into its "Proxy:" line. The proxy is named by host and
 * port only, never with the credentials it was given.
 */
export interface ProxyProblem {
  readonly code: ErrorCode;
  /** What happened, naming the proxy. */
  readonly problem: string;
  /** What to do. */
  readonly fix: string;
}

/**
 * Socket errors of a forwarded request once its connection to the proxy is open: with every
 * socket going to the proxy, they are its. (Failing to open that connection is a ProxyFailure of
 * its own, from proxy-connection.ts.)
 */
export const isProxyConnectFailure = (code: string): boolean =>
  ['ECONNRESET', 'ETIMEDOUT'].includes(code);

type Parts = { readonly problem: string; readonly fix: string };

/** Which of the proxy's words apply, with their values (one case per kind of "no"). */
type Case = {
  [K in keyof typeof proxyPartsEn]: {
    readonly code: ErrorCode;
    readonly key: K;
    readonly params: Parameters<(typeof proxyPartsEn)[K]>[0];
  };
}[keyof typeof proxyPartsEn];

function classify(failure: ProxyFailure, target: string): Case {
  const { proxy, status, socketCode, tlsCode, socks } = failure;
  if (tlsCode !== undefined)
    return { code: 'config', key: 'proxyNotVerified', params: { proxy, code: tlsCode } };
  if (socks === 'credentials')
    return { code: 'config', key: 'socksAsksCredentials', params: { proxy } };
  // SOCKS5's 2: the proxy's rules say no; SOCKS4's 91 is that or a failure, told apart by nothing.
  if (socks === 2 || socks === 91)
    return { code: 'offline', key: 'socksRefusedServer', params: { proxy, target, reply: socks } };
  if (socks !== undefined)
    return {
      code: 'offline',
      key: 'socksCannotReachServer',
      params: { proxy, target, reply: socks },
    };
  if (failure.asksWindowsSignIn)
    return { code: 'config', key: 'proxyAsksWindowsSignIn', params: { proxy } };
  if (status === 407) return { code: 'config', key: 'proxyAsksCredentials', params: { proxy } };
  if (status !== undefined && status >= 500)
    return { code: 'offline', key: 'proxyCannotReachServer', params: { proxy, target, status } };
  if (status !== undefined)
    return { code: 'offline', key: 'proxyRefusedServer', params: { proxy, target, status } };
  if (socketCode === 'ETIMEDOUT')
    return { code: 'timeout', key: 'proxyTimedOut', params: { proxy } };
  if (socketCode !== undefined)
    return { code: 'offline', key: 'proxyUnreachable', params: { proxy, socketCode } };
  return { code: 'protocol', key: 'proxyFailed', params: { proxy, detail: failure.message } };
}

/** `parts`: the words, English unless the connection test asks in another language. */
export function explainProxyFailure(
  failure: ProxyFailure,
  target: string,
  parts: ProxyParts = proxyPartsEn,
): ProxyProblem {
  const found = classify(failure, target);
  const describe = parts[found.key] as (params: Case['params']) => Parts;
  const said = describe(found.params);
  return { code: found.code, problem: said.problem, fix: said.fix };
}

export const proxyError = (failure: ProxyFailure, target: string): LicensingError => {
  const found = classify(failure, target);
  if (found.key === 'proxyFailed' && found.params.detail === NOT_HTTP)
    return new LicensingError(found.code, net.proxyNotHttp({ proxy: found.params.proxy }));
  if (found.key === 'proxyFailed' && found.params.detail === NOT_SOCKS)
    return new LicensingError(found.code, net.proxyNotSocks({ proxy: found.params.proxy }));
  const say = net[found.key] as (params: Case['params']) => Text;
  // A Windows sign-in goes along with its failure: a client that can sign in where Node cannot
  // looks for it (windows-proxy-sign-in.ts).
  return new LicensingError(
    found.code,
    say(found.params),
    failure.asksWindowsSignIn ? { cause: failure } : undefined,
  );
};
