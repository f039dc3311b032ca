import type { ProxyRoute } from '../net/proxy-route';

/**
 * The narrow HTTP boundary every adapter talks through. The app, the CLI and the tests use the
 * axios implementation (`createAxiosHttpClient`); the Electron app gets the system proxy by handing
 * it Chromium's proxy resolver (src/main/shell/system-proxy.ts), and sends through Chromium's own
 * stack (`createFetchHttpClient` over net.fetch) only once a proxy asks for Windows sign-in
 * (windows-proxy-sign-in.ts). Both keep the same deadlines, limits and error words. Tests use
 * in-memory fakes of this interface.
 *
 * `request` resolves for every HTTP status (adapters decide what a 4xx means) and rejects only
 * with a LicensingError: `offline` (DNS, refused, reset), `timeout`, or `protocol` (a body that
 * is not JSON when JSON was expected).
 */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON. */
  readonly body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of `body` (OAuth token requests). */
  readonly form?: Readonly<Record<string, string>>;
  /** Per-request deadline; the client's default applies when absent. */
  readonly timeoutMs?: number;
  /**
   * This way only, instead of the proxy setting's routes: the connection test's HTTP step goes
   * the way its other steps tested. A client with its own https agent always goes direct.
   */
  readonly route?: ProxyRoute;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, the raw text when the body is not JSON, or undefined when empty. */
  readonly body: unknown;
  /** The body exactly as received, for signature checks. */
  readonly rawBody: string;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}
