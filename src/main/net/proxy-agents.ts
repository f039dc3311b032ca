import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { openTunnel } from './connect-tunnel';
import { limitConnecting, PROXY_CONNECT_MS, type TunnelOptions } from './proxy-dialogue';
import { proxyAddress, type HttpProxyRoute, type ProxyServerRoute } from './proxy-route';
import { openSocks } from './socks-handshake';

/** A raw TCP connection to host:port through the proxy (CONNECT, or a SOCKS handshake). */
export const connectThrough = (
  route: ProxyServerRoute,
  host: string,
  port: number,
  options: TunnelOptions,
): Promise<net.Socket> =>
  route.kind === 'http'
    ? openTunnel(route, host, port, options)
    : openSocks(route, host, port, options);

/** How long an agent's proxy may take: to accept the connection, and to open the way through. */
export type ProxyTimeouts = Omit<TunnelOptions, 'socket'>;

type Callback = (err: Error | null, stream: Duplex) => void;

/**
 * Node's agents accept a connection handed over later through the callback: the proxy's answer
 * comes first. `wrap` puts TLS on top for https; plain http uses the socket as it is.
 */
function connectLater(
  route: ProxyServerRoute,
  options: http.ClientRequestArgs,
  timeouts: ProxyTimeouts,
  callback: Callback | undefined,
  wrap: (socket: net.Socket) => Duplex | null | undefined,
): undefined {
  // Node's agent reads only the error when there is one; there is no stream to hand back.
  const fail = callback as ((err: Error) => void) | undefined;
  const host = options.host ?? options.hostname ?? 'localhost';
  const port = Number(options.port);
  connectThrough(route, host, port, timeouts).then(
    (socket) => {
      const stream = wrap(socket);
      if (stream) callback?.(null, stream);
    },
    (error: Error) => fail?.(error),
  );
  return undefined;
}

/**
 * An https agent whose connections are TLS through one proxy. Everything else (trusted CAs,
 * keep-alive pooling, TLS session reuse, server name checks) is https.Agent's: only the socket
 * under the TLS layer changes.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly route: ProxyServerRoute,
    private readonly timeouts: ProxyTimeouts,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: https.RequestOptions, callback?: Callback): undefined {
    return connectLater(this.route, options, this.timeouts, callback, (socket) =>
      super.createConnection({ ...options, socket } as https.RequestOptions),
    );
  }
}

/** A plain http agent whose connections go through a SOCKS proxy (pooled like direct ones). */
export class SocksHttpAgent extends http.Agent {
  constructor(
    private readonly route: ProxyServerRoute,
    private readonly timeouts: ProxyTimeouts,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback): undefined {
    return connectLater(this.route, options, this.timeouts, callback, (socket) => socket);
  }
}

/**
 * The agent for plain http forwarded to an HTTP proxy (axios connects to the proxy and sends the
 * absolute URI): Node's own connections, which the proxy must accept in time.
 */
export class ForwardingAgent extends http.Agent {
  constructor(
    private readonly route: HttpProxyRoute,
    private readonly timeouts: ProxyTimeouts,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex {
    const socket = super.createConnection(options, callback) as net.Socket;
    const budget = this.timeouts.connectTimeoutMs ?? PROXY_CONNECT_MS;
    limitConnecting(socket, proxyAddress(this.route), budget);
    return socket;
  }
}
