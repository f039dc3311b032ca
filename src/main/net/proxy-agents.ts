import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { openTunnel } from './connect-tunnel';
import { openProxyConnection, type ProxyConnectOptions } from './proxy-connection';
import type { HttpProxyRoute, ProxyServerRoute } from './proxy-route';
import { openSocks } from './socks-handshake';

/** A raw TCP connection to host:port through the proxy (CONNECT, or a SOCKS handshake). */
export const connectThrough = (
  route: ProxyServerRoute,
  host: string,
  port: number,
  options: ProxyConnectOptions,
): Promise<net.Socket> =>
  route.kind === 'http'
    ? openTunnel(route, host, port, options)
    : openSocks(route, host, port, options);

/** How an agent reaches its proxy: how long it may take, and the CAs an HTTPS proxy is checked against. */
export type ProxySettings = Omit<ProxyConnectOptions, 'socket'>;

type Callback = (err: Error | null, stream: Duplex) => void;

/**
 * Node's agents accept a connection handed over later through the callback: the proxy's answer
 * comes first. `wrap` puts TLS on top for https; plain http uses the socket as it is.
 */
function connectLater(
  open: Promise<net.Socket>,
  callback: Callback | undefined,
  wrap: (socket: net.Socket) => Duplex | null | undefined,
): undefined {
  // Node's agent reads only the error when there is one; there is no stream to hand back.
  const fail = callback as ((err: Error) => void) | undefined;
  open.then(
    (socket) => {
      const stream = wrap(socket);
      if (stream) callback?.(null, stream);
    },
    (error: Error) => fail?.(error),
  );
  return undefined;
}

/** The server a request asks its agent for. */
const targetOf = (options: http.ClientRequestArgs): [string, number] => [
  options.host ?? options.hostname ?? 'localhost',
  Number(options.port),
];

/**
 * An https agent whose connections are TLS through one proxy. Everything else (trusted CAs,
 * keep-alive pooling, TLS session reuse, server name checks) is https.Agent's: only the socket
 * under the TLS layer changes.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly route: ProxyServerRoute,
    private readonly settings: ProxySettings,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: https.RequestOptions, callback?: Callback): undefined {
    const open = connectThrough(this.route, ...targetOf(options), this.settings);
    return connectLater(open, callback, (socket) =>
      super.createConnection({ ...options, socket } as https.RequestOptions),
    );
  }
}

/** A plain http agent whose connections go through a SOCKS proxy (pooled like direct ones). */
export class SocksHttpAgent extends http.Agent {
  constructor(
    private readonly route: ProxyServerRoute,
    private readonly settings: ProxySettings,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback): undefined {
    const open = connectThrough(this.route, ...targetOf(options), this.settings);
    return connectLater(open, callback, (socket) => socket);
  }
}

/**
 * The agent for plain http forwarded to an HTTP proxy (axios sends it the absolute URI): the
 * connection to the proxy, TLS for an HTTPS proxy, is the request's connection.
 */
export class ForwardingAgent extends http.Agent {
  constructor(
    private readonly route: HttpProxyRoute,
    private readonly settings: ProxySettings,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(_options: http.ClientRequestArgs, callback?: Callback): undefined {
    return connectLater(
      openProxyConnection(this.route, this.settings),
      callback,
      (socket) => socket,
    );
  }
}
