import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import {
  cleanServerText,
  parseRetryAfter,
  statusOnlyError,
  waitSeconds,
  withServerText,
} from './wire-helpers';

/**
 * What an Eniris refusal means for the person in front of the app. Errors come in Fastify's
 * envelope `{statusCode, error, message}` (+ `retryAfter` on 429, contract §4.4); the status
 * carries the meaning, the message only adds detail. Messages never contain tokens, keys or
 * passwords: the server's words are shown only after those are blanked out.
 */

/** The API call that failed, with the ids a message may name (never the licence key). */
export type EnirisRequest =
  | { readonly operation: 'activate' }
  | { readonly operation: 'claim'; readonly nodeId: string }
  | { readonly operation: 'controller'; readonly nodeId: string }
  | { readonly operation: 'customer'; readonly customerId: string };

export interface FailureContext {
  readonly host: string;
  readonly now: number;
  /** Values we sent that the server might echo back. */
  readonly secrets: readonly string[];
}

export const sessionExpired = (): LicensingError =>
  new LicensingError('invalid_credentials', 'Your Eniris session has expired. Sign in again.');

export const notSignedIn = (): LicensingError =>
  new LicensingError('invalid_credentials', 'Sign in to Eniris first.');

/** A 401 even with an access token minted a moment ago: renewing again would not help. */
export const refusedAfterRenewal = (): LicensingError =>
  new LicensingError(
    'invalid_credentials',
    "Eniris refused this request even with a freshly issued access token. Sign in again; if it keeps happening, check that this computer's clock is right.",
  );

interface Envelope {
  /** The server's own words, cleaned, for messages. */
  readonly text?: string;
  /** The bare `message` field, for recognising documented codes such as PASSWORD_INCORRECT. */
  readonly code: string;
}

function envelope(body: unknown, secrets: readonly string[]): Envelope {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof record.message === 'string' ? record.message : undefined;
  const error = typeof record.error === 'string' ? record.error : undefined;
  // A proxy's HTML error page says nothing a person could use.
  const plain = typeof body === 'string' && !/^\s*</.test(body) ? body : undefined;
  const raw = message ?? error ?? plain;
  return {
    text: raw === undefined ? undefined : cleanServerText(raw, secrets),
    code: (message ?? '').trim().toUpperCase(),
  };
}

/** "45 seconds", "3 minutes", "2 hours": a wait a person can picture. */
export function describeWait(seconds: number): string {
  if (seconds <= 1) return 'a second';
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

/** The wait a 429 asks for: Eniris puts it in the body (`retryAfter`), proxies in the header. */
export function retryAfterOf(response: HttpResponse, now: number): number | undefined {
  const body = response.body;
  if (typeof body === 'object' && body !== null && 'retryAfter' in body) {
    const value: unknown = body.retryAfter;
    // Safe integers only (see waitSeconds): 1e300 seconds is no wait a person can be told.
    if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(Math.ceil(value))) {
      return Math.ceil(value);
    }
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return waitSeconds(value);
  }
  return parseRetryAfter(response.headers['retry-after'], now);
}

function rateLimited(response: HttpResponse, ctx: FailureContext): LicensingError {
  const retryAfterSeconds = retryAfterOf(response, ctx.now);
  const when =
    retryAfterSeconds === undefined
      ? 'Wait a minute and try again.'
      : `Try again in ${describeWait(retryAfterSeconds)}.`;
  const what =
    envelope(response.body, []).code === 'TOO_MANY_FAILED_PASSWORD_CHECKS'
      ? 'There were too many failed sign-in attempts for this Eniris account.'
      : 'Eniris is receiving too many requests from this computer.';
  return new LicensingError('rate_limited', `${what} ${when}`, { retryAfterSeconds });
}

/** What the status says on every Eniris endpoint alike: 429, 5xx, redirects, the unexpected. */
export function commonFailure(response: HttpResponse, ctx: FailureContext): LicensingError {
  if (response.status === 429) return rateLimited(response, ctx);
  if (response.status >= 500) {
    return new LicensingError(
      'server_error',
      `Eniris had a problem (HTTP ${response.status}). Try again in a few minutes.`,
    );
  }
  return statusOnlyError(response, {
    ...ctx,
    serverText: envelope(response.body, ctx.secrets).text,
  });
}

