/**
 * How a request reaches its server: straight, or through an HTTP proxy (CONNECT for https, an
 * absolute-URI request for plain http). Who decides differs by host: the CLI and the browser host
 * read HTTPS_PROXY / HTTP_PROXY / NO_PROXY, the Electron app asks Chromium's proxy resolver (system
 * settings, PAC, WPAD). Both end in a ProxyRoute, so the HTTP client and the connection test
 * need not know which.
 */
export type ProxyRoute =
  | { readonly kind: 'direct' }
  | {
      readonly kind: 'http';
      readonly host: string;
      readonly port: number;
      /** `user:password` (decoded) for Proxy-Authorization; never shown, never logged. */
      readonly auth?: string;
    };

export type HttpProxyRoute = Extract<ProxyRoute, { kind: 'http' }>;

/** Decides the route for one request URL. May reject with a `config` LicensingError. */
export type ProxyResolver = (url: URL) => Promise<ProxyRoute>;

export const DIRECT: ProxyRoute = { kind: 'direct' };

export const directResolver: ProxyResolver = async () => DIRECT;

/** `host:port` of a proxy for messages: never its credentials. IPv6 literals in brackets. */
export const proxyAddress = (route: HttpProxyRoute): string =>
  `${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port}`;

/** The port a URL connects to, explicit or the scheme's default. */
export const portOf = (url: URL): number =>
  url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;

/** The host name as sockets want it: URL keeps IPv6 literals in brackets. */
export const socketHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');
