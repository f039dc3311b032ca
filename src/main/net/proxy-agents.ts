import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { openTunnel, type TunnelOptions } from './connect-tunnel';
import type { ProxyServerRoute } from './proxy-route';
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

type Callback = (err: Error | null, stream: Duplex) => void;

/**
 * Node's agents accept a connection handed over later through the callback: the proxy's answer
 * comes first. `wrap` puts TLS on top for https; plain http uses the socket as it is.
 */
function connectLater(
  route: ProxyServerRoute,
  options: http.ClientRequestArgs,
  timeoutMs: number,
  callback: Callback | undefined,
  wrap: (socket: net.Socket) => Duplex | null | undefined,
): undefined {
  // Node's agent reads only the error when there is one; there is no stream to hand back.
  const fail = callback as ((err: Error) => void) | undefined;
  const host = options.host ?? options.hostname ?? 'localhost';
  const port = Number(options.port);
  connectThrough(route, host, port, { timeoutMs }).then(
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
    private readonly tunnelTimeoutMs: number,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: https.RequestOptions, callback?: Callback): undefined {
    return connectLater(this.route, options, this.tunnelTimeoutMs, callback, (socket) =>
      super.createConnection({ ...options, socket } as https.RequestOptions),
    );
  }
}

/** A plain http agent whose connections go through a SOCKS proxy (pooled like direct ones). */
export class SocksHttpAgent extends http.Agent {
  constructor(
    private readonly route: ProxyServerRoute,
    private readonly tunnelTimeoutMs: number,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback): undefined {
    return connectLater(this.route, options, this.tunnelTimeoutMs, callback, (socket) => socket);
  }
}
