import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
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
    text: rawText === undefined ? undefined : clean(rawText, secrets),
    activeClients: pickCount('activeClientCount', /\bactive\D{0,3}(\d{1,6})\b/i),
    maxClients: pickCount('maxClientCount', /\bmax(?:imum)?\D{0,3}(\d{1,6})\b/i),
  };
}

const knownName = (code: string | undefined): ErrorName | undefined =>
  ERROR_NAMES.find((name) => name.toLowerCase() === code?.trim().toLowerCase());

const nameInText = (text: string): ErrorName | undefined =>
  ERROR_NAMES.find((name) => new RegExp(`\\b${name}\\b`).test(text));

function clean(raw: string, secrets: readonly string[]): string | undefined {
  // eslint-disable-next-line no-control-regex
  let text = raw.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  for (const secret of secrets) if (secret) text = text.split(secret).join('•••');
  if (text.length > 200) text = `${text.slice(0, 199)}…`;
  return text === '' ? undefined : text;
}

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

const withText = (message: string, text: string | undefined): string =>
  text ? `${message} (The server said: "${text}")` : message;

function namedError(name: ErrorName, detail: ServerDetail, ctx: FailureContext): LicensingError {
  const fail = (code: ErrorCode, message: string): LicensingError =>
    new LicensingError(code, message);
  switch (name) {
    case 'Unauthenticated':
      return fail('unauthorized', API_KEY_REFUSED);
    case 'InvalidArgument':
      return fail(
        'invalid_input',
        withText('The licensing server says the request is invalid.', detail.text),
      );
    case 'LicenseKeyNotFound':
      return fail(
        'invalid_key',
        'This licence key is not known to the licensing server. Check it for typos.',
      );
    case 'LicenseRevoked':
      return fail(
        'license_revoked',
        withText(
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
        withText(
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
  const { status } = response;
  if (status === 401 || status === 403) return new LicensingError('unauthorized', API_KEY_REFUSED);
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], ctx.now);
    const wait = retryAfterSeconds === undefined ? 'a minute' : `${retryAfterSeconds} seconds`;
    return new LicensingError(
      'rate_limited',
      `The licensing server is receiving too many requests. Wait ${wait} and try again.`,
      { retryAfterSeconds },
    );
  }
  if (status === 408) {
    return new LicensingError(
      'timeout',
      `The licensing server at ${ctx.host} gave up waiting for the request. Try again.`,
    );
  }
  if (status >= 500) {
    return new LicensingError(
      'server_error',
      `The licensing server had a problem (HTTP ${status}). Try again in a few minutes.`,
    );
  }
  if (status === 404) {
    return new LicensingError(
      'protocol',
      `The server at ${ctx.host} does not offer the licensing service (HTTP 404). Check the server address in the configuration.`,
    );
  }
  if (status >= 300 && status < 400) {
    return new LicensingError(
      'protocol',
      `The server at ${ctx.host} redirected the request (HTTP ${status}). Check the server address in the configuration (http vs https).`,
    );
  }
  return new LicensingError(
    'protocol',
    withText(
      `The licensing server at ${ctx.host} gave an answer this app does not understand (HTTP ${status}).`,
      detail.text,
    ),
  );
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
