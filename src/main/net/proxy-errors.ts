import type { ErrorCode } from '../../shared/errors';
import { LicensingError } from '../licensing/licensing-error';
import type { ProxyFailure } from './connect-tunnel';

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

const WHERE_SET = 'the proxy setting (HTTPS_PROXY / HTTP_PROXY, or this computer’s proxy settings)';

const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ENOTFOUND: 'could not be found (DNS)',
  EAI_AGAIN: 'could not be looked up (DNS)',
  EHOSTUNREACH: 'has no network route',
  ENETUNREACH: 'has no network route',
  ECONNRESET: 'closed the connection before answering',
};

/** Socket errors that can only come from connecting to the proxy itself. */
export const isProxyConnectFailure = (code: string): boolean =>
  code in UNREACHABLE || code === 'ETIMEDOUT';

export function explainProxyFailure(failure: ProxyFailure, target: string): ProxyProblem {
  const proxy = failure.proxy;
  const { status, socketCode } = failure;
  if (status === 407)
    return {
      code: 'config',
      problem: `The proxy ${proxy} asks for a user name and password (407 Proxy Authentication Required)`,
      fix: 'Put them in the proxy address (http://user:password@host:port in HTTPS_PROXY), or ask IT to let this computer through',
    };
  if (status !== undefined && status >= 500)
    return {
      code: 'offline',
      problem: `The proxy ${proxy} could not reach ${target} (${status})`,
      fix: 'Check the server address; the server may be down, or the proxy cannot resolve its name',
    };
  if (status !== undefined)
    return {
      code: 'offline',
      problem: `The proxy ${proxy} refused to connect to ${target} (${status})`,
      fix: 'Ask IT to allow this address through the proxy, or list it in NO_PROXY if it is inside your network',
    };
  if (socketCode === 'ETIMEDOUT')
    return {
      code: 'timeout',
      problem: `The proxy ${proxy} did not answer in time`,
      fix: `Check ${WHERE_SET}; the proxy may be down or a firewall may be dropping the connection`,
    };
  if (socketCode !== undefined)
    return {
      code: 'offline',
      problem: `The proxy ${proxy} ${UNREACHABLE[socketCode] ?? `cannot be reached (${socketCode})`}`,
      fix: `Check ${WHERE_SET}, and that the proxy is running`,
    };
  return {
    code: 'protocol',
    problem: `The proxy ${proxy} ${failure.message}`,
    fix: `Check ${WHERE_SET}: it may not name an HTTP proxy`,
  };
}

export const proxyError = (failure: ProxyFailure, target: string): LicensingError => {
  const { code, problem, fix } = explainProxyFailure(failure, target);
  return new LicensingError(code, `${problem}. ${fix}.`);
};
