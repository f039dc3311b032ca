import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A real SOCKS proxy on loopback, SOCKS5 (RFC 1928, user name and password per RFC 1929) and
 * SOCKS4a on the same port, as a company network may have one. It connects to the target the
 * client names and relays bytes both ways (never looking inside). It can demand credentials or
 * refuse every target with a reply code. `seen` records each target asked for, so a test can prove
 * a request went through it, and that the name (not a local lookup) was sent.
 */
export interface SocksProxy {
  /** e.g. socks5://127.0.0.1:40123 (what HTTPS_PROXY would say) */
  readonly url: string;
  /** `host:port`, as error messages name the proxy. */
  readonly address: string;
  /** `SOCKS5 host:port` or `SOCKS4 host:port` for each CONNECT asked. */
  readonly seen: readonly string[];
  close(): Promise<void>;
}

export interface SocksProxyOptions {
  /** `user:password` SOCKS5 clients must give (method 2); without it, no authentication. */
  readonly credentials?: string;
  /** Answer every CONNECT with this SOCKS5 reply code (2 = not allowed; SOCKS4 gets 91). */
  readonly refuseWith?: number;
}

/** Reads exact byte counts from a socket as they arrive; rejects when it closes first. */
function byteReader(socket: net.Socket) {
  let buffer = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let closed = false;
  const onData = (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake?.();
  };
  socket.on('data', onData);
  socket.once('close', () => {
    closed = true;
    wake?.();
  });
  const read = async (length: number): Promise<Buffer> => {
    while (buffer.length < length) {
      if (closed) throw new Error('client went away');
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const bytes = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    return bytes;
  };
  const readUntilZero = async (): Promise<string> => {
    let text = '';
    for (let byte = await read(1); byte[0] !== 0; byte = await read(1)) text += byte.toString();
    return text;
  };
  /** Stops reading and hands back what arrived beyond the handshake. */
  const release = (): Buffer => {
    socket.off('data', onData);
    return buffer;
  };
  return { read, readUntilZero, release };
}

const connectTo = (host: string, port: number): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const upstream = net.connect(port, host, () => resolve(upstream));
    upstream.once('error', reject);
  });

function relay(client: net.Socket, upstream: net.Socket, early: Buffer): void {
  if (early.length > 0) upstream.write(early);
  upstream.pipe(client);
  client.pipe(upstream);
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
}

export async function startSocksProxy(options: SocksProxyOptions = {}): Promise<SocksProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();

  async function socks5(client: net.Socket, bytes: ReturnType<typeof byteReader>): Promise<void> {
    const [count = 0] = await bytes.read(1);
    const methods = [...(await bytes.read(count))];
    const wanted = options.credentials === undefined ? 0x00 : 0x02;
    if (!methods.includes(wanted)) return void client.end(Buffer.from([0x05, 0xff]));
    client.write(Buffer.from([0x05, wanted]));
    if (wanted === 0x02) {
      const [, userLength = 0] = await bytes.read(2);
      const user = (await bytes.read(userLength)).toString();
      const [passwordLength = 0] = await bytes.read(1);
      const password = (await bytes.read(passwordLength)).toString();
      const ok = `${user}:${password}` === options.credentials;
      client.write(Buffer.from([0x01, ok ? 0x00 : 0x01]));
      if (!ok) return void client.end();
    }
    const [, , , type] = await bytes.read(4);
    let host: string;
    if (type === 0x01) host = [...(await bytes.read(4))].join('.');
    else if (type === 0x03) host = (await bytes.read((await bytes.read(1))[0] ?? 0)).toString();
    else {
      const raw = await bytes.read(16);
      host = Array.from({ length: 8 }, (_, i) => raw.readUInt16BE(i * 2).toString(16)).join(':');
    }
    const port = (await bytes.read(2)).readUInt16BE();
    seen.push(`SOCKS5 ${host}:${port}`);
    const reply = (code: number) => Buffer.from([0x05, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]);
    if (options.refuseWith !== undefined) return void client.end(reply(options.refuseWith));
    const upstream = await connectTo(host, port).catch(() => undefined);
    if (!upstream) return void client.end(reply(0x05));
    client.write(reply(0x00));
    relay(client, upstream, bytes.release());
  }

  async function socks4(client: net.Socket, bytes: ReturnType<typeof byteReader>): Promise<void> {
    const head = await bytes.read(7);
    const port = head.readUInt16BE(1);
    const address = [...head.subarray(3, 7)];
    await bytes.readUntilZero(); // the user id
    const asksByName = address[0] === 0 && address[1] === 0 && address[2] === 0;
    const host = asksByName ? await bytes.readUntilZero() : address.join('.');
    seen.push(`SOCKS4 ${host}:${port}`);
    const reply = (code: number) => Buffer.from([0x00, code, 0, 0, 0, 0, 0, 0]);
    if (options.refuseWith !== undefined) return void client.end(reply(91));
    const upstream = await connectTo(host, port).catch(() => undefined);
    if (!upstream) return void client.end(reply(91));
    client.write(reply(90));
    relay(client, upstream, bytes.release());
  }

  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const bytes = byteReader(client);
    void bytes
      .read(1)
      .then(([version]) => (version === 0x05 ? socks5(client, bytes) : socks4(client, bytes)))
      .catch(() => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `socks5://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
