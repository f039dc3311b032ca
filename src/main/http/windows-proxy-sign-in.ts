import { LicensingError } from '../licensing/licensing-error';
import { ProxyFailure } from '../net/proxy-dialogue';
import { proxyAddress } from '../net/proxy-route';
import type { HttpClient, HttpRequest } from './http-client';

/** The proxy (host:port) behind `error` when it is a 407 asking for Windows sign-in. */
export const proxyAskingWindowsSignIn = (error: unknown): string | undefined =>
  error instanceof LicensingError &&
  error.cause instanceof ProxyFailure &&
  error.cause.asksWindowsSignIn
    ? error.cause.proxy
    : undefined;

export interface WindowsProxySignIn extends HttpClient {
  /** The proxy (host:port) that asked for Windows sign-in, once one has: requests now go through Chromium. */
  readonly signInProxy: () => string | undefined;
}

/**
 * The Electron app's client where a company proxy asks for Windows sign-in (Negotiate, which is
 * Kerberos or NTLM, or NTLM itself): Node cannot sign in as the logged-on user, Chromium's network
 * stack can, as the browser does. Requests go over Node's client (the app's proxy routes, CA
 * bundle and deadlines) until a proxy answers 407 with such a challenge; that request, and every
 * later one of this run, then goes through Chromium. A 407 means the proxy stopped the request
 * before the server saw it, so sending it again is safe: through a tunnel only the proxy's answer
 * to CONNECT counts (a server's own 407 is its answer, handed back); a forwarded plain-http 407
 * could be a server's only by breaking HTTP, and plain http goes only to this computer and to
 * hubs, whose calls can all be repeated.
 */
export function withWindowsProxySignIn(
  node: HttpClient,
  chromium: HttpClient,
  /** Told once, with the proxy's host:port, when requests move to Chromium (the recent log). */
  onSwitch?: (proxy: string) => void,
): WindowsProxySignIn {
  /** The proxy that asked, once one has. */
  let signInProxy: string | undefined;
  /**
   * Chromium takes its own route: a request pinned to another one (the connection test trying
   * DIRECT or a backup proxy) still goes over Node, the way it asked.
   */
  const chromiumTakes = (request: HttpRequest): boolean =>
    signInProxy !== undefined &&
    (request.route === undefined ||
      (request.route.kind !== 'direct' && proxyAddress(request.route) === signInProxy));
  return {
    signInProxy: () => signInProxy,
    async request(request) {
      if (chromiumTakes(request)) return chromium.request(request);
      try {
        return await node.request(request);
      } catch (error) {
        const proxy = proxyAskingWindowsSignIn(error);
        if (proxy === undefined) throw error;
        if (signInProxy === undefined) {
          signInProxy = proxy;
          onSwitch?.(proxy);
        }
        return chromium.request(request);
      }
    },
  };
}
