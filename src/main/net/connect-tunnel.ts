import type net from 'node:net';
import { openProxyConnection, type ProxyConnectOptions } from './proxy-connection';
import { converse, ProxyFailure, signInSchemes } from './proxy-dialogue';
import { proxyAddress, type HttpProxyRoute } from './proxy-route';

/**
 * https through an HTTP proxy, done here rather than by axios. axios 1.21 does tunnel https with
 * CONNECT (https-proxy-agent 5), but when the proxy says no (403 to a blocked host, 407 for
 * credentials) it replays the proxy's answer as if the licensing server had sent it: a Babel
 * adapter would read a proxy's 403 as "licence revoked". Here a refused CONNECT is an error that
 * names the proxy.
 */

/** What a tunnel says of a proxy that answered CONNECT in something else than HTTP. */
export const NOT_HTTP = 'answered CONNECT with something that is not HTTP';

/** A proxy answer head bigger than this is not an HTTP proxy speaking. */
const MAX_HEAD_BYTES = 16 * 1024;

export const hostPort = (host: string, port: number): string =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`;

function connectRequest(route: HttpProxyRoute, target: string): string {
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
  if (route.auth)
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(route.auth).toString('base64')}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Every value of header `name` (lower case) among a head's header lines. */
const headerValues = (lines: readonly string[], name: string): string[] =>
  lines
    .filter((line) => line.toLowerCase().startsWith(`${name}:`))
    .map((line) => line.slice(name.length + 1).trim());

/**
 * Asks the proxy for a raw TCP tunnel to host:port. Resolves with the socket once the proxy says
 * 200; rejects with a ProxyFailure otherwise. Credentials go in Proxy-Authorization only.
 */
export async function openTunnel(
  route: HttpProxyRoute,
  host: string,
  port: number,
  options: ProxyConnectOptions,
): Promise<net.Socket> {
  const proxy = proxyAddress(route);
  const target = hostPort(host, port);
  const socket = await openProxyConnection(route, options);
  return converse(socket, proxy, options.timeoutMs, async (dialogue) => {
    dialogue.send(connectRequest(route, target));
    const head = await dialogue.receive((received) => {
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0) return end + 4;
      if (received.length > MAX_HEAD_BYTES) throw new ProxyFailure(proxy, { message: NOT_HTTP });
      return undefined;
    });
    const [statusLine = '', ...headerLines] = head.toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})\b/.exec(statusLine)?.[1] ?? NaN);
    if (Number.isNaN(status)) throw new ProxyFailure(proxy, { message: NOT_HTTP });
    if (status !== 200)
      throw new ProxyFailure(proxy, {
        status,
        ...(status === 407
          ? { schemes: signInSchemes(headerValues(headerLines, 'proxy-authenticate')) }
          : {}),
        message: `answered CONNECT with ${statusLine.slice(9)}`,
      });
  });
}
