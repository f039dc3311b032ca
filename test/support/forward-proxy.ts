import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A real forward proxy on loopback, as a company network has one: plain http requests arrive with
 * an absolute URI and are forwarded; https arrives as CONNECT host:port and is tunnelled byte for
 * byte (the proxy never sees inside). It can demand credentials (407) or refuse every request
 * (403), the two ways a proxy says no. With `tls` it is an HTTPS proxy: the same, inside TLS with
 * the proxy itself. `seen` records what reached it, so a test can prove a
 * request went through it, or bypassed it.
 */
export interface ForwardProxy {
  /** e.g. http://127.0.0.1:40123, https://… with `tls` (what HTTPS_PROXY would say) */
  readonly url: string;
  /** `host:port` of the proxy, as error messages name it. */
  readonly address: string;
  /** Each request the proxy received: `CONNECT host:port` or `GET http://host:port/path`. */
  readonly seen: readonly string[];
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** Answer every request and CONNECT with this status instead of forwarding (403, 502...). */
  readonly refuseWith?: number;
  /** `user:password` the proxy demands in Proxy-Authorization (Basic); 407 without it. */
  readonly credentials?: string;
  /**
   * The proxy demands Windows sign-in instead: it challenges `Negotiate` and `NTLM`, and lets
   * through a request that carries `Negotiate <ticket>` (a stand-in for the Kerberos ticket
   * Chromium gets for the logged-on user).
   */
  readonly windowsSignIn?: { readonly ticket: string };
  /** The proxy's own certificate and key (PEM): it then speaks TLS, as an HTTPS proxy. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
  /**
   * The network as the proxy sees it: `host:port` targets it reaches at another `host:port`, as a
   * company proxy reaches intranet names this computer cannot resolve, or servers its firewall
   * keeps this computer from.
   */
  readonly reaches?: Readonly<Record<string, string>>;
}

const head = (status: number, extra = ''): string =>
  `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Status'}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`;

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const expected = options.windowsSignIn
    ? `Negotiate ${options.windowsSignIn.ticket}`
    : options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  /** The status to refuse with, or undefined to let the request through. */
  const refusal = (headers: http.IncomingHttpHeaders): number | undefined => {
    if (options.refuseWith !== undefined) return options.refuseWith;
    if (expected !== undefined && headers['proxy-authorization'] !== expected) return 407;
    return undefined;
  };
  const challenges = options.windowsSignIn
    ? ['Negotiate', 'NTLM']
    : ['Basic realm="loopback proxy"'];
  const challenge = challenges.map((value) => `Proxy-Authenticate: ${value}\r\n`).join('');

  const handle: http.RequestListener = (req, res) => {
    seen.push(`${req.method ?? 'GET'} ${req.url ?? ''}`);
    const refused = refusal(req.headers);
    if (refused !== undefined) {
      res.writeHead(refused, refused === 407 ? { 'Proxy-Authenticate': challenges } : {});
      res.end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const mapped = options.reaches?.[target.host];
    if (mapped) target.host = mapped;
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(
      target,
      { method: req.method, headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handle)
    : http.createServer(handle);

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, early: Buffer) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    client.on('error', () => client.destroy());
    const refused = refusal(req.headers);
    if (refused !== undefined) {
      client.end(head(refused, refused === 407 ? challenge : ''));
      return;
    }
    const [host, port] = (options.reaches?.[req.url ?? ''] ?? req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (early.length > 0) upstream.write(early);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end(head(502)));
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
