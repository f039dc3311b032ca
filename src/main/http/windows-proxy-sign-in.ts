import { LicensingError } from '../licensing/licensing-error';
import { ProxyFailure } from '../net/proxy-dialogue';
import type { HttpClient } from './http-client';

/** Whether `error` is a proxy's 407 asking for Windows sign-in (Negotiate or NTLM). */
export const asksWindowsSignIn = (error: unknown): boolean =>
  error instanceof LicensingError &&
  error.cause instanceof ProxyFailure &&
  error.cause.asksWindowsSignIn;

export interface WindowsProxySignIn extends HttpClient {
  /** Whether a proxy asked for Windows sign-in, so requests now go through Chromium's stack. */
  readonly throughChromium: () => boolean;
}

/**
 * The Electron app's client where a company proxy asks for Windows sign-in (Negotiate, which is
 * Kerberos or NTLM, or NTLM itself): Node cannot sign in as the logged-on user, Chromium's network
 * stack can, as the browser does. Requests go over Node's client (the app's proxy routes, CA
 * bundle and deadlines) until a proxy answers 407 with such a challenge; that request, and every
 * later one of this run, then goes through Chromium. A 407 means the proxy stopped the request
 * before the server saw it, so sending it again is safe.
 */
export function withWindowsProxySignIn(node: HttpClient, chromium: HttpClient): WindowsProxySignIn {
  let throughChromium = false;
  return {
    throughChromium: () => throughChromium,
    async request(request) {
      if (throughChromium) return chromium.request(request);
      try {
        return await node.request(request);
      } catch (error) {
        if (!asksWindowsSignIn(error)) throw error;
        throughChromium = true;
        return chromium.request(request);
      }
    },
  };
}
