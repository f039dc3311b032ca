import http from 'node:http';
import https from 'node:https';
import type { AxiosProxyConfig } from 'axios';
import { LicensingError } from '../licensing/licensing-error';
import {
  ForwardingAgent,
  SocksHttpAgent,
  TunnelAgent,
  type ProxySettings,
} from '../net/proxy-agents';
import { trusting } from '../net/ca-bundle';
import { withConnectBudget } from '../net/connect-budget';
import { PROXY_CONNECT_MS } from '../net/proxy-connection';
import { ProxyFailure, signInSchemes } from '../net/proxy-dialogue';
import { isProxyConnectFailure, proxyError } from '../net/proxy-errors';
import { unreachableProxies, type UnreachableProxies } from '../net/unreachable-proxies';
import {
  DIRECT,
  proxyAddress,
  routeKey,
  type HttpProxyRoute,
  type ProxyResolver,
  type ProxyRoute,
  type ProxyServerRoute,
} from '../net/proxy-route';

/**
 * Which agents (and axios proxy setting) one request uses, from the routes its proxy resolver
 * chose. axios never reads the proxy environment itself (`proxy: false`, except the plain-http
 * forward case where we hand it the proxy): one resolver decides for the app, the CLI and the
 * connection test alike.
 */
export interface RequestTransport {
  readonly route: ProxyRoute;
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  readonly proxy: AxiosProxyConfig | false;
}

export interface TransportOptions {
  readonly resolveProxy: ProxyResolver;
  /** Trusted CA certificates (PEM) replacing Node's defaults; absent: Node's defaults. */
  readonly ca?: readonly string[];
  /** A caller's own https agent (a hub's pinned certificate): then every request goes direct. */
  readonly httpsAgent?: https.Agent;
  /** How long a proxy may take to accept a connection, and to open the way through. */
  readonly proxyTimeouts: Omit<ProxySettings, 'ca'>;
  /** Proxies that could not be reached lately (shared with the connection test); default: own. */
  readonly unreachableProxies?: UnreachableProxies;
}

const forwardProxy = (route: HttpProxyRoute): AxiosProxyConfig => {
  const separator = route.auth?.indexOf(':') ?? -1;
  return {
    protocol: 'http',
    host: route.host,
    port: route.port,
    ...(route.auth
      ? {
          auth: {
            username: route.auth.slice(0, Math.max(0, separator)),
            password: route.auth.slice(separator + 1),
          },
        }
      : {}),
  };
};

