import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { errorReason } from './flecs-wire';
import { cleanServerText, statusOnlyError, withServerText, blankSecrets } from './wire-helpers';
import type { Text } from '../../../shared/text';
import { flecs } from '../../../shared/texts/flecs.en';
import { inEnglish } from '../../../shared/texts/english';

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

export const NO_USER_LICENCE = inEnglish(flecs.noUserLicence());

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
    return new LicensingError('invalid_input', withServerText(flecs.requestInvalid(), text));
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
  // entered is incorrect…"), so in English it is the message itself; a translation frames it.
  if (operation === 'login')
    return new LicensingError(
      'invalid_credentials',
      text ? flecs.signInRefused({ server: text }) : flecs.badCredentials(),
    );
  if (MISSING_HEADER.test(reason)) return missingCredentials(operation);
  switch (operation) {
    case 'activate-user':
      if (status === 401 || SIGN_IN_PROBLEM.test(reason)) {
        return new LicensingError('invalid_credentials', flecs.signInAgain());
      }
      // 403 with a bearer is documented as "no user license available"; other wording keeps
      // the code but shows the console's words, since it may say something more precise.
      return new LicensingError(
        'seat_unavailable',
        NO_LICENCE_LEFT.test(reason)
          ? flecs.noUserLicence()
          : withServerText(flecs.noUserLicence(), text),
      );
    case 'activate-key':
      return KEY_BOUND_ELSEWHERE.test(reason)
        ? new LicensingError('invalid_key', flecs.keyInUse())
        : new LicensingError('invalid_key', withServerText(flecs.keyRefused(), text));
    case 'activate-serial':
      return new LicensingError('invalid_key', withServerText(flecs.serialRefused(), text));
    case 'validate':
      return new LicensingError('not_activated', flecs.deviceUnknown());
  }
}

/** 403 "Missing Header: Authorization": the console found nothing in the request to go on. */
function missingCredentials(operation: Exclude<FlecsOperation, 'login'>): LicensingError {
  const message: Readonly<Record<typeof operation, Text>> = {
    'activate-user': flecs.noSignInReceived(),
    'activate-key': flecs.noKeyReceived(),
    'activate-serial': flecs.serialAlone(),
    validate: flecs.noSessionReceived(),
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