/** POST /auth/login refused. */
export function loginFailure(response: HttpResponse, ctx: FailureContext): LicensingError {
  const { text, code } = envelope(response.body, ctx.secrets);
  switch (response.status) {
    case 400:
      return new LicensingError(
        'invalid_input',
        withServerText('Eniris refused the sign-in details as malformed.', text),
      );
    case 401:
      return new LicensingError(
        'invalid_credentials',
        'Eniris did not accept this username and password. Check them and try again.',
      );
  }
  // Documented as a 500, but no retry will fix it: the account has no password to check.
  if (code === 'NO_PASSWORD_INFO') {
    return new LicensingError(
      'invalid_credentials',
      'Eniris has no password for this account. Check the username; if it is right, set a password in the Eniris portal first.',
    );
  }
  return commonFailure(response, ctx);
}

const target = (request: EnirisRequest): string => {
  switch (request.operation) {
    case 'activate':
      return 'this licence';
    case 'claim':
      return `this licence or controller "${request.nodeId}"`;
    case 'controller':
      return `controller "${request.nodeId}"`;
    case 'customer':
      return `customer ${request.customerId}`;
  }
};

/** Fastify's own 404 for a path it has no route for: the address is wrong, not the id. */
const isMissingRoute = (text: string | undefined): boolean =>
  text !== undefined && /^Route \S+ not found/i.test(text);

// Claiming a licence linked elsewhere is undocumented (contract §4.5): a 409, or a 400/403 whose
// message says so.
const isClaimConflict = (status: number, text: string | undefined): boolean =>
  status === 409 ||
  ((status === 400 || status === 403) &&
    /\b(already|another|other (node|controller)|claimed|linked)\b/i.test(text ?? ''));

export const unknownKey = (): LicensingError =>
  new LicensingError('invalid_key', 'Eniris does not know this licence key. Check it for typos.');

export const unknownNode = (nodeId: string): LicensingError =>
  new LicensingError(
    'invalid_input',
    `Eniris does not know a controller with node id "${nodeId}". Check the node id.`,
  );

/**
 * A claim's 404 whose message does not say what was missing: the key or the controller. The
 * caller may find out (see eniris.ts); the fallback message names both.
 */
export function isAmbiguousClaimNotFound(response: HttpResponse): boolean {
  const { text } = envelope(response.body, []);
  return (
    response.status === 404 && !isMissingRoute(text) && claimNotFoundSubject(text) === undefined
  );
}

function claimNotFoundSubject(text: string | undefined): 'node' | 'key' | undefined {
  if (text === undefined) return undefined;
  if (/\b(node|controller|device|datalink)/i.test(text)) return 'node';
  if (/\b(licen[cs]e|key)/i.test(text)) return 'key';
  return undefined;
}

function notFound(request: EnirisRequest, text: string | undefined): LicensingError {
  switch (request.operation) {
    case 'activate':
      return unknownKey();
    case 'claim': {
      const subject = claimNotFoundSubject(text);
      if (subject === 'node') return unknownNode(request.nodeId);
      if (subject === 'key') return unknownKey();
      return new LicensingError(
        'invalid_key',
        `Eniris does not know this licence key or controller "${request.nodeId}". Check both for typos.`,
      );
    }
    case 'controller':
      return unknownNode(request.nodeId);
    case 'customer':
      return new LicensingError(
        'invalid_input',
        `Eniris does not know a customer with id ${request.customerId}. Check the customer id.`,
      );
  }
}

/** An API call refused for a reason other than a stale access token (401 is the caller's job). */
export function apiFailure(
  response: HttpResponse,
  request: EnirisRequest,
  ctx: FailureContext,
): LicensingError {
  const { text } = envelope(response.body, ctx.secrets);
  const { status } = response;
  if (request.operation === 'claim' && isClaimConflict(status, text)) {
    return new LicensingError(
      'seat_unavailable',
      withServerText(
        'This licence is already linked to another controller. Use another licence, or unlink it there first.',
        text,
      ),
    );
  }
  if (status === 400) {
    return new LicensingError(
      'invalid_input',
      withServerText('Eniris refused the request as invalid.', text),
    );
  }
  if (status === 403) {
    return new LicensingError(
      'unauthorized',
      `Your Eniris account has no rights on ${target(request)}. Ask your Eniris administrator for access.`,
    );
  }
  if (status === 404 && !isMissingRoute(text)) return notFound(request, text);
  return commonFailure(response, ctx);
}
