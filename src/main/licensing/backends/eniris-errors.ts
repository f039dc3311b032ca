import type { Text } from '../../../shared/text';
import { eniris } from '../../../shared/texts/eniris.en';
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
  new LicensingError('invalid_credentials', eniris.sessionExpired());

export const notSignedIn = (): LicensingError =>
  new LicensingError('invalid_credentials', eniris.notSignedIn());

/** A 401 even with an access token minted a moment ago: renewing again would not help. */
export const refusedAfterRenewal = (): LicensingError =>
  new LicensingError('invalid_credentials', eniris.refusedAfterRenewal());

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
  const wait = retryAfterSeconds === undefined ? {} : { seconds: retryAfterSeconds };
  const message =
    envelope(response.body, []).code === 'TOO_MANY_FAILED_PASSWORD_CHECKS'
      ? eniris.tooManyFailedSignIns(wait)
      : eniris.tooManyRequests(wait);
  return new LicensingError('rate_limited', message, { retryAfterSeconds });
}

/** What the status says on every Eniris endpoint alike: 429, 5xx, redirects, the unexpected. */
export function commonFailure(response: HttpResponse, ctx: FailureContext): LicensingError {
  if (response.status === 429) return rateLimited(response, ctx);
  if (response.status >= 500) {
    return new LicensingError('server_error', eniris.serverTrouble({ status: response.status }));
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
      return new LicensingError('invalid_input', withServerText(eniris.signInMalformed(), text));
    case 401:
      return new LicensingError('invalid_credentials', eniris.wrongCredentials());
  }
  // Documented as a 500, but no retry will fix it: the account has no password to check.
  if (code === 'NO_PASSWORD_INFO') {
    return new LicensingError('invalid_credentials', eniris.noPassword());
  }
  return commonFailure(response, ctx);
}

const target = (request: EnirisRequest): Text => {
  switch (request.operation) {
    case 'activate':
      return eniris.targetLicence();
    case 'claim':
      return eniris.targetLicenceOrController({ nodeId: request.nodeId });
    case 'controller':
      return eniris.targetController({ nodeId: request.nodeId });
    case 'customer':
      return eniris.targetCustomer({ customerId: request.customerId });
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
  new LicensingError('invalid_key', eniris.unknownKey());

export const unknownNode = (nodeId: string): LicensingError =>
  new LicensingError('invalid_input', eniris.unknownNode({ nodeId }));

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
      return new LicensingError('invalid_key', eniris.unknownKeyOrNode({ nodeId: request.nodeId }));
    }
    case 'controller':
      return unknownNode(request.nodeId);
    case 'customer':
      return new LicensingError(
        'invalid_input',
        eniris.unknownCustomer({ customerId: request.customerId }),
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
    return new LicensingError('seat_unavailable', withServerText(eniris.alreadyLinked(), text));
  }
  if (status === 400) {
    return new LicensingError('invalid_input', withServerText(eniris.requestInvalid(), text));
  }
  if (status === 403) {
    return new LicensingError('unauthorized', eniris.noRights({ target: target(request) }));
  }
  if (status === 404 && !isMissingRoute(text)) return notFound(request, text);
  return commonFailure(response, ctx);
}
