import { describe, expect, it, vi } from 'vitest';
import { createFetchHttpClient, type FetchLike } from '../../src/main/http/fetch-http-client';
import {
  describeHttpClientContract,
  loopbackServers,
  SECRET,
  shown,
} from '../support/http-client-contract';
import { licensingFailure } from '../support/licensing-failure';

/**
 * The fetch client over real loopback servers, with Node's fetch (undici) standing in for
 * Chromium's: first the contract every HttpClient passes, then what only a fetch does. Electron's
 * own error shapes, which Node's fetch never produces, come from a fake fetch at the end.
 */
const nodeFetch: FetchLike = (url, init) => fetch(url, init);

describeHttpClientContract('createFetchHttpClient over Node fetch', (options) =>
  createFetchHttpClient({ ...options, fetch: nodeFetch }),
);

describe('createFetchHttpClient over Node fetch, beyond the contract', () => {
  const { serve } = loopbackServers();
  const client = createFetchHttpClient({ fetch: nodeFetch });

  it('maps a port fetch refuses to use to offline, in Chromium’s words', async () => {
    // 10080 is on fetch's list of blocked ports: Node's fetch says "bad port", Chromium
    // ERR_UNSAFE_PORT; nothing is sent either way. (Node's sockets block no port: axios connects.)
    const error = await licensingFailure(
      client.request({ method: 'GET', url: 'http://127.0.0.1:10080/' }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain('ERR_UNSAFE_PORT');
  });

  it('lets no fetch error through as it is, and keeps a header’s secret out of the error', async () => {
    const url = await serve((_req, res) => res.end());
    // Node's fetch refuses the header with a TypeError that quotes its value. (axios strips the
    // line break and sends the rest, so this is not part of the contract.)
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

  it('a proxy’s 407, which Chromium hands back when its sign-in fails, is the proxy’s refusal, not the server’s answer', async () => {
    let bodyRead = false;
    const page = new ReadableStream<Uint8Array>(
      {
        pull() {
          bodyRead = true;
        },
      },
      { highWaterMark: 0 }, // pulled only when read
    );
    const client = createFetchHttpClient({
      fetch: () => Promise.resolve(new Response(page, { status: 407 })),
    });
    const error = await licensingFailure(client.request({ method: 'POST', url: URL_, body: {} }));
    expect(error.code).toBe('config');
    expect(error.message).toBe(
      `The proxy on the way to ${HOST} did not accept this computer's Windows sign-in (407 Proxy Authentication Required). Ask IT whether your account may use the proxy, or to let this computer through.`,
    );
    expect(bodyRead).toBe(false);
  });

  it('asks for no redirects, no cache and no cookies or server sign-in, and sends no header it means to leave out', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => Promise.resolve(new Response('{}')));
    await createFetchHttpClient({ fetch: fetchSpy }).request({ method: 'GET', url: URL_ });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
    });
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
