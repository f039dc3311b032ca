import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { cleanServerText, statusOnlyError, withServerText } from './wire-helpers';
import type { ErrorCode } from '../../../shared/errors';
import type { Text } from '../../../shared/text';
import { seats } from '../../../shared/texts/seats.en';

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
    ctx.operation === 'validate' ? seats.noLongerAccepted() : seats.keyNotAccepted(),
  );
}

export function seatUnavailableError(
  operation: SeatsOperation,
  counts: { readonly activeClients?: number; readonly maxClients?: number },
): LicensingError {
  const activation =
    operation === 'activate' || operation === 'validate' || operation === 'deactivate';
  const max = counts.maxClients === undefined ? {} : { max: counts.maxClients };
  return new LicensingError(
    'seat_unavailable',
    activation ? seats.activationsInUse(max) : seats.seatsInUse(max),
  );
}

function namedError(name: ErrorName, detail: ServerDetail, ctx: FailureContext): LicensingError {
  const fail = (code: ErrorCode, message: Text): LicensingError =>
    new LicensingError(code, message);
  switch (name) {
    case 'Unauthenticated':
      return fail('unauthorized', seats.apiKeyRefused());
    case 'InvalidArgument':
      return fail('invalid_input', withServerText(seats.requestInvalid(), detail.text));
    case 'LicenseKeyNotFound':
      return fail('invalid_key', seats.keyUnknown());
    case 'LicenseRevoked':
      return fail('license_revoked', withServerText(seats.revoked(), detail.text));
    case 'LicenseExpired':
      return fail('license_expired', seats.expired());
    case 'LicenseTampered':
    case 'TokenTampered':
      return fail('tampered', withServerText(seats.tampered(), detail.text));
    case 'TokenExpired':
    case 'TokenNotFound':
      return ctx.operation === 'renew' || ctx.operation === 'release'
        ? fail('seat_lost', seats.seatGone())
        : fail('not_activated', seats.notActivatedHere());
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
    return new LicensingError('unauthorized', seats.apiKeyRefused());
  }
  return statusOnlyError(response, { host: ctx.host, now: ctx.now, serverText: detail.text });
}
