import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { guarded, type Handler } from './http-util';

export interface ListeningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43121 */
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}

/** A certificate and its key, PEM: the server speaks https (hubs with self-signed certificates). */
export interface TlsMaterial {
  readonly certPem: string;
  readonly keyPem: string;
}

/** Formats a bind host for a URL: wildcard binds are reached through loopback, IPv6 needs brackets. */
export function urlHostFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

const peerOf = (socket: Socket): string =>
  `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;

/**
 * Node's resetAndDestroy() throws on a TLS socket (its handle is a TLSWrap, not TCP), so the
 * `reset` fault and a hub that is 'down' would answer a 500 instead of vanishing. Each TLS socket
 * gets a resetAndDestroy() that resets the TCP socket under it: ECONNRESET over https as over http.
 */
function resetThroughTls(server: Server): void {
  const tcpByPeer = new Map<string, Socket>();
  server.on('connection', (socket: Socket) => {
    const peer = peerOf(socket);
    tcpByPeer.set(peer, socket);
    socket.once('close', () => {
      if (tcpByPeer.get(peer) === socket) tcpByPeer.delete(peer);
    });
  });
  server.on('secureConnection', (secure: TLSSocket) => {
    const tcp = tcpByPeer.get(peerOf(secure));
    if (!tcp) return;
    Object.defineProperty(secure, 'resetAndDestroy', {
      configurable: true,
      value: () => {
        tcp.resetAndDestroy();
        return secure.destroy();
      },
    });
  });
}

export async function listen(
  handler: Handler,
  host: string,
  port: number,
  tls?: TlsMaterial,
): Promise<ListeningServer> {
  // server.close() alone waits for keep-alive and deliberately hung sockets; we track them so
  // close() is bounded even while a `hang` fault holds a request open.
  const sockets = new Set<Socket>();
  const safe = guarded(handler);
  const onRequest: RequestListener = (req, res) => void safe(req, res);
  const server = tls
    ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, onRequest)
    : createHttpServer(onRequest);
  if (tls) resetThroughTls(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHostFor(host)}:${bound}`,
    port: bound,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
