import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { proxyAddress, type HttpProxyRoute } from './proxy-route';

/**
 * https through an HTTP proxy, done here rather than by axios. axios 1.21 does tunnel https with
 * CONNECT (https-proxy-agent 5), but when the proxy says no (403 to a blocked host, 407 for
 * credentials) it replays the proxy's answer as if the licensing server had sent it: a Babel
 * adapter would read a proxy's 403 as "licence revoked". Here a refused CONNECT is an error that
 * names the proxy, and the tunnelled TLS connection is pooled (keep-alive) like a direct one.
 */

/** What went wrong on the way through a proxy, before the server itself was reached. */
export class ProxyFailure extends Error {
  readonly proxy: string;
  /** The proxy's HTTP status when it answered the CONNECT with anything but 200. */
  readonly status?: number;
  /** The socket error code when the proxy could not be reached or hung up. */
  readonly socketCode?: string;

  constructor(proxy: string, detail: { status?: number; socketCode?: string; message: string }) {
    super(detail.message);
    this.name = 'ProxyFailure';
    this.proxy = proxy;
    this.status = detail.status;
    this.socketCode = detail.socketCode;
  }
}

/** What a tunnel says of a proxy that answered CONNECT in something else than HTTP. */
export const NOT_HTTP = 'answered CONNECT with something that is not HTTP';

/** A proxy answer head bigger than this is not an HTTP proxy speaking. */
const MAX_HEAD_BYTES = 16 * 1024;

const hostPort = (host: string, port: number): string =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`;

function connectRequest(route: HttpProxyRoute, target: string): string {
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
  if (route.auth)
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(route.auth).toString('base64')}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export interface TunnelOptions {
  /** Connecting to the proxy plus its answer to CONNECT must take no longer than this. */
  readonly timeoutMs: number;
  /** An already connected socket to the proxy (the connection test times that step itself). */
  readonly socket?: net.Socket;
}

/**
 * Asks the proxy for a raw TCP tunnel to host:port. Resolves with the socket once the proxy says
 * 200; rejects with a ProxyFailure otherwise. Credentials go in Proxy-Authorization only.
 */
export function openTunnel(
  route: HttpProxyRoute,
  host: string,
  port: number,
  options: TunnelOptions,
): Promise<net.Socket> {
  const proxy = proxyAddress(route);
  const target = hostPort(host, port);
  return new Promise((resolve, reject) => {
    const socket = options.socket ?? net.connect({ host: route.host, port: route.port });
    let head = Buffer.alloc(0);
    const finish = (error?: ProxyFailure): void => {
      socket.off('data', onData).off('error', onError).off('close', onClose);
      socket.off('timeout', onTimeout).setTimeout(0);
      if (!error) return;
      socket.destroy();
      reject(error);
    };
    const onError = (error: NodeJS.ErrnoException): void =>
      finish(
        new ProxyFailure(proxy, { socketCode: error.code ?? 'ECONNRESET', message: error.message }),
      );
    const onClose = (): void =>
      finish(
        new ProxyFailure(proxy, { socketCode: 'ECONNRESET', message: 'closed before answering' }),
      );
    const onTimeout = (): void =>
      finish(new ProxyFailure(proxy, { socketCode: 'ETIMEDOUT', message: 'no answer in time' }));
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) finish(new ProxyFailure(proxy, { message: NOT_HTTP }));
        return;
      }
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})\b/.exec(statusLine)?.[1] ?? NaN);
      if (status !== 200) {
        const message = Number.isNaN(status)
          ? NOT_HTTP
          : `answered CONNECT with ${statusLine.slice(9)}`;
        finish(new ProxyFailure(proxy, Number.isNaN(status) ? { message } : { status, message }));
        return;
      }
      finish();
      // Bytes after the proxy's head already belong to the tunnel.
      const rest = head.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData).on('error', onError).on('close', onClose);
    socket.setTimeout(options.timeoutMs).on('timeout', onTimeout);
    socket.write(connectRequest(route, target));
  });
}

/**
 * An https agent whose connections are TLS over a CONNECT tunnel through one proxy. Everything
 * else (trusted CAs, keep-alive pooling, TLS session reuse, server name checks) is https.Agent's:
 * only the socket under the TLS layer changes.
 */
export class TunnelAgent extends https.Agent {
  private readonly route: HttpProxyRoute;
  private readonly tunnelTimeoutMs: number;

  constructor(route: HttpProxyRoute, options: https.AgentOptions & { tunnelTimeoutMs: number }) {
    const { tunnelTimeoutMs, ...agentOptions } = options;
    super(agentOptions);
    this.route = route;
    this.tunnelTimeoutMs = tunnelTimeoutMs;
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    // Node's agent reads only the error when there is one; there is no stream to hand back.
    const fail = callback as ((err: Error) => void) | undefined;
    const host = options.host ?? options.hostname ?? 'localhost';
    const port = Number(options.port ?? 443);
    openTunnel(this.route, host, port, { timeoutMs: this.tunnelTimeoutMs }).then(
      (socket) => {
        const secure = super.createConnection({ ...options, socket } as https.RequestOptions);
        if (secure) callback?.(null, secure);
      },
      (error: Error) => fail?.(error),
    );
    return undefined;
  }
}
