import net from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * A loopback address that never accepts a connection: connecting just waits, as it does to a
 * proxy behind a firewall that drops packets. A listener with a backlog of one runs in a worker
 * whose thread then blocks, so nothing accepts; once the kernel's queue holds the connections it
 * can take, it drops further SYNs (Linux) and each new connect stays pending.
 */
export interface SilentAddress {
  /** host:port */
  readonly address: string;
  close(): Promise<void>;
}

const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const server = require('node:net').createServer();
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  setImmediate(() => Atomics.wait(new Int32Array(workerData), 0, 0));
});`;

/** Whether a connection to `port` opens within `ms`; the socket is kept to hold its queue place. */
function connectsWithin(port: number, ms: number, held: net.Socket[]): Promise<boolean> {
  const socket = net.connect(port, '127.0.0.1');
  held.push(socket);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startSilentAddress(): Promise<SilentAddress> {
  const wake = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: wake });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const held: net.Socket[] = [];
  const close = async (): Promise<void> => {
    for (const socket of held) socket.destroy();
    Atomics.store(new Int32Array(wake), 0, 1);
    Atomics.notify(new Int32Array(wake), 0);
    await worker.terminate();
  };
  // Fill the queue until a connection waits: then every later one waits too.
  for (let attempt = 0; attempt < 8; attempt++) {
    if (!(await connectsWithin(port, 300, held))) return { address: `127.0.0.1:${port}`, close };
  }
  await close();
  throw new Error('this system accepts every connection: no silent address can be made here');
}
