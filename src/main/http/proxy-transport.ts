import http from 'node:http';
import https from 'node:https';
import type { AxiosProxyConfig } from 'axios';
import { LicensingError } from '../licensing/licensing-error';
import { SocksHttpAgent, TunnelAgent } from '../net/proxy-agents';
import { ProxyFailure } from '../net/proxy-dialogue';
import { isProxyConnectFailure, proxyError } from '../net/proxy-errors';
import {
  DIRECT,
  proxyAddress,
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
  /** How long connecting through a proxy may take. */
  readonly tunnelTimeoutMs: number;
  /** The clock that times how long an unreachable proxy is passed over. */
  readonly now?: () => number;
}

/** How long a proxy that could not be reached goes to the back of the list (Chromium's 5 min). */
export const UNREACHABLE_PROXY_RETRY_MS = 5 * 60_000;

/** Socket errors that prove the connection to a forwarding proxy never opened. */
const NEVER_CONNECTED = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

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

const keyOf = (route: ProxyServerRoute): string =>
  `${route.kind}${route.kind === 'socks' ? route.version : ''}://${proxyAddress(route)}`;

/** The ProxyFailure somewhere in an error's cause chain (axios wraps the agent's error). */
function proxyFailureIn(error: unknown): ProxyFailure | undefined {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    if (cause instanceof ProxyFailure) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The proxy's own failure behind a request's error, if it is one: a refused tunnel or SOCKS
 * handshake, or (forwarded plain http, where every socket went to the proxy) a socket error.
 * Through a tunnel, a socket error after the proxy said yes is the server's.
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

export function createTransports(options: TransportOptions) {
  const now = options.now ?? Date.now;
  // Heartbeats go to the same host every few minutes: reuse connections (and TLS sessions).
  const tls = options.ca ? { ca: [...options.ca] } : {};
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, ...tls });
  const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
  const agentsFor = (route: ProxyServerRoute) => {
    const key = `${keyOf(route)}#${route.auth ?? ''}`;
    let found = agents.get(key);
    if (!found) {
      const tunnelled = new TunnelAgent(route, options.tunnelTimeoutMs, {
        keepAlive: true,
        ...tls,
      });
      found = {
        // Plain http is forwarded by an HTTP proxy (axios's `proxy`), or sent through SOCKS.
        http:
          route.kind === 'socks'
            ? new SocksHttpAgent(route, options.tunnelTimeoutMs, { keepAlive: true })
            : httpAgent,
        https: tunnelled,
      };
      agents.set(key, found);
    }
    return found;
  };
  /** Proxies that could not be reached, and until when they go last. */
  const passedOver = new Map<string, number>();
  const isPassedOver = (route: ProxyRoute): boolean =>
    route.kind !== 'direct' && (passedOver.get(keyOf(route)) ?? 0) > now();

  const transportFor = (url: URL, route: ProxyRoute): RequestTransport => {
    if (route.kind === 'direct') return { route, httpAgent, httpsAgent, proxy: false };
    const through = agentsFor(route);
    if (url.protocol === 'https:' || route.kind === 'socks')
      return { route, httpAgent: through.http, httpsAgent: through.https, proxy: false };
    // Plain http is forwarded with an absolute URI (proxies allow CONNECT to 443 only).
    return { route, httpAgent, httpsAgent, proxy: forwardProxy(route) };
  };

  return {
    /**
     * The transports to try for `url`, in order: the resolver's routes, with proxies that could
     * not be reached lately moved to the back (still tried, in case they are back).
     */
    async forUrl(url: URL): Promise<readonly RequestTransport[]> {
      // A caller's own agent must see every connection: a proxy would tunnel around its checks.
      const routes = options.httpsAgent ? [DIRECT] : await options.resolveProxy(url);
      const ordered = [
        ...routes.filter((route) => !isPassedOver(route)),
        ...routes.filter(isPassedOver),
      ];
      return ordered.map((route) => transportFor(url, route));
    },

    /**
     * Whether a request's failure means its proxy could not be reached, so nothing was sent and
     * the next route may be tried; such a proxy is passed over for a while.
     */
    proxyUnreachable(transport: RequestTransport, error: unknown, code: string): boolean {
      const failure = failureOfProxy(transport, error, code);
      const forwarded = transport.proxy !== false;
      const unreachable =
        failure !== undefined &&
        (forwarded ? NEVER_CONNECTED.includes(failure.socketCode ?? '') : failure.unreachable);
      if (unreachable && transport.route.kind !== 'direct')
        passedOver.set(keyOf(transport.route), now() + UNREACHABLE_PROXY_RETRY_MS);
      return unreachable;
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
  status: number,
  host: string,
): LicensingError | undefined {
  if (route.kind !== 'http' || proxy === false || status !== 407) return undefined;
  return proxyError(
    new ProxyFailure(proxyAddress(route), { status, message: 'asks for credentials' }),
    host,
  );
}
