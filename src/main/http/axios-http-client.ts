import type https from 'node:https';
import type { AxiosError, AxiosStatic } from 'axios';
import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import type { TrustedCas } from '../net/ca-bundle';
import { proxyFromEnvironment } from '../net/proxy-env';
import type { ProxyResolver } from '../net/proxy-route';
import type { UnreachableProxies } from '../net/unreachable-proxies';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import { cancelledError, networkError, oversizedError, timeoutError } from './network-errors';
import {
  createTransports,
  proxyErrorFor,
  proxyStatusError,
  type RequestTransport,
} from './proxy-transport';
import { requestDeadline } from './request-deadline';
import { buildHeaders, checkUrl, serialiseBody } from './request-shape';
import { lowerCaseHeaders, parseBody } from './response-body';

export interface AxiosHttpClientOptions {
  /** Whole-request deadline (connect, send, wait, read) when a request sets none. */
  readonly defaultTimeoutMs?: number;
  readonly userAgent?: string;
  /** Replies larger than this are refused: no licensing answer is anywhere near 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * The agent for https requests: hub clients pass one that pins a self-signed certificate by
   * fingerprint. Default: a keep-alive agent with the system's CA checks. Requests made with a
   * caller's agent never go through a proxy.
   */
  readonly httpsAgent?: https.Agent;
  /**
   * Which proxy each request goes through. Default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (the CLI,
   * the browser host); the Electron app passes Chromium's resolver (system proxy, PAC).
   */
  readonly resolveProxy?: ProxyResolver;
  /** Trusted CA certificates (PEM), replacing Node's defaults: see net/ca-bundle.ts. */
  readonly ca?: TrustedCas;
  /**
   * How long a proxy (or the server, for DIRECT with a route after it) may take to accept a
   * connection before the next route is tried; 5 s.
   */
  readonly proxyConnectTimeoutMs?: number;
  /** Proxies that could not be reached lately, shared with the connection test; default: own. */
  readonly unreachableProxies?: UnreachableProxies;
}

/**
 * axios is loaded with the first request, not at start-up: requiring it costs ~50 ms, which
 * would delay every window and every CLI call, even those that never go to the network.
 */
let loading: Promise<AxiosStatic> | undefined;
const loadAxios = (): Promise<AxiosStatic> =>
  (loading ??= import('axios').then((module) => module.default));

const DEFAULTS = {
  defaultTimeoutMs: 10_000,
  userAgent: 'license-manager',
  maxBodyBytes: 1024 * 1024,
} as const;

/**
 * The HTTP client of the app, the CLI and the tests, over Node's sockets. It resolves for every
 * status and rejects only with LicensingError (`offline`, `timeout`, `protocol`, `config`), so
 * adapters deal with HTTP semantics and never with socket errors.
 */
export function createAxiosHttpClient(options: AxiosHttpClientOptions = {}): HttpClient {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULTS.defaultTimeoutMs;
  const userAgent = options.userAgent ?? DEFAULTS.userAgent;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  // Made with the first request: the CAs may still be on their way (the app reads this computer's
  // store off the main thread), and a client that never sends needs no TLS context.
  let made: Promise<ReturnType<typeof createTransports>> | undefined;
  const transportsMade = () =>
    (made ??= Promise.resolve(options.ca).then((ca) =>
      createTransports({
        resolveProxy: options.resolveProxy ?? proxyFromEnvironment(),
        ca,
        httpsAgent: options.httpsAgent,
        proxyTimeouts: {
          timeoutMs: defaultTimeoutMs,
          connectTimeoutMs: options.proxyConnectTimeoutMs,
        },
        unreachableProxies: options.unreachableProxies,
      }),
    ));

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const url = checkUrl(req.url);
    const host = url.host;
    const transports = await transportsMade();
    const routes = await transports.forUrl(url, req.route);
    const axios = await loadAxios();
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
    // One deadline over every route tried.
    const deadline = requestDeadline(req, timeoutMs);

    const send = async (transport: RequestTransport): Promise<HttpResponse> => {
      const response = await axios.request<string>({
        method: req.method,
        url: req.url,
        headers: buildHeaders(req, userAgent),
        data: serialiseBody(req),
        signal: deadline.signal,
        timeout: 0,
        responseType: 'text',
        responseEncoding: 'utf8',
        // Identity transforms: we serialise and parse ourselves, so broken JSON is visible.
        transformRequest: [(data: unknown) => data],
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        // Never follow redirects: a redirect would carry the API key to wherever it points, and
        // a licensing API has no business redirecting a POST. Adapters see the 3xx instead.
        maxRedirects: 0,
        maxContentLength: maxBodyBytes,
        httpAgent: transport.httpAgent,
        httpsAgent: transport.httpsAgent,
        proxy: transport.proxy,
      });
      const rawHeaders =
        response.headers instanceof axios.AxiosHeaders
          ? response.headers.toJSON()
          : response.headers;
      const headers = lowerCaseHeaders(rawHeaders);
      const refusedByProxy = proxyStatusError(
        transport,
        { status: response.status, headers },
        host,
      );
      if (refusedByProxy) throw refusedByProxy;
      const rawBody = typeof response.data === 'string' ? response.data : '';
      return {
        status: response.status,
        headers,
        rawBody,
        body: parseBody(rawBody, headers['content-type'], host),
      };
    };

    /** Sends over routes[index]; a route whose first hop cannot be reached hands over to the next. */
    const attempt = async (index: number): Promise<HttpResponse> => {
      const transport = routes[index] as RequestTransport;
      try {
        return await send(transport);
      } catch (error) {
        if (error instanceof LicensingError) throw error;
        if (deadline.timedOut()) throw timeoutError(host, timeoutMs);
        if (axios.isCancel(error) || req.signal?.aborted) throw cancelledError(host);
        const code = axios.isAxiosError(error) ? (error.code ?? causeCode(error)) : '';
        const next = index + 1 < routes.length;
        if (transports.routeUnreachable(transport, error) && next) return attempt(index + 1);
        throw (
          proxyErrorFor(transport, error, code, host) ??
          translateAxiosError(axios, error, host, maxBodyBytes)
        );
      }
    };

    try {
      return await attempt(0);
    } finally {
      deadline.end();
    }
  }

  return { request };
}

function translateAxiosError(
  axios: AxiosStatic,
  error: unknown,
  host: string,
  maxBodyBytes: number,
): LicensingError {
  const { AxiosError } = axios;
  if (!(error instanceof AxiosError)) {
    return new LicensingError('internal', net.talkingFailed({ host }), {
      cause: error instanceof Error ? new Error(error.message) : undefined,
    });
  }
  if (error.code === AxiosError.ERR_BAD_RESPONSE && /maxContentLength/.test(error.message)) {
    return oversizedError(host, maxBodyBytes);
  }
  // The other ERR_BAD_RESPONSE is "stream has been aborted": the peer cut the reply short.
  const code =
    error.code === AxiosError.ERR_BAD_RESPONSE ? 'ECONNRESET' : (error.code ?? causeCode(error));
  return networkError(host, { code, message: error.message });
}

const causeCode = (error: AxiosError): string => {
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) {
    return String(cause.code);
  }
  return '';
};
