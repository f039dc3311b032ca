import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { trustedCertificates, trusting } from '../src/main/net/ca-bundle';
import { median, time, type Row } from './measure';

const CONNECTIONS = 40;

/**
 * A new TLS connection's cost when the app trusts a CA list (a caFile, this computer's store):
 * Node's roots plus a few hundred certificates, given once as a shared secure context (what the
 * app does) or as `ca` on each connection (which parses the whole list every time).
 */
export async function benchTlsTrust(): Promise<Row[]> {
  const dir = join(process.cwd(), 'test', 'fixtures', 'mobiusflow-tls');
  const [cert, key] = [
    readFileSync(join(dir, 'hub-a.pem'), 'utf8'),
    readFileSync(join(dir, 'hub-a.key'), 'utf8'),
  ];
  // What the app trusts with a one-certificate caFile: Node's default CAs, and that one.
  const list = trustedCertificates([cert]);
  const server = tls.createServer({ cert, key }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handshake = (options: tls.ConnectionOptions) => () =>
    new Promise<void>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ...options }, () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
  const measure = async (options: tls.ConnectionOptions): Promise<number> => {
    const runs: number[] = [];
    for (let n = 0; n < CONNECTIONS; n++) runs.push(await time(handshake(options)));
    return median(runs);
  };
  try {
    await measure(trusting(list)); // warm-up, not measured
    const reference = `${list.length} trusted CAs, a new connection on loopback`;
    return [
      {
        figure: 'TLS connection, shared trust (the app)',
        value: await measure(trusting(list)),
        unit: 'ms',
        reference,
      },
      {
        figure: 'TLS connection, CA list per connection',
        value: await measure({ ca: [...list] }),
        unit: 'ms',
        reference: `${reference}: what the shared trust saves, per hub`,
      },
    ];
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
