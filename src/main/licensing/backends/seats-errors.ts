import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { cleanServerText, statusOnlyError, withServerText } from './wire-helpers';
import type { ErrorCode } from '../../../shared/errors';

/**
 * What a Babel Licensing Service refusal means for the person in front of the app. The REST error
 * body is undocumented; we expect `{code, message}` with the service's error names (our ASSUME),
 * and fall back to finding a known name in the message, then to the HTTP status class.
 */

export type SeatsOperation =
  'activate' | 'validate' | 'deactivate' | 'request' | 'renew' | 'release' | 'info';

export interface FailureContext {
  readonly operation: SeatsOperation;
  readonly host: string;
  /** Values the server might echo back (key, token, API key): blanked out of its messages. */
  readonly secrets: readonly string[];
  /** For Retry-After given as a date. */
  readonly now: number;
}

const ERROR_NAMES = [
  'Unauthenticated',
  'InvalidArgument',
  'LicenseKeyNotFound',
  'LicenseRevoked',
  'LicenseExpired',
  'LicenseTampered',
  'TokenExpired',
  'TokenNotFound',
  'TokenTampered',
  'ServerReachedMaxTokenAllowed',
] as const;
type ErrorName = (typeof ERROR_NAMES)[number];

export interface ServerDetail {
  readonly name?: ErrorName;
  /** The server's own words, cleaned and with secrets blanked out. */
  readonly text?: string;
  readonly activeClients?: number;
  readonly maxClients?: number;
}

const API_KEY_REFUSED =
  "The licensing server refused this application's API key. The vendor configuration may be out of date.";

/** Reads whatever error detail a reply carries, from any body shape, without throwing. */
export function serverDetail(body: unknown, secrets: readonly string[]): ServerDetail {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const pick = (...keys: string[]): string | undefined => {
    for (const key of keys) if (typeof record[key] === 'string') return record[key];
    return undefined;
  };
  const rawText =
    pick('message', 'detail', 'title', 'error') ??
    (typeof body === 'string' && !/^\s*</.test(body) ? body : undefined);
  const code = pick('code');
  // Counts as fields if the server sends them, else as the message words them ("active 5, max 5").
  const pickCount = (key: string, word: RegExp): number | undefined => {
    if (typeof record[key] === 'number') return record[key];
    const found = rawText === undefined ? null : word.exec(rawText);
    return found ? Number(found[1]) : undefined;
  };
  return {
    name: knownName(code) ?? (rawText ? nameInText(rawText) : undefined),
    text: rawText === undefined ? undefined : cleanServerText(rawText, secrets),
    activeClients: pickCount('activeClientCount', /\bactive\D{0,3}(\d{1,6})\b/i),
    maxClients: pickCount('maxClientCount', /\bmax(?:imum)?\D{0,3}(\d{1,6})\b/i),
  };
}

const knownName = (code: string | undefined): ErrorName | undefined =>
  ERROR_NAMES.find((name) => name.toLowerCase() === code?.trim().toLowerCase());

const nameInText = (text: string): ErrorName | undefined =>
  ERROR_NAMES.find((name) => new RegExp(`\\b${name}\\b`).test(text));

/** True when the server says the token or activation is already gone: release/deactivate succeeded. */
export function isAlreadyGone(response: HttpResponse): boolean {
  if (response.status < 400) return false;
  const { name } = serverDetail(response.body, []);
  return name === 'TokenNotFound' || name === 'TokenExpired';
}

/** Maps a non-2xx reply to the error to throw. */
export function failureError(response: HttpResponse, ctx: FailureContext): LicensingError {
  const detail = serverDetail(response.body, ctx.secrets);
  if (detail.name) return namedError(detail.name, detail, ctx);
  return statusError(response, detail, ctx);
}

/** A 200 reply with `success:false`: a refusal, unless it names a more precise reason. */
export function refusalError(body: unknown, ctx: FailureContext): LicensingError {
  const detail = serverDetail(body, ctx.secrets);
  if (detail.name) return namedError(detail.name, detail, ctx);
  return new LicensingError(
    'invalid_key',
    ctx.operation === 'validate'
      ? 'The licensing server no longer accepts this licence on this computer. Activate it again, or ask your administrator whether it is still valid.'
      : 'The licensing server did not accept this licence key. Check it for typos, or ask your administrator whether it is still valid.',
  );
}

export function seatUnavailableError(
  operation: SeatsOperation,
  counts: { readonly activeClients?: number; readonly maxClients?: number },
): LicensingError {
  const activation =
    operation === 'activate' || operation === 'validate' || operation === 'deactivate';
  const things = activation ? 'activations of this licence' : 'seats';
  const max = counts.maxClients;
  const taken =
    max === 1
      ? `The only ${activation ? 'activation' : 'seat'} of this licence is in use`
      : `All ${max ? `${max} ` : ''}${things} are in use`;
  const advice = activation
    ? ': deactivate it on another computer first.'
    : '. Try again when a colleague releases one, or ask your administrator for more seats.';
  return new LicensingError('seat_unavailable', `${taken}${advice}`);
}

function namedError(name: ErrorName, detail: ServerDetail, ctx: FailureContext): LicensingError {
  const fail = (code: ErrorCode, message: string): LicensingError =>
    new LicensingError(code, message);
  switch (name) {
    case 'Unauthenticated':
      return fail('unauthorized', API_KEY_REFUSED);
    case 'InvalidArgument':
      return fail(
        'invalid_input',
        withServerText('The licensing server says the request is invalid.', detail.text),
      );
    case 'LicenseKeyNotFound':
      return fail(
        'invalid_key',
        'This licence key is not known to the licensing server. Check it for typos.',
      );
    case 'LicenseRevoked':
      return fail(
        'license_revoked',
        withServerText(
          'This licence has been revoked. Contact your administrator or the vendor.',
          detail.text,
        ),
      );
    case 'LicenseExpired':
      return fail(
        'license_expired',
        'This licence has expired. Renew it with the vendor, then try again.',
      );
    case 'LicenseTampered':
    case 'TokenTampered':
      return fail(
        'tampered',
        withServerText(
          'The licensing server reports that this licence was altered and no longer matches its signature. Contact the vendor.',
          detail.text,
        ),
      );
    case 'TokenExpired':
    case 'TokenNotFound':
      return ctx.operation === 'renew' || ctx.operation === 'release'
        ? fail(
            'seat_lost',
            'The licensing server no longer holds this seat (it lapsed or was taken back). Request a seat again.',
          )
        : fail(
            'not_activated',
            'This licence is not activated on this computer. Activate it first.',
          );
    case 'ServerReachedMaxTokenAllowed':
      return seatUnavailableError(ctx.operation, detail);
  }
}

function statusError(
  response: HttpResponse,
  detail: ServerDetail,
  ctx: FailureContext,
): LicensingError {
  if (response.status === 401 || response.status === 403) {
    return new LicensingError('unauthorized', API_KEY_REFUSED);
  }
  return statusOnlyError(response, { host: ctx.host, now: ctx.now, serverText: detail.text });
}
