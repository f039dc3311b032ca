/**
 * How a request reaches its server: straight, through an HTTP proxy (CONNECT for https, an
 * absolute-URI request for plain http), or through a SOCKS proxy (a raw TCP connection for both).
 * Who decides differs by host: the CLI and the browser host read HTTPS_PROXY / HTTP_PROXY /
 * ALL_PROXY / NO_PROXY, the Electron app asks Chromium's proxy resolver (system settings, PAC,
 * WPAD). Both end in routes to try in order, so the HTTP client and the connection test need not
 * know which.
 */
export type ProxyRoute =
  | { readonly kind: 'direct' }
  | {
      readonly kind: 'http';
      readonly host: string;
      readonly port: number;
      /** An HTTPS proxy: TLS to the proxy itself, whatever the request inside it. */
      readonly secure?: boolean;
      /** `user:password` (decoded) for Proxy-Authorization; never shown, never logged. */
      readonly auth?: string;
    }
  | {
      readonly kind: 'socks';
      /** 5, or 4 (sent as SOCKS4a, so the proxy resolves the server's name). */
      readonly version: 4 | 5;
      readonly host: string;
      readonly port: number;
      /** `user:password` (decoded): SOCKS5's user name and password, SOCKS4's user id. */
      readonly auth?: string;
    };

export type HttpProxyRoute = Extract<ProxyRoute, { kind: 'http' }>;
export type SocksProxyRoute = Extract<ProxyRoute, { kind: 'socks' }>;
export type ProxyServerRoute = HttpProxyRoute | SocksProxyRoute;

/**
 * The routes for one request, to be tried in order: a PAC answer can name a backup proxy, or
 * DIRECT after the proxy. Never empty.
 */
export type ProxyRoutes = readonly [ProxyRoute, ...ProxyRoute[]];

/** Decides the routes for one request URL. May reject with a `config` LicensingError. */
export type ProxyResolver = (url: URL) => Promise<ProxyRoutes>;

export const DIRECT: ProxyRoute = { kind: 'direct' };

/** `host:port` of a proxy for messages: never its credentials. IPv6 literals in brackets. */
export const proxyAddress = (route: ProxyServerRoute): string =>
  `${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port}`;

/** A route's identity without credentials: `http://host:port`, `https://…`, `socks5://…`, `direct`. */
export function routeKey(route: ProxyRoute): string {
  if (route.kind === 'direct') return 'direct';
  const scheme = route.kind === 'socks' ? `socks${route.version}` : route.secure ? 'https' : 'http';
  return `${scheme}://${proxyAddress(route)}`;
}

/** The port a URL connects to, explicit or the scheme's default. */
export const portOf = (url: URL): number =>
  url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;

/** The host name as sockets want it: URL keeps IPv6 literals in brackets. */
export const socketHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');
