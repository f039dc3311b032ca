import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import { chromiumFailure } from './chromium-net-errors';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import {
  cancelledError,
  networkError,
  oversizedError,
  timeoutError,
  type TransportFailure,
} from './network-errors';
import { requestDeadline } from './request-deadline';
import { buildHeaders, checkUrl, serialiseBody } from './request-shape';
import { lowerCaseHeaders, parseBody } from './response-body';

/** A WHATWG fetch: Electron's net.fetch in the app; Node's (undici) fetch in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchHttpClientOptions {
  readonly fetch: FetchLike;
  /** Whole-request deadline (connect, send, wait, read) when a request sets none. */
  readonly defaultTimeoutMs?: number;
  readonly userAgent?: string;
  /** Replies larger than this are refused: no licensing answer is anywhere near 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** The axios client's defaults, so either client behaves the same. */
const DEFAULTS = {
  defaultTimeoutMs: 10_000,
  userAgent: 'license-manager',
  maxBodyBytes: 1024 * 1024,
} as const;

/**
 * Node's RequestInit type lacks `cache`, which both fetches read: undici's, and Electron's, which
 * hands it to its ClientRequest (`no-store` there bypasses Chromium's HTTP cache).
 */
type InitWithCache = RequestInit & { readonly cache: 'no-store'; readonly credentials: 'omit' };

/** What Electron's ClientRequest dies with when `redirect: 'manual'` meets a 3xx. */
const REDIRECT_CANCELLED = 'Redirect was cancelled';

/**
 * The cause of the error a redirect Chromium cancelled becomes. Unlike Node's, Chromium's stack
 * cannot hand the 3xx over (Electron's net.fetch drops it), so adapters see a `protocol` error
 * where over Node they see the status; the connection test reads it as an answer all the same.
 */
class RedirectNotFollowed extends Error {
  constructor() {
    super(REDIRECT_CANCELLED);
    this.name = 'RedirectNotFollowed';
  }
}

export const isRedirectNotFollowed = (error: unknown): boolean =>
  error instanceof LicensingError && error.cause instanceof RedirectNotFollowed;

/**
 * The HttpClient contract over a WHATWG fetch, so the app can send through Chromium's network stack
 * (Electron's net.fetch: system proxy, PAC, and signing in to NTLM/Negotiate proxies as the
 * logged-on user). Same deadlines, limits and error words as the axios client: it resolves for
 * every status and rejects only with LicensingError.
 *
 * `req.route` is ignored: a fetch cannot be told which proxy to use, Chromium decides the route.
 * The connection test, which pins a route, needs the axios client.
 */
export function createFetchHttpClient(options: FetchHttpClientOptions): HttpClient {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULTS.defaultTimeoutMs;
  const userAgent = options.userAgent ?? DEFAULTS.userAgent;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const host = checkUrl(req.url).host;
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
    // One deadline over headers and body.
    const deadline = requestDeadline(req, timeoutMs);
    let complete = false;

    try {
      const init: InitWithCache = {
        method: req.method,
        headers: sentHeaders(req, userAgent),
        body: serialiseBody(req),
        // Never follow a redirect: it would carry the API key to wherever it points. Node's fetch
        // hands the 3xx over, as axios does; Chromium's rejects (REDIRECT_CANCELLED).
        redirect: 'manual',
        // Every request reaches the server, as with axios: Chromium's HTTP cache would otherwise
        // answer a GET with a licence state it kept.
        cache: 'no-store',
        // No cookies kept or sent, and no sign-in to servers, as over Node's sockets: with them,
        // Chromium would hand the user's Windows sign-in to any intranet server that asks. Signing
        // in to a proxy is not affected.
        credentials: 'omit',
        signal: deadline.signal,
      };
      const response = await untilAborted(options.fetch(req.url, init), deadline.signal);
      // Chromium hands back a 407 only from a proxy (a server's is ERR_UNEXPECTED_PROXY_AUTH): its
      // sign-in failed, and the proxy's page is not the server's answer.
      if (response.status === 407)
        throw new LicensingError('config', net.proxySignInRefused({ host }));
      const rawBody = await readText(response, deadline.signal, maxBodyBytes, host);
      complete = true;
      const headers = headersOf(response);
      return {
        status: response.status,
        headers,
        rawBody,
        body: parseBody(rawBody, headers['content-type'], host),
      };
    } catch (error) {
      if (error instanceof LicensingError) throw error;
      if (deadline.timedOut()) throw timeoutError(host, timeoutMs);
      if (req.signal?.aborted) throw cancelledError(host);
      throw translateFetchError(error, host);
    } finally {
      deadline.end();
      // Stopped early (too large, failed): release the connection, not only the stream.
      if (!complete) deadline.abort();
    }
  }

  return { request };
}

/** buildHeaders' `false` means "send none" (axios's convention); a fetch wants strings only. */
function sentHeaders(req: HttpRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(buildHeaders(req, userAgent))) {
    if (value !== false) headers[name] = value;
  }
  return headers;
}

/** Repeated headers (set-cookie) kept apart, for lowerCaseHeaders to join as it does for axios. */
function headersOf(response: Response): Readonly<Record<string, string>> {
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, name) => {
    (headers[name] ??= []).push(value);
  });
  return lowerCaseHeaders(headers);
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts, whether or not the fetch honours
 * its signal: the deadline is ours to keep.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The body as UTF-8 text (a BOM dropped, as axios does), read as a stream so that a reply over
 * `maxBytes` is refused once it passes the limit, without a Content-Length to trust.
 */
async function readText(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
  host: string,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > maxBytes) throw oversizedError(host, maxBytes);
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Stop the stream when we stop reading (too large, deadline); after its end this does nothing.
    reader.cancel().catch(() => undefined);
  }
}

/** Node's fetch: undici's own codes in the socket codes networkError words. */
const UNDICI_CODES: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'ECONNRESET',
};

const codeOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
    ? value.code
    : undefined;

const messageOf = (value: unknown): string =>
  value instanceof Error ? value.message : typeof value === 'string' ? value : '';

/**
 * A transport failure in Node's codes, from either fetch: Chromium's says `net::ERR_…`; Node's
 * rejects with TypeError('fetch failed' or 'terminated') whose cause carries the socket's code.
 */
function failureOf(error: unknown): TransportFailure | undefined {
  const chromium = chromiumFailure(messageOf(error));
  if (chromium) return chromium;
  const cause = error instanceof Error ? error.cause : undefined;
  // Fetch refuses the ports browsers block (6000, 10080, …); Chromium says ERR_UNSAFE_PORT.
  if (messageOf(cause) === 'bad port') return { code: 'ERR_UNSAFE_PORT', message: 'bad port' };
  const code = codeOf(cause);
  if (code === undefined) return undefined;
  const mapped = UNDICI_CODES[code] ?? code;
  // undici's other codes (invalid argument, closed client, …) are our mistakes, not the network's.
  if (mapped.startsWith('UND_ERR_')) return undefined;
  return { code: mapped, message: messageOf(cause) };
}

function translateFetchError(error: unknown, host: string): LicensingError {
  if (messageOf(error) === REDIRECT_CANCELLED) {
    return new LicensingError('protocol', net.redirectNotFollowed({ host }), {
      cause: new RedirectNotFollowed(),
    });
  }
  const failure = failureOf(error);
  if (failure) return networkError(host, failure);
  // Only the error's kind as the cause: fetch's own messages quote a refused header's value or
  // the whole URL, which may hold a key.
  const kind = new Error(error instanceof Error ? error.name : typeof error);
  return new LicensingError('internal', net.talkingFailed({ host }), { cause: kind });
}
