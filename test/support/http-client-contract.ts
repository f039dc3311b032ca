import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpClient } from '../../src/main/http/http-client';
import { licensingFailure } from './licensing-failure';
import { refusedUrl } from './refused-url';

/**
 * The one suite every HttpClient implementation passes against real servers on ephemeral loopback
 * ports: the axios client over Node's sockets, the fetch client over a WHATWG fetch (Node's in the
 * tests, standing in for Chromium's). Adapters rely on these behaviours whichever client sends, so
 * they are written once; what only one client does belongs in that client's own test file.
 *
 * Not here: a header value with a line break. The fetch client refuses it (Node's fetch throws) as
 * `internal`; axios strips the break and sends the rest. Neither lets it make a second header.
 */

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LoopbackServers {
  /** Listens on an ephemeral loopback port and returns the port. */
  listen(server: http.Server | https.Server): Promise<number>;
  /** An http server on an ephemeral loopback port, as its base URL. */
  serve(handler: Handler): Promise<string>;
}

/**
 * Real loopback servers, closed (with their connections) after each test of the suite that calls
 * this: the client is exercised through real sockets.
 */
export function loopbackServers(): LoopbackServers {
  const servers: (http.Server | https.Server)[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
  const listen = async (server: http.Server | https.Server): Promise<number> => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  return {
    listen,
    serve: async (handler) => `http://127.0.0.1:${await listen(http.createServer(handler))}`,
  };
}

export const SECRET = 'api_secret_do_not_leak';

/** Everything an error would show or log: its message and its cause. */
export const shown = (error: Error): string => `${error.message} ${String(error.cause)}`;

/** The options every implementation takes, so the suite can set them. */
export interface ContractClientOptions {
  readonly userAgent?: string;
  readonly defaultTimeoutMs?: number;
  readonly maxBodyBytes?: number;
}

export function describeHttpClientContract(
  name: string,
  makeClient: (options: ContractClientOptions) => HttpClient,
): void {
  describe(`${name}: HttpClient contract`, () => {
    const { listen, serve } = loopbackServers();
    const client = makeClient({ userAgent: 'license-manager/test' });

    it('sends JSON and returns status, lower-cased headers, raw and parsed body', async () => {
      let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
      const url = await serve((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          seen = { headers: req.headers, body };
          res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8', 'X-Thing': 'a' });
          res.end('{"ok":true,"n":1}');
        });
      });
      const response = await client.request({
        method: 'POST',
        url: `${url}/v1/x`,
        headers: { 'x-api-key': SECRET },
        body: { userKey: 'K' },
      });
      expect(response.status).toBe(201);
      expect(response.headers['x-thing']).toBe('a');
      expect(response.rawBody).toBe('{"ok":true,"n":1}');
      expect(response.body).toEqual({ ok: true, n: 1 });
      expect(seen?.body).toBe('{"userKey":"K"}');
      expect(seen?.headers['content-type']).toBe('application/json');
      expect(seen?.headers['x-api-key']).toBe(SECRET);
      expect(seen?.headers['user-agent']).toBe('license-manager/test');
    });

    it('sends a form as application/x-www-form-urlencoded', async () => {
      let seen: { type: string | undefined; body: string } | undefined;
      const url = await serve((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          seen = { type: req.headers['content-type'], body };
          res.writeHead(204).end();
        });
      });
      await client.request({
        method: 'POST',
        url,
        form: { grant_type: 'client_credentials', a: 'b c' },
      });
      expect(seen).toEqual({
        type: 'application/x-www-form-urlencoded',
        body: 'grant_type=client_credentials&a=b+c',
      });
    });

    it('claims no content type for a POST without a body', async () => {
      // axios would claim a form body, and a fetch must not be handed a header of "false".
      let contentType: string | undefined = 'unset';
      const url = await serve((req, res) => {
        contentType = req.headers['content-type'];
        res.writeHead(204).end();
      });
      await client.request({ method: 'POST', url: `${url}/activate` });
      expect(contentType).toBeUndefined();
    });

    it('resolves for error statuses', async () => {
      const url = await serve((req, res) => {
        if (req.url === '/missing') res.writeHead(404).end('no such licence');
        else res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"code":"Down"}');
      });
      const down = await client.request({ method: 'GET', url });
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ code: 'Down' });
      const missing = await client.request({ method: 'GET', url: `${url}/missing` });
      expect(missing.status).toBe(404);
      expect(missing.body).toBe('no such licence');
    });

    it('returns a redirect as it is and never goes where it points', async () => {
      // A followed redirect would carry the API key to wherever it points.
      let elsewhereHit = false;
      const elsewhere = await serve((_req, res) => {
        elsewhereHit = true;
        res.end('{"stolen":true}');
      });
      const url = await serve((_req, res) => {
        res.writeHead(302, { Location: `${elsewhere}/collect` }).end();
      });
      const moved = await client.request({
        method: 'POST',
        url,
        headers: { 'x-api-key': SECRET },
        body: {},
      });
      expect(moved.status).toBe(302);
      expect(moved.headers.location).toBe(`${elsewhere}/collect`);
      expect(elsewhereHit).toBe(false);
    });

    it('returns text bodies as text and empty bodies as undefined', async () => {
      const url = await serve((req, res) => {
        if (req.url === '/empty') res.writeHead(204).end();
        else if (req.url === '/untyped-json') res.end('{"a":1}');
        else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Login to Wi-Fi</html>');
      });
      const html = await client.request({ method: 'GET', url });
      expect(html.body).toBe('<html>Login to Wi-Fi</html>');
      const empty = await client.request({ method: 'GET', url: `${url}/empty` });
      expect(empty).toMatchObject({ status: 204, rawBody: '', body: undefined });
      expect((await client.request({ method: 'GET', url: `${url}/untyped-json` })).body).toEqual({
        a: 1,
      });
    });

    it('decodes UTF-8 split across chunks and drops a BOM', async () => {
      const euro = Buffer.from('"€"', 'utf8'); // the € is three bytes
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), euro.subarray(0, 2)]));
        setTimeout(() => res.end(euro.subarray(2)), 20);
      });
      const response = await client.request({ method: 'GET', url });
      expect(response.rawBody).toBe('"€"');
      expect(response.body).toBe('€');
    });

    it('keeps repeated headers, joined with a comma', async () => {
      const url = await serve((_req, res) => {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.end();
      });
      const response = await client.request({ method: 'GET', url });
      expect(response.headers['set-cookie']).toBe('a=1, b=2');
    });

    it('turns malformed JSON into a protocol error naming the host, not the query', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"granted": tru');
      });
      const error = await licensingFailure(
        client.request({ method: 'GET', url: `${url}/path?key=${SECRET}` }),
      );
      expect(error.code).toBe('protocol');
      expect(error.message).toContain(new URL(url).host);
      expect(error.message).not.toContain(SECRET);
      expect(error.message).not.toContain('/path');
    });

    it('maps a refused connection to offline', async () => {
      const url = await refusedUrl();
      const error = await licensingFailure(
        client.request({ method: 'POST', url, headers: { 'x-api-key': SECRET }, body: { SECRET } }),
      );
      expect(error.code).toBe('offline');
      expect(error.retryable).toBe(true);
      expect(error.message).toMatch(/connection refused/);
      expect(error.message).toContain(new URL(url).host);
      expect(shown(error)).not.toContain(SECRET);
    });

    it('maps a certificate it cannot verify to config, naming Node’s code', async () => {
      const tls = join(__dirname, '..', 'fixtures', 'mobiusflow-tls');
      const port = await listen(
        https.createServer(
          {
            cert: readFileSync(join(tls, 'hub-a.pem'), 'utf8'),
            key: readFileSync(join(tls, 'hub-a.key'), 'utf8'),
          },
          (_req, res) => res.end('{}'),
        ),
      );
      const error = await licensingFailure(
        client.request({ method: 'GET', url: `https://127.0.0.1:${port}/` }),
      );
      expect(error.code).toBe('config');
      expect(error.message).toMatch(/could not be verified \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    });

    it('maps a server that never answers to timeout', async () => {
      const url = await serve(() => undefined);
      const started = Date.now();
      const error = await licensingFailure(client.request({ method: 'GET', url, timeoutMs: 200 }));
      expect(error.code).toBe('timeout');
      expect(error.message).toMatch(/0\.2 seconds/);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('applies the client’s default deadline when the request sets none', async () => {
      const quick = makeClient({ defaultTimeoutMs: 200 });
      const url = await serve(() => undefined);
      const error = await licensingFailure(quick.request({ method: 'GET', url }));
      expect(error.code).toBe('timeout');
      expect(error.message).toMatch(/0\.2 seconds/);
    });

    it('applies the deadline to the whole exchange, even when the server drips bytes', async () => {
      // A socket idle timer never trips on a server that sends a byte now and then.
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('[');
        const drip = setInterval(() => res.write('1,'), 50);
        res.on('close', () => clearInterval(drip));
      });
      const started = Date.now();
      const error = await licensingFailure(client.request({ method: 'GET', url, timeoutMs: 300 }));
      expect(error.code).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('maps a reset before or during the reply to offline', async () => {
      const url = await serve((req, res) => {
        if (req.url === '/mid-body') {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
          res.write('{"a":');
          setTimeout(() => res.socket?.destroy(), 20);
        } else {
          req.socket.destroy();
        }
      });
      for (const path of ['/', '/mid-body']) {
        const error = await licensingFailure(
          client.request({ method: 'GET', url: `${url}${path}` }),
        );
        expect(error.code, path).toBe('offline');
        expect(error.message, path).toMatch(/cut off/);
      }
    });

    /**
     * A JSON reply of exactly `bytes` bytes: on / in one piece with its Content-Length; on
     * /stream in two pieces without one, so the limit must hold while reading, too.
     */
    const replyOf = (bytes: number): Promise<string> =>
      serve((req, res) => {
        const text = JSON.stringify('x'.repeat(bytes - 2));
        if (req.url === '/stream') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.write(text.slice(0, bytes / 2));
          setTimeout(() => res.end(text.slice(bytes / 2)), 20);
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
          res.end(text);
        }
      });

    it('refuses oversized replies with a protocol error', async () => {
      const small = makeClient({ maxBodyBytes: 1_000 });
      const url = await replyOf(1_001);
      for (const path of ['/', '/stream']) {
        const error = await licensingFailure(
          small.request({ method: 'GET', url: `${url}${path}` }),
        );
        expect(error.code, path).toBe('protocol');
        expect(error.message, path).toMatch(/larger than 1000 bytes/);
      }
    });

    it('takes a reply of exactly the limit', async () => {
      const exact = makeClient({ maxBodyBytes: 1_000 });
      const url = await replyOf(1_000);
      for (const path of ['/', '/stream']) {
        const response = await exact.request({ method: 'GET', url: `${url}${path}` });
        expect(response.rawBody, path).toHaveLength(1_000);
      }
    });

    it('stops reading at the limit and lets go of the connection', async () => {
      const small = makeClient({ maxBodyBytes: 1_000 });
      let closed = false;
      const url = await serve((_req, res) => {
        res.on('close', () => (closed = true));
        // Past the limit, then never ends: only a client that stops at the limit returns.
        res.writeHead(200).write('x'.repeat(2_000));
      });
      const error = await licensingFailure(small.request({ method: 'GET', url, timeoutMs: 5_000 }));
      expect(error.code).toBe('protocol');
      await vi.waitFor(() => expect(closed).toBe(true), { timeout: 1_000 });
    });

    it('reports a cancelled request without waiting for the deadline', async () => {
      const url = await serve(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const error = await licensingFailure(
        client.request({ method: 'GET', url, signal: controller.signal, timeoutMs: 5_000 }),
      );
      expect(error.code).toBe('timeout');
      expect(error.message).toMatch(/cancelled/);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('reports a request cancelled before it starts without sending it', async () => {
      let hit = false;
      const url = await serve((_req, res) => {
        hit = true;
        res.end();
      });
      const error = await licensingFailure(
        client.request({ method: 'GET', url, signal: AbortSignal.abort() }),
      );
      expect(error.message).toMatch(/cancelled/);
      expect(hit).toBe(false);
    });

    it('refuses addresses that are not http(s) URLs before sending anything', async () => {
      let hit = false;
      const url = await serve((_req, res) => {
        hit = true;
        res.end();
      });
      // The ftp address points at a live server: a client that sent anyway would reach it.
      for (const address of ['not a url', url.replace(/^http:/, 'ftp:')]) {
        const error = await licensingFailure(client.request({ method: 'GET', url: address }));
        expect(error.code, address).toBe('config');
      }
      expect(hit).toBe(false);
    });

    it('keeps a secret out of every error, wherever the request carried it', async () => {
      const url = await serve((req, res) => {
        const path = req.url?.split('?')[0];
        if (path === '/reset') req.socket.destroy();
        else if (path === '/large') res.end('x'.repeat(2_000));
        else if (path === '/malformed') {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"granted": tru');
        }
        // Anything else never answers.
      });
      const small = makeClient({ maxBodyBytes: 1_000 });
      const failures: [string, string][] = [
        [await refusedUrl(), 'offline'],
        [`${url}/reset`, 'offline'],
        [`${url}/malformed`, 'protocol'],
        [`${url}/large`, 'protocol'],
        [`${url}/hang`, 'timeout'],
      ];
      for (const [address, code] of failures) {
        const error = await licensingFailure(
          small.request({
            method: 'POST',
            url: `${address}?key=${SECRET}`,
            headers: { 'x-api-key': SECRET },
            body: { SECRET },
            timeoutMs: 200,
          }),
        );
        expect(error.code, address).toBe(code);
        expect(shown(error), address).not.toContain(SECRET);
      }
    });
  });
}
