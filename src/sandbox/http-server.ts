import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { guarded, type Handler } from './http-util';

export interface ListeningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43121 */
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}

/** Formats a bind host for a URL: wildcard binds are reached through loopback, IPv6 needs brackets. */
export function urlHostFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function listen(
  handler: Handler,
  host: string,
  port: number,
): Promise<ListeningServer> {
  // server.close() alone waits for keep-alive and deliberately hung sockets; we track them so
  // close() is bounded even while a `hang` fault holds a request open.
  const sockets = new Set<Socket>();
  const safe = guarded(handler);
  const server = createServer((req, res) => void safe(req, res));
  server.on('connection', (socket) => {
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
    url: `http://${urlHostFor(host)}:${bound}`,
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
