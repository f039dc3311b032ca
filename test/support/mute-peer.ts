import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback peer that accepts the TCP connection and then says nothing, ever: an HTTPS proxy
 * that never answers the TLS handshake, say. (A peer that never accepts: silent-address.ts.)
 */
export async function startMutePeer(): Promise<{ address: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
