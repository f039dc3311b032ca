import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { errorReason } from './flecs-wire';
import { cleanServerText, statusOnlyError, withServerText, blankSecrets } from './wire-helpers';

/**
 * What a FLECS Console refusal means for the person in front of the app. Error bodies are
 * `{reason?, statusCode?, statusText?}`; the console uses 403 for most refusals and tells them
 * apart only by `reason`, so the reason's wording is read where the status is not enough.
 */

export type FlecsOperation =
  'login' | 'activate-user' | 'activate-key' | 'activate-serial' | 'validate';

export interface FlecsFailureContext {
  readonly operation: FlecsOperation;
  readonly host: string;
  /** Values the console might echo (password, JWT, key, session ids): blanked from its words. */
  readonly secrets: readonly string[];
  /** For Retry-After given as a date. */
  readonly now: number;
}

export const NO_USER_LICENCE =
  'Your FLECS account has no unused licence. Buy one or ask your administrator.';
export const SIGN_IN_AGAIN = 'Your FLECS sign-in has expired or is not valid. Sign in again.';
const BAD_CREDENTIALS =
  'The FLECS console did not accept this account name and password. Check them and try again.';
const KEY_IN_USE =
  'This licence key is already in use on another device. Use another key, or ask your administrator to release it.';
const KEY_REFUSED = 'The FLECS console does not accept this licence key. Check it for typos.';
const SERIAL_REFUSED =
  "The FLECS console does not accept this device's serial number. Sign in to use a licence from your FLECS account, or enter a licence key instead.";

const MISSING_HEADER = /missing header/i;
const NO_LICENCE_LEFT = /\bno\b.*\blicen[cs]e/i;
const SIGN_IN_PROBLEM = /\b(?:jwt|token|bearer|expired|unauthori[sz]ed|sign.?in|log.?in)\b/i;
const KEY_BOUND_ELSEWHERE =
  /another device|other device|already (?:bound|activated|in use|used)|\bbound\b|\bin use\b/i;

/** Maps a non-2xx reply to the error to throw. */
export function flecsFailure(response: HttpResponse, ctx: FlecsFailureContext): LicensingError {
  const reason = errorReason(response.body) ?? '';
  const text = readableReason(reason, ctx.secrets);
  const { status } = response;
  if (status === 400 || status === 422) {
    return new LicensingError(
      'invalid_input',
      withServerText('The FLECS console says the request is invalid.', text),
    );
  }
  if (status === 401 || status === 403) return refusal(ctx.operation, status, reason, text);
  return statusOnlyError(response, { host: ctx.host, now: ctx.now, serverText: text });
}

function refusal(
  operation: FlecsOperation,
  status: number,
  reason: string,
  text: string | undefined,
): LicensingError {
  // The console's login reason is already written for a person ("Sorry, the password you
  // entered is incorrect…"), so it is the message itself.
  if (operation === 'login')
    return new LicensingError('invalid_credentials', text ?? BAD_CREDENTIALS);
  if (MISSING_HEADER.test(reason)) return missingCredentials(operation);
  switch (operation) {
    case 'activate-user':
      if (status === 401 || SIGN_IN_PROBLEM.test(reason)) {
        return new LicensingError('invalid_credentials', SIGN_IN_AGAIN);
      }
      // 403 with a bearer is documented as "no user license available"; other wording keeps
      // the code but shows the console's words, since it may say something more precise.
      return new LicensingError(
        'seat_unavailable',
        NO_LICENCE_LEFT.test(reason) ? NO_USER_LICENCE : withServerText(NO_USER_LICENCE, text),
      );
    case 'activate-key':
      return KEY_BOUND_ELSEWHERE.test(reason)
        ? new LicensingError('invalid_key', KEY_IN_USE)
        : new LicensingError('invalid_key', withServerText(KEY_REFUSED, text));
    case 'activate-serial':
      return new LicensingError('invalid_key', withServerText(SERIAL_REFUSED, text));
    case 'validate':
      return new LicensingError(
        'not_activated',
        'The FLECS console no longer recognises this device. Activate it again.',
      );
  }
}

/** 403 "Missing Header: Authorization": the console found nothing in the request to go on. */
function missingCredentials(operation: Exclude<FlecsOperation, 'login'>): LicensingError {
  const message: Readonly<Record<typeof operation, string>> = {
    'activate-user': 'The FLECS console did not receive your sign-in. Sign in again.',
    'activate-key': 'The FLECS console did not receive a licence key. Enter the key again.',
    'activate-serial':
      'The FLECS console cannot activate this device by its serial number alone. Sign in to use a licence from your FLECS account, or enter a licence key.',
    validate: "The FLECS console did not receive this device's session. Activate it again.",
  };
  return new LicensingError('invalid_input', message[operation]);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
  '&amp;': '&',
};

/**
 * The console's reason as plain text: its login reason carries an HTML link, which becomes
 * "recover your account (https://…)" so the address stays usable; other tags are dropped.
 */
export function readableReason(reason: string, secrets: readonly string[]): string | undefined {
  // Secrets go first, while the text is still exactly what the server echoed.
  const text = blankSecrets(reason, secrets)
    .replace(
      /<a\b[^>]*?\bhref\s*=\s*(["'])(https?:\/\/[^"'\s]+)\1[^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_match, _quote: string, href: string, label: string) => `${label} (${href})`,
    )
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:lt|gt|quot|#39|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ');
  return cleanServerText(text, secrets);
}
