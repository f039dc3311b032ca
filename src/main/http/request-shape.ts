import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import type { HttpRequest } from './http-client';

/**
 * A request as it goes on the wire, the same whichever client sends it (axios over Node's
 * sockets, or Chromium's network stack): its URL checked, its body serialised, its headers.
 */

export function serialiseBody(req: HttpRequest): string | undefined {
  if (req.form) return new URLSearchParams(req.form).toString();
  return req.body === undefined ? undefined : JSON.stringify(req.body);
}

function contentTypeOf(req: HttpRequest): string | false {
  if (req.form) return 'application/x-www-form-urlencoded';
  // Without a body axios would claim a form body (x-www-form-urlencoded); `false` sends no type.
  return req.body === undefined ? false : 'application/json';
}

export function buildHeaders(req: HttpRequest, userAgent: string): Record<string, string | false> {
  const headers: Record<string, string | false> = { 'User-Agent': userAgent, ...req.headers };
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (!hasContentType) headers['Content-Type'] = contentTypeOf(req);
  return headers;
}

/** Refuses what is not an http(s) URL before anything is sent. */
export function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LicensingError('config', net.addressNotUrl());
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new LicensingError('config', net.addressNotHttp({ protocol: parsed.protocol }));
  }
  return parsed;
}
