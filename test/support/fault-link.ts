import net from 'node:net';

/**
 * The network between a client and a sandbox, as a loopback TCP relay that a test can cut and
 * restore: cut = every open connection is reset (a request in flight fails with ECONNRESET) and
 * new ones are refused (ECONNREFUSED), exactly what a client sees when a cable is pulled or a VPN
 * drops; restore = the same address answers again. The sandbox behind it keeps its state, so a
 * seat the server dropped during the outage really is gone when the network returns.
 *
 * Bytes pass through untouched: this is a network element, not a mock of the HTTP layer.
 */
export interface FaultLink {
  /** Base URL clients use instead of the sandbox's, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly port: number;
  readonly isUp: boolean;
  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): Promise<void>;
  /** Accepts connections again on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function openFaultLink(target: string): Promise<FaultLink> {
  const { hostname, port: targetPort } = new URL(target);
  const pairs = new Set<readonly [net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), hostname);
    const pair = [client, upstream] as const;
    pairs.add(pair);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  let up = true;

  const cut = async (): Promise<void> => {
    if (!up) return;
    up = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const [client, upstream] of pairs) {
      // An RST towards the client (not a polite FIN), as when the path really breaks.
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
    await closed;
    // Let the client's side of those sockets see the reset before anyone sends again, so the
    // next request finds the port closed (refused) instead of writing into a dead keep-alive socket.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get isUp() {
      return up;
    },
    cut,
    async restore() {
      if (up) return;
      await listen(port);
      up = true;
    },
    close: cut,
  };
}
