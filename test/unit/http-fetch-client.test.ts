import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchHttpClient, type FetchLike } from '../../src/main/http/fetch-http-client';
import { licensingFailure } from '../support/licensing-failure';
import { refusedUrl } from '../support/refused-url';

/**
 * The fetch client over real loopback servers, with Node's fetch (undici) standing in for
 * Chromium's: the same behaviours as the axios client's tests. Electron's own error shapes, which
 * Node's fetch never produces, come from a fake fetch at the end.
 */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: (http.Server | https.Server)[] = [];

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const serve = async (handler: Handler): Promise<string> =>
  `http://127.0.0.1:${await listen(http.createServer(handler))}`;

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const nodeFetch: FetchLike = (url, init) => fetch(url, init);
const client = createFetchHttpClient({ fetch: nodeFetch, userAgent: 'license-manager/test' });
const SECRET = 'api_secret_do_not_leak';

/** Everything an error would show or log: its message and its cause. */
const shown = (error: Error): string => `${error.message} ${String(error.cause)}`;

describe('createFetchHttpClient over Node fetch', () => {
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

  it('claims no content type for a POST without a body (fetch must not send "false")', async () => {
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

  it('decodes UTF-8 split across chunks and drops a BOM, as axios does', async () => {
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

  it('keeps repeated headers, joined as the axios client joins them', async () => {
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

  it('maps a port fetch refuses to use to offline, in Chromium’s words', async () => {
    // 10080 is on fetch's list of blocked ports: Node's fetch says "bad port", Chromium
    // ERR_UNSAFE_PORT; nothing is sent either way.
    const error = await licensingFailure(
      client.request({ method: 'GET', url: 'http://127.0.0.1:10080/' }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain('ERR_UNSAFE_PORT');
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
    const quick = createFetchHttpClient({ fetch: nodeFetch, defaultTimeoutMs: 200 });
    const url = await serve(() => undefined);
    const error = await licensingFailure(quick.request({ method: 'GET', url }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/0\.2 seconds/);
  });

  it('applies the deadline to the whole exchange, even when the server drips bytes', async () => {
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
      const error = await licensingFailure(client.request({ method: 'GET', url: `${url}${path}` }));
      expect(error.code, path).toBe('offline');
      expect(error.message, path).toMatch(/cut off/);
    }
  });

  it('refuses oversized replies with a protocol error', async () => {
    const small = createFetchHttpClient({ fetch: nodeFetch, maxBodyBytes: 1_000 });
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
      expect(error.code, path).toBe('protocol');
      expect(error.message, path).toMatch(/larger than 1000 bytes/);
    }
  });

  it('stops reading at the limit and lets go of the connection', async () => {
    const small = createFetchHttpClient({ fetch: nodeFetch, maxBodyBytes: 1_000 });
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
    const fetchSpy = vi.fn(nodeFetch);
    const checked = createFetchHttpClient({ fetch: fetchSpy });
    for (const url of ['not a url', 'ftp://host/x']) {
      expect((await licensingFailure(checked.request({ method: 'GET', url }))).code, url).toBe(
        'config',
      );
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('lets no fetch error through as it is, and keeps a header’s secret out of the error', async () => {
    const url = await serve((_req, res) => res.end());
    // Node's fetch refuses the header with a TypeError that quotes its value.
    const error = await licensingFailure(
      client.request({ method: 'GET', url, headers: { 'x-api-key': `${SECRET}\nX-Injected: 1` } }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toContain(new URL(url).host);
    expect(shown(error)).not.toContain(SECRET);
  });
});

/** A fetch that fails the way Electron's net.fetch does, or any other way a test needs. */
const failingWith = (error: unknown) =>
  createFetchHttpClient({ fetch: () => Promise.reject(error) });
const URL_ = 'https://licence.example.com/v1/activate?key=K';
const HOST = 'licence.example.com';

describe('createFetchHttpClient over Electron’s failure shapes', () => {
  it('says a redirect Chromium cancelled is not followed (protocol, not offline)', async () => {
    const error = await licensingFailure(
      failingWith(new Error('Redirect was cancelled')).request({ method: 'GET', url: URL_ }),
    );
    expect(error.code).toBe('protocol');
    expect(error.text?.id).toBe('net.redirectNotFollowed');
    expect(error.message).toMatch(/redirect, which is not followed/);
    expect(error.message).toContain(HOST);
    expect(error.message).not.toContain('/v1');
  });

  it('maps a Chromium net error to the Node code the axios client would have had', async () => {
    const error = await licensingFailure(
      failingWith(new Error('net::ERR_NAME_NOT_RESOLVED')).request({ method: 'GET', url: URL_ }),
    );
    expect(error.code).toBe('offline');
    expect(error.text?.id).toBe('net.nameNotFound');
    expect(String(error.cause)).toContain('ENOTFOUND: net::ERR_NAME_NOT_RESOLVED');
  });

  it('maps a Chromium net error while reading the body', async () => {
    // Electron's IncomingMessage is destroyed with the net error; the web stream errors with it.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new Error('net::ERR_CONNECTION_RESET'));
      },
    });
    const reset = createFetchHttpClient({ fetch: () => Promise.resolve(new Response(body)) });
    const error = await licensingFailure(reset.request({ method: 'GET', url: URL_ }));
    expect(error.code).toBe('offline');
    expect(error.text?.id).toBe('net.connectionCut');
  });

  it('maps undici’s own codes to the socket codes they stand for', async () => {
    const connectTimeout = Object.assign(new Error('Connect Timeout Error'), {
      code: 'UND_ERR_CONNECT_TIMEOUT',
    });
    const error = await licensingFailure(
      failingWith(new TypeError('fetch failed', { cause: connectTimeout })).request({
        method: 'GET',
        url: URL_,
      }),
    );
    expect(error.code).toBe('timeout');
    expect(error.text?.id).toBe('net.connectTookTooLong');
  });

  it('reports anything else as internal, never passing it through', async () => {
    const odd = [
      new Error(`something odd at ${URL_}`),
      new TypeError('fetch failed', { cause: { code: 'UND_ERR_INVALID_ARG' } }),
      'a string',
    ];
    for (const thrown of odd) {
      const error = await licensingFailure(
        failingWith(thrown).request({ method: 'GET', url: URL_ }),
      );
      expect(error.code, String(thrown)).toBe('internal');
      expect(shown(error)).not.toContain('key=K');
    }
    // A body JSON cannot write (a BigInt) fails before anything is sent.
    const fetchSpy = vi.fn<FetchLike>();
    const unsendable = await licensingFailure(
      createFetchHttpClient({ fetch: fetchSpy }).request({
        method: 'POST',
        url: URL_,
        body: { n: 1n },
      }),
    );
    expect(unsendable.code).toBe('internal');
    expect(fetchSpy).not.toHaveBeenCalled();
    const throwing = createFetchHttpClient({
      fetch: () => {
        throw new TypeError('thrown, not rejected');
      },
    });
    expect((await licensingFailure(throwing.request({ method: 'GET', url: URL_ }))).code).toBe(
      'internal',
    );
  });

  it('asks for no redirects and no cache, and sends no header it means to leave out', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => Promise.resolve(new Response('{}')));
    await createFetchHttpClient({ fetch: fetchSpy }).request({ method: 'GET', url: URL_ });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init).toMatchObject({ method: 'GET', redirect: 'manual', cache: 'no-store' });
    expect(init?.headers).toEqual({ 'User-Agent': 'license-manager' });
  });

  it('keeps its deadline when the fetch ignores the signal, for headers and for the body', async () => {
    const neverAnswers = createFetchHttpClient({
      fetch: () => new Promise<Response>(() => undefined),
    });
    const neverEnds = createFetchHttpClient({
      fetch: () => Promise.resolve(new Response(new ReadableStream<Uint8Array>())),
    });
    for (const deaf of [neverAnswers, neverEnds]) {
      const error = await licensingFailure(
        deaf.request({ method: 'GET', url: URL_, timeoutMs: 100 }),
      );
      expect(error.code).toBe('timeout');
    }
  });

  it('stops the stream and the request when a reply passes the limit', async () => {
    // Electron's stream can be cancelled without the request under it: both must stop.
    let cancelled = false;
    let signal: AbortSignal | undefined;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(600)),
      cancel: () => void (cancelled = true),
    });
    const small = createFetchHttpClient({
      maxBodyBytes: 1_000,
      fetch: (_url, init) => {
        signal = init.signal ?? undefined;
        return Promise.resolve(new Response(body));
      },
    });
    const error = await licensingFailure(small.request({ method: 'GET', url: URL_ }));
    expect(error.code).toBe('protocol');
    expect(cancelled).toBe(true);
    expect(signal?.aborted).toBe(true);
  });

  it('takes a reply of exactly the limit', async () => {
    const exact = createFetchHttpClient({
      maxBodyBytes: 1_000,
      fetch: () => Promise.resolve(new Response(JSON.stringify('x'.repeat(998)))),
    });
    expect((await exact.request({ method: 'GET', url: URL_ })).rawBody).toHaveLength(1_000);
  });

  it('clears its timer and stops listening to the caller once done', async () => {
    let signal: AbortSignal | undefined;
    const quick = createFetchHttpClient({
      defaultTimeoutMs: 50,
      fetch: (_url, init) => {
        signal = init.signal ?? undefined;
        return Promise.resolve(new Response('{}'));
      },
    });
    const caller = new AbortController();
    const removed = vi.spyOn(caller.signal, 'removeEventListener');
    await quick.request({ method: 'GET', url: URL_, signal: caller.signal });
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    await new Promise((resolve) => setTimeout(resolve, 120));
    // A timer left running would have fired the deadline by now.
    expect(signal?.aborted).toBe(false);
  });
});
