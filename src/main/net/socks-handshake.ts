import net from 'node:net';
import { openProxyConnection, type ProxyConnectOptions } from './proxy-connection';
import { converse, ProxyFailure, type ProxyDialogue } from './proxy-dialogue';
import { proxyAddress, type SocksProxyRoute } from './proxy-route';

/**
 * A TCP connection to host:port through a SOCKS proxy: SOCKS5 (RFC 1928, with the user name and
 * password of RFC 1929 when the address carries them) or SOCKS4a. The server's name is sent to
 * the proxy, never resolved here (socks5h / socks4a behaviour): behind a SOCKS proxy this computer
 * often cannot resolve outside names, and a lookup here would tell the local DNS where we go.
 */

/** What a handshake says of a proxy that answered in something else than SOCKS. */
export const NOT_SOCKS = 'answered in something that is not SOCKS';

const exactly =
  (length: number) =>
  (received: Buffer): number | undefined =>
    received.length >= length ? length : undefined;

/** SOCKS5's address field: an IPv4 or IPv6 literal as bytes, or the name with its length. */
function socks5Address(host: string): Buffer {
  if (net.isIPv4(host)) return Buffer.from([0x01, ...host.split('.').map(Number)]);
  // An IPv6 literal with an IPv4 tail (::ffff:10.0.0.1) goes as a name: proxies parse those.
  if (net.isIPv6(host) && !host.includes('.'))
    return Buffer.concat([Buffer.from([0x04]), ipv6Bytes(host)]);
  const name = Buffer.from(host);
  return Buffer.concat([Buffer.from([0x03, name.length]), name]);
}

/** An IPv6 literal's 16 bytes, "::" filled with the zero groups it stands for. */
function ipv6Bytes(address: string): Buffer {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const zeros = tail === undefined ? 0 : 8 - groupsOf(head).length - groupsOf(tail).length;
  const groups = [...groupsOf(head), ...Array<string>(zeros).fill('0'), ...groupsOf(tail)];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

const portBytes = (port: number): Buffer => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(port);
  return bytes;
};

const credentialsOf = (route: SocksProxyRoute) => {
  if (route.auth === undefined) return undefined;
  const separator = route.auth.indexOf(':');
  return separator < 0
    ? { user: route.auth, password: '' }
    : { user: route.auth.slice(0, separator), password: route.auth.slice(separator + 1) };
};

async function socks5(
  dialogue: ProxyDialogue,
  route: SocksProxyRoute,
  proxy: string,
  host: string,
  port: number,
): Promise<void> {
  const credentials = credentialsOf(route);
  // Methods offered: "no authentication", and "user name and password" when we have them.
  dialogue.send(Buffer.from(credentials ? [0x05, 2, 0x00, 0x02] : [0x05, 1, 0x00]));
  const [version, method] = await dialogue.receive(exactly(2));
  if (version !== 0x05) throw new ProxyFailure(proxy, { message: NOT_SOCKS });
  if (method === 0x02 && credentials) {
    const user = Buffer.from(credentials.user);
    const password = Buffer.from(credentials.password);
    dialogue.send(
      Buffer.concat([
        Buffer.from([0x01, user.length]),
        user,
        Buffer.from([password.length]),
        password,
      ]),
    );
    const [, status] = await dialogue.receive(exactly(2));
    if (status !== 0x00)
      throw new ProxyFailure(proxy, { socks: 'credentials', message: 'refused the credentials' });
  } else if (method !== 0x00) {
    throw new ProxyFailure(proxy, { socks: 'credentials', message: 'asks for credentials' });
  }
  dialogue.send(
    Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), socks5Address(host), portBytes(port)]),
  );
  const reply = await dialogue.receive((received) => {
    if (received.length < 5) return undefined;
    if (received[0] !== 0x05) throw new ProxyFailure(proxy, { message: NOT_SOCKS });
    // VER REP RSV ATYP, the bound address (IPv4, IPv6, or a name with its length), the port.
    const addressLength = { 1: 4, 4: 16, 3: 1 + (received[4] ?? 0) }[received[3] ?? 0];
    if (addressLength === undefined) throw new ProxyFailure(proxy, { message: NOT_SOCKS });
    return exactly(4 + addressLength + 2)(received);
  });
  const code = reply[1] ?? 1;
  if (code !== 0x00) throw new ProxyFailure(proxy, { socks: code, message: `replied ${code}` });
}

async function socks4a(
  dialogue: ProxyDialogue,
  route: SocksProxyRoute,
  proxy: string,
  host: string,
  port: number,
): Promise<void> {
  const user = Buffer.from(credentialsOf(route)?.user ?? '');
  // SOCKS4a: the address 0.0.0.1 says "the name follows"; an IPv4 literal goes as itself.
  const address = net.isIPv4(host) ? host.split('.').map(Number) : [0, 0, 0, 1];
  const name = net.isIPv4(host) ? Buffer.alloc(0) : Buffer.from(`${host}\0`);
  dialogue.send(
    Buffer.concat([
      Buffer.from([0x04, 0x01]),
      portBytes(port),
      Buffer.from(address),
      user,
      Buffer.from([0]),
      name,
    ]),
  );
  const [version, code = 0] = await dialogue.receive(exactly(8));
  if (version !== 0x00) throw new ProxyFailure(proxy, { message: NOT_SOCKS });
  // 90 granted; 91 rejected; 92 and 93: the proxy could not check who we are (identd).
  if (code === 92 || code === 93)
    throw new ProxyFailure(proxy, { socks: 'credentials', message: `replied ${code}` });
  if (code !== 90) throw new ProxyFailure(proxy, { socks: code, message: `replied ${code}` });
}

/**
 * A raw TCP connection to host:port through the SOCKS proxy. Resolves once the proxy has
 * connected; rejects with a ProxyFailure naming the proxy otherwise.
 */
export async function openSocks(
  route: SocksProxyRoute,
  host: string,
  port: number,
  options: ProxyConnectOptions,
): Promise<net.Socket> {
  const proxy = proxyAddress(route);
  const handshake = route.version === 5 ? socks5 : socks4a;
  const socket = await openProxyConnection(route, options);
  return converse(socket, proxy, options.timeoutMs, (dialogue) =>
    handshake(dialogue, route, proxy, host, port),
  );
}
