import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import type { z } from 'zod';
import { issuesAsTexts, issueText } from '../../../shared/issue-text';
import type { Text } from '../../../shared/text';
import { common } from '../../../shared/texts/common.en';

/**
 * Small pieces every HTTP adapter needs in the same form: the base URL check, the 2xx test,
 * parsing a reply against its schema, cleaning a server's own words before they reach a message,
 * Retry-After, and what the HTTP status alone says when no protocol-specific meaning applies
 * (redirects, 404, 408, 429, 5xx).
 */

export const isSuccess = (response: HttpResponse): boolean =>
  response.status >= 200 && response.status < 300;

/** Accepts `http(s)://host:port` (an optional path prefix is kept, without its trailing slash). */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LicensingError('config', common.addressNotUrl());
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LicensingError('config', common.addressNotHttp());
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const MAX_SERVER_TEXT = 200;

/**
 * A server's message made safe to show: control characters flattened, every secret we sent (or
 * hold) blanked out in case the server echoes it, and the length capped. Undefined when nothing is
 * left to show.
 */
export function cleanServerText(raw: string, secrets: readonly string[]): string | undefined {
  // Blank before reshaping too: once spaces collapse or control characters change, an echoed
  // secret (a password with a tab, two spaces) would no longer match.
  let text = blankSecrets(raw, secrets)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
  text = blankSecrets(text, secrets);
  if (text.length > MAX_SERVER_TEXT) text = `${text.slice(0, MAX_SERVER_TEXT - 1)}…`;
  return text === '' ? undefined : text;
}

/** Every secret (and its whitespace-collapsed form) replaced by dots. */
export function blankSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, secret.replace(/\s+/g, ' ').trim()])) {
      if (form) result = result.split(form).join('•••');
    }
  }
  return result;
}

/** Our sentence, followed by the server's own words when it gave any (quoted, never translated). */
export const withServerText = (message: Text, text: string | undefined): Text =>
  text ? common.withServerText({ message, server: text }) : message;

/**
 * What the status alone means, for replies the protocol gives no meaning of its own:
 * 3xx and 404 point at a wrong address, 408 is a timeout, 429 asks us to wait, 5xx is the
 * server's own trouble, and anything else is an answer outside the contract.
 */
export function statusOnlyError(
  response: HttpResponse,
  ctx: { readonly host: string; readonly now: number; readonly serverText?: string },
): LicensingError {
  const { status } = response;
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], ctx.now);
    return new LicensingError(
      'rate_limited',
      common.tooManyRequests(retryAfterSeconds === undefined ? {} : { seconds: retryAfterSeconds }),
      { retryAfterSeconds },
    );
  }
  if (status === 408) {
    return new LicensingError('timeout', common.serverGaveUp({ host: ctx.host }));
  }
  if (status >= 500) {
    return new LicensingError('server_error', common.serverTrouble({ status }));
  }
  if (status === 404) {
    return new LicensingError('protocol', common.noLicensingService({ host: ctx.host }));
  }
  if (status >= 300 && status < 400) {
    return new LicensingError('protocol', common.redirected({ host: ctx.host, status }));
  }
  return new LicensingError(
    'protocol',
    withServerText(common.unexpectedStatus({ host: ctx.host, status }), ctx.serverText),
  );
}

/** Parses a 2xx body; anything that does not fit is a `protocol` error and nothing else. */
export function parseReply<S extends z.ZodType>(
  schema: S,
  body: unknown,
  host: string,
): z.output<S> {
  const result = schema.safeParse(body, issuesAsTexts);
  if (result.success) return result.data;
  // The cause keeps zod's issue list for logs; zod does not copy input values into issues.
  // The advice matters: without it the person learns what went wrong but not what to do.
  throw new LicensingError(
    'protocol',
    common.replyNotUnderstood({ host, mismatch: describeMismatch(body, result.error) }),
    { cause: result.error },
  );
}

function describeMismatch(body: unknown, error: z.ZodError): Text {
  if (body === undefined || body === null) return common.replyEmpty();
  if (typeof body === 'string') {
    return /^\s*</.test(body) ? common.replyWebPage() : common.replyPlainText();
  }
  if (typeof body !== 'object' || Array.isArray(body)) return common.replyNotObject();
  const issue = error.issues[0];
  if (!issue) return common.replyShape();
  return common.replyField({ field: issue.path.map(String).join('.'), problem: issueText(issue) });
}

/**
 * A wait in whole seconds as a server wrote it, or undefined when it is no usable number. More
 * than 15 digits is no real wait: Number() made 400 digits Infinity, which the IPC contract
 * refuses (every view carrying the error then failed as `internal`), and 17 an inexact number.
 */
export function waitSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return waitSeconds(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
