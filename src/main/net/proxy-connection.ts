import net from 'node:net';
import tls from 'node:tls';
import { trusting } from './ca-bundle';
import { ProxyFailure } from './proxy-dialogue';
import { proxyAddress, type ProxyServerRoute } from './proxy-route';
import { isTlsFailure } from './tls-failure';

/**
 * How long a proxy may take to accept the TCP connection (and, for an HTTPS proxy, to finish the
 * TLS handshake). A proxy on the network accepts within milliseconds; 5 s still covers two lost
 * SYNs (resent after 1 s and 3 s). A proxy that drops packets, or accepts and then says nothing,
 * would otherwise hold the request until its whole deadline, leaving the next route in a PAC
 * answer no time at all.
 */
export const PROXY_CONNECT_MS = 5_000;

export interface ProxyConnectOptions {
  /** Connecting to the proxy plus its answer must take no longer than this. */
  readonly timeoutMs: number;
  /** How long the proxy may take to accept the connection (TLS included); default PROXY_CONNECT_MS. */
  readonly connectTimeoutMs?: number;
  /** Trusted CAs (PEM) for an HTTPS proxy's certificate; absent: Node's defaults. */
  readonly ca?: readonly string[];
  /** An already connected socket to the proxy (the connection test times that step itself). */
  readonly socket?: net.Socket;
}

const isHttpsProxy = (route: ProxyServerRoute): boolean => route.kind === 'http' && !!route.secure;

/**
 * A connection to the proxy itself, ready for the first byte of the talk with it: TCP, accepted
 * within the connect budget, and TLS on top for an HTTPS proxy (checked against `ca`, by name).
 * Rejects with a ProxyFailure naming the proxy; as nothing of the request has been sent yet, every
 * such failure lets the request go on to the next route.
 */
export function openProxyConnection(
  route: ProxyServerRoute,
  options: ProxyConnectOptions,
): Promise<net.Socket> {
  const proxy = proxyAddress(route);
  const tcp = options.socket ?? net.connect({ host: route.host, port: route.port });
  const socket = isHttpsProxy(route)
    ? tls.connect({
        socket: tcp,
        ...(net.isIP(route.host) ? {} : { servername: route.host }),
        ...trusting(options.ca),
        ALPNProtocols: ['http/1.1'],
      })
    : tcp;
  const budget = options.connectTimeoutMs ?? PROXY_CONNECT_MS;
  return new Promise<net.Socket>((resolve, reject) => {
    const fail = (failure: ProxyFailure): void => {
      clearTimeout(timer);
      socket.destroy();
      tcp.destroy();
      reject(failure);
    };
    // Cleared once the connection is ready: firing means the proxy is still not there.
    const timer = setTimeout(() => {
      const message = tcp.connecting
        ? `did not accept a connection within ${budget} ms`
        : `did not finish the TLS handshake within ${budget} ms`;
      fail(new ProxyFailure(proxy, { socketCode: 'ETIMEDOUT', message }));
    }, budget);
    const onError = (error: NodeJS.ErrnoException): void => {
      const code = error.code ?? 'ECONNRESET';
      fail(
        isTlsFailure(code)
          ? new ProxyFailure(proxy, { tlsCode: code, message: error.message })
          : new ProxyFailure(proxy, { socketCode: code, message: error.message }),
      );
    };
    socket.once('error', onError);
    const ready = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    };
    if (socket !== tcp) socket.once('secureConnect', ready);
    else if (tcp.connecting) tcp.once('connect', ready);
    else ready();
  });
}