/** The first error in an error's cause chain (axios wraps the agent's or socket's) that matches. */
function causeWhere<T>(error: unknown, matches: (cause: unknown) => cause is T): T | undefined {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    if (matches(cause)) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

const proxyFailureIn = (error: unknown): ProxyFailure | undefined =>
  causeWhere(error, (cause): cause is ProxyFailure => cause instanceof ProxyFailure);

/** A failure of the lookup or the connect call (Node names the system call that failed). */
function isConnectFailure(cause: unknown): boolean {
  // A name with several addresses is tried address by address (happy eyeballs): Node reports
  // one AggregateError holding each address's failure, with no system call of its own.
  if (cause instanceof AggregateError)
    return cause.errors.length > 0 && cause.errors.every(isConnectFailure);
  const { syscall } = cause as { syscall?: unknown };
  return syscall === 'connect' || syscall === 'getaddrinfo';
}

/**
 * Whether going straight to the server failed before the connection was open: its name not
 * found, refused, no route, or not accepted in time (the connect budget, connect-budget.ts, fails
 * as the connect call does). Nothing was sent.
 */
export const neverConnected = (error: unknown): boolean =>
  causeWhere(error, (cause): cause is Error => isConnectFailure(cause)) !== undefined;

/**
 * The proxy's own failure behind a request's error, if it is one: a refused tunnel or SOCKS
 * handshake, a proxy that never accepted the connection, or (forwarded plain http, where every
 * socket went to the proxy) a socket error. Through a tunnel, a socket error after the proxy said
 * yes is the server's.
 */
function failureOfProxy(
  transport: RequestTransport,
  error: unknown,
  code: string,
): ProxyFailure | undefined {
  const { route } = transport;
  if (route.kind === 'direct') return undefined;
  const failure = proxyFailureIn(error);
  if (failure) return failure;
  if (transport.proxy !== false && isProxyConnectFailure(code))
    return new ProxyFailure(proxyAddress(route), { socketCode: code, message: code });
  return undefined;
}

/**
 * Whether nothing of the request can have left this computer because its proxy was never reached:
 * only a failure to open the connection to the proxy (or through it) says so. A socket error after
 * that, a reset say, may come after a forwarded request went out.
 */
const neverReachedProxy = (error: unknown): boolean => proxyFailureIn(error)?.unreachable ?? false;

export function createTransports(options: TransportOptions) {
  const unreachable = options.unreachableProxies ?? unreachableProxies();
  // Heartbeats go to the same host every few minutes: reuse connections (and TLS sessions).
  const tls = trusting(options.ca);
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, ...tls });
  // An HTTPS proxy's certificate is checked against the same CAs as the servers'.
  const proxySettings: ProxySettings = { ...options.proxyTimeouts, ca: options.ca };
  const connectBudget = options.proxyTimeouts.connectTimeoutMs ?? PROXY_CONNECT_MS;
  const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
  const agentsFor = (route: ProxyServerRoute) => {
    const key = `${routeKey(route)}#${route.auth ?? ''}`;
    let found = agents.get(key);
    if (!found) {
      found = {
        // Plain http is forwarded by an HTTP proxy (axios's `proxy`), or sent through SOCKS.
        http:
          route.kind === 'socks'
            ? new SocksHttpAgent(route, proxySettings, { keepAlive: true })
            : new ForwardingAgent(route, proxySettings, { keepAlive: true }),
        https: new TunnelAgent(route, proxySettings, { keepAlive: true, ...tls }),
      };
      agents.set(key, found);
    }
    return found;
  };
  // DIRECT with a route after it must connect within the budget, as a proxy must.
  let directWithBackup: { http: http.Agent; https: https.Agent } | undefined;
  const budgetedDirect = () =>
    (directWithBackup ??= {
      http: withConnectBudget(new http.Agent({ keepAlive: true }), connectBudget),
      https: withConnectBudget(new https.Agent({ keepAlive: true, ...tls }), connectBudget),
    });
  const transportFor = (url: URL, route: ProxyRoute, hasBackup: boolean): RequestTransport => {
    if (route.kind === 'direct') {
      if (!hasBackup) return { route, httpAgent, httpsAgent, proxy: false };
      const direct = budgetedDirect();
      return { route, httpAgent: direct.http, httpsAgent: direct.https, proxy: false };
    }
    const through = agentsFor(route);
    // Plain http to an HTTP proxy is forwarded with an absolute URI (proxies allow CONNECT to 443
    // only); everything else goes through the tunnel or SOCKS connection.
    const forwarded = url.protocol === 'http:' && route.kind === 'http';
    return {
      route,
      httpAgent: through.http,
      httpsAgent: through.https,
      proxy: forwarded ? forwardProxy(route) : false,
    };
  };

  return {
    /**
     * The transports to try for `url`, in order: the resolver's routes (or `only`), with proxies
     * that could not be reached lately moved to the back (still tried, in case they are back).
     */
    async forUrl(url: URL, only?: ProxyRoute): Promise<readonly RequestTransport[]> {
      // A caller's own agent must see every connection: a proxy would tunnel around its checks.
      const routes = options.httpsAgent
        ? [DIRECT]
        : only
          ? [only]
          : await options.resolveProxy(url);
      const ordered = unreachable.order(routes);
      return ordered.map((route, index) => transportFor(url, route, index < ordered.length - 1));
    },

    /**
     * Whether a request's failure means its route's first hop could not be reached (the proxy,
     * or the server itself for DIRECT), so nothing was sent and the next route may be tried, as
     * Chromium does. Such a proxy is passed over for a while; DIRECT never is.
     */
    routeUnreachable(transport: RequestTransport, error: unknown): boolean {
      if (transport.route.kind === 'direct') return neverConnected(error);
      const neverReached = neverReachedProxy(error);
      if (neverReached) unreachable.passOver(transport.route);
      return neverReached;
    },
  };
}

/**
 * A failure on the way through a proxy, as a LicensingError naming the proxy; undefined when the
 * error is not the proxy's doing. `code` is the socket error code axios reported.
 */
export function proxyErrorFor(
  transport: RequestTransport,
  error: unknown,
  code: string,
  host: string,
): LicensingError | undefined {
  const failure = failureOfProxy(transport, error, code);
  return failure ? proxyError(failure, host) : undefined;
}

/**
 * A forwarding proxy's 407 comes back as the response: it is the proxy's, not the server's.
 * (Through a tunnel or SOCKS, the proxy's refusal is a ProxyFailure and a 407 is the server's.)
 */
export function proxyStatusError(
  { route, proxy }: RequestTransport,
  response: { readonly status: number; readonly headers: Readonly<Record<string, string>> },
  host: string,
): LicensingError | undefined {
  if (route.kind !== 'http' || proxy === false || response.status !== 407) return undefined;
  const challenge = response.headers['proxy-authenticate'];
  return proxyError(
    new ProxyFailure(proxyAddress(route), {
      status: 407,
      schemes: signInSchemes(challenge === undefined ? [] : [challenge]),
      message: 'asks for credentials',
    }),
    host,
  );
}
