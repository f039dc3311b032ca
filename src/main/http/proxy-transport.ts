import http from 'node:http';
import https from 'node:https';
import type { AxiosProxyConfig } from 'axios';
import { LicensingError } from '../licensing/licensing-error';
import { ProxyFailure, TunnelAgent } from '../net/connect-tunnel';
import { isProxyConnectFailure, proxyError } from '../net/proxy-errors';
import {
  DIRECT,
  proxyAddress,
  type HttpProxyRoute,
  type ProxyResolver,
  type ProxyRoute,
} from '../net/proxy-route';

/**
 * Which agents (and axios proxy setting) one request uses, from the route its proxy resolver
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

export function createTransports(options: TransportOptions) {
  // Heartbeats go to the same host every few minutes: reuse connections (and TLS sessions).
  const tls = options.ca ? { ca: [...options.ca] } : {};
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, ...tls });
  const tunnels = new Map<string, TunnelAgent>();
  const tunnelFor = (route: HttpProxyRoute): TunnelAgent => {
    const key = `${proxyAddress(route)}#${route.auth ?? ''}`;
    let agent = tunnels.get(key);
    if (!agent) {
      agent = new TunnelAgent(route, {
        keepAlive: true,
        tunnelTimeoutMs: options.tunnelTimeoutMs,
        ...tls,
      });
      tunnels.set(key, agent);
    }
    return agent;
  };

  return {
    async forUrl(url: URL): Promise<RequestTransport> {
      // A caller's own agent must see every connection: a proxy would tunnel around its checks.
      const route = options.httpsAgent ? DIRECT : await options.resolveProxy(url);
      if (route.kind === 'direct') return { route, httpAgent, httpsAgent, proxy: false };
      if (url.protocol === 'https:')
        return { route, httpAgent, httpsAgent: tunnelFor(route), proxy: false };
      // Plain http is forwarded with an absolute URI (proxies allow CONNECT to 443 only).
      return { route, httpAgent, httpsAgent, proxy: forwardProxy(route) };
    },
  };
}

/** The ProxyFailure somewhere in an error's cause chain (axios wraps the agent's error). */
function proxyFailureIn(error: unknown): ProxyFailure | undefined {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    if (cause instanceof ProxyFailure) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
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
  const { route } = transport;
  if (route.kind === 'direct') return undefined;
  const failure = proxyFailureIn(error);
  if (failure) return proxyError(failure, host);
  // Forwarded plain http: every socket this request opened went to the proxy. (Through a tunnel,
  // a socket error after CONNECT succeeded is the server's, and stays the generic wording.)
  if (transport.proxy !== false && isProxyConnectFailure(code))
    return proxyError(
      new ProxyFailure(proxyAddress(route), { socketCode: code, message: code }),
      host,
    );
  return undefined;
}

/** A forwarding proxy's 407 comes back as the response: it is the proxy's, not the server's. */
export function proxyStatusError(
  route: ProxyRoute,
  status: number,
  host: string,
): LicensingError | undefined {
  if (route.kind === 'direct' || status !== 407) return undefined;
  return proxyError(
    new ProxyFailure(proxyAddress(route), { status, message: 'asks for credentials' }),
    host,
  );
}
