import { createAxiosHttpClient, type AxiosHttpClientOptions } from '../http/axios-http-client';
import { createFetchHttpClient, type FetchLike } from '../http/fetch-http-client';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/http-client';
import { withWindowsProxySignIn } from '../http/windows-proxy-sign-in';
import { LicensingError } from '../licensing/licensing-error';
import { hubName, type HubRecord } from './hub-records';
import {
  certificateChanged,
  isCertificateFailure,
  PinnedAgent,
  untrustedCertificate,
} from './hub-tls';

/**
 * The HttpClient of one hub. For https hubs with a pin, its agent accepts only the pinned
 * certificate; a TLS failure is then explained in the hub's terms (a changed certificate, or an
 * unpinned self-signed one to review). A request on a kept-alive connection that the hub closed
 * meanwhile (restart, replacement) is sent once more on a fresh connection: every MobiusFlow call
 * can be repeated safely (a spent refresh token only leads to a new sign-in).
 */

/**
 * The app's network settings as they apply to hubs: the proxy decision (system or *_PROXY, whose
 * bypass lists normally keep site-LAN addresses direct) and the trusted CAs (the company CA
 * bundle, this computer's store in the Electron app), for hubs with a CA-signed certificate. A pinned hub trusts its pin alone and is reached directly.
 */
export type HubNetwork = Pick<
  AxiosHttpClientOptions,
  'resolveProxy' | 'unreachableProxies' | 'ca'
> & {
  /** The Electron app's: Chromium's stack, for a proxy that asks for Windows sign-in. */
  readonly chromiumFetch?: FetchLike;
};

export interface HubTransport {
  readonly http: HttpClient;
  /** Set for pinned hubs: destroy it to close the hub's connections. */
  readonly agent?: PinnedAgent;
}

/** The http client's words for a connection cut before any answer (see network-errors.ts). */
const wasCutOff = (error: unknown): boolean => {
  if (!(error instanceof LicensingError) || error.code !== 'offline') return false;
  const cause: unknown = error.cause;
  return cause instanceof Error && /ECONNRESET|EPIPE|socket hang up/i.test(cause.message);
};

export function hubTransport(
  record: HubRecord,
  timeoutMs: number,
  network: HubNetwork = {},
): HubTransport {
  const label = hubName(record);
  const pin = record.scheme === 'https' ? record.tlsFingerprint : undefined;
  let presented: string | undefined;
  const agent =
    pin === undefined
      ? undefined
      : new PinnedAgent(pin, (fingerprint) => {
          presented = fingerprint;
        });
  const { chromiumFetch, ...routes } = network;
  const overNode = createAxiosHttpClient({
    defaultTimeoutMs: timeoutMs,
    ...(agent ? { httpsAgent: agent } : routes),
  });
  // A pinned hub is reached directly, never through a proxy that could ask for sign-in.
  const inner =
    agent || !chromiumFetch
      ? overNode
      : withWindowsProxySignIn(
          overNode,
          createFetchHttpClient({ fetch: chromiumFetch, defaultTimeoutMs: timeoutMs }),
        );

  async function send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await inner.request(request);
    } catch (error) {
      const changedTo = presented;
      presented = undefined;
      if (pin !== undefined && changedTo !== undefined) {
        throw certificateChanged(label, pin, changedTo);
      }
      const untrusted =
        pin === undefined &&
        record.scheme === 'https' &&
        error instanceof LicensingError &&
        isCertificateFailure(error);
      throw untrusted ? untrustedCertificate(label) : error;
    }
  }

  const http: HttpClient = {
    async request(request) {
      try {
        return await send(request);
      } catch (error) {
        if (!wasCutOff(error) || request.signal?.aborted) throw error;
        return send(request);
      }
    },
  };
  return { http, agent };
}
