import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { licensingFailure } from '../support/licensing-failure';
import { refusedUrl } from '../support/refused-url';

/** Real loopback servers, one per test: the client is exercised through real sockets. */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const client = createAxiosHttpClient({ userAgent: 'license-manager/test' });
const SECRET = 'api_secret_do_not_leak';

describe('createAxiosHttpClient', () => {
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

  it('claims no content type for a POST without a body (axios would say it is a form)', async () => {
    let contentType: string | undefined = 'unset';
    const url = await serve((req, res) => {
      contentType = req.headers['content-type'];
      res.writeHead(204).end();
    });
    await client.request({ method: 'POST', url: `${url}/activate` });
    expect(contentType).toBeUndefined();
  });

  it('resolves for error statuses and does not follow redirects', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { Location: '/elsewhere' }).end();
      } else {
        res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"code":"Down"}');
      }
    });
    const down = await client.request({ method: 'GET', url });
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ code: 'Down' });
    const moved = await client.request({ method: 'POST', url: `${url}/moved`, body: {} });
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toBe('/elsewhere');
  });

  it('returns text bodies as text and empty bodies as undefined', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/empty') res.writeHead(204).end();
      else if (req.url === '/untyped-json') res.end('{"a":1}');
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Login to Wi-Fi</html>');
    });
    const html = await client.request({ method: 'GET', url });
    expect(html.body).toBe('<html>Login to Wi-Fi</html>');
    expect((await client.request({ method: 'GET', url: `${url}/empty` })).body).toBeUndefined();
    expect((await client.request({ method: 'GET', url: `${url}/untyped-json` })).body).toEqual({
      a: 1,
    });
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
    expect(`${error.message} ${String(error.cause)}`).not.toContain(SECRET);
  });

  it('maps a server that never answers to timeout', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const error = await licensingFailure(client.request({ method: 'GET', url, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/0\.2 seconds/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('applies the deadline to the whole exchange, even when the server drips bytes', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write('1,'), 50);
      res.on('close', () => clearInterval(drip));
    });
    const error = await licensingFailure(client.request({ method: 'GET', url, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
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
      const error = await licensingFailure(client.request({ method: 'GET', url: `${url}${path}` }));
      expect(error.code).toBe('offline');
      expect(error.message).toMatch(/cut off/);
    }
  });

  it('refuses oversized replies with a protocol error', async () => {
    const small = createAxiosHttpClient({ maxBodyBytes: 1_000 });
    const url = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // Without Content-Length on /stream, so the limit must hold while reading, too.
      if (req.url === '/stream') {
        res.write(`"${'x'.repeat(800)}`);
        setTimeout(() => res.end(`${'x'.repeat(800)}"`), 20);
      } else {
        res.end(JSON.stringify('x'.repeat(5_000)));
      }
    });
    for (const path of ['/', '/stream']) {
      const error = await licensingFailure(small.request({ method: 'GET', url: `${url}${path}` }));
      expect(error.code).toBe('protocol');
      expect(error.message).toMatch(/larger than 1000 bytes/);
    }
  });

  it('reports a cancelled request without waiting for the deadline', async () => {
    const url = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await licensingFailure(
      client.request({ method: 'GET', url, signal: controller.signal, timeoutMs: 5_000 }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/cancelled/);
  });

  it('refuses addresses that are not http(s) URLs before sending anything', async () => {
    expect((await licensingFailure(client.request({ method: 'GET', url: 'not a url' }))).code).toBe(
      'config',
    );
    expect(
      (await licensingFailure(client.request({ method: 'GET', url: 'ftp://host/x' }))).code,
    ).toBe('config');
  });
});
