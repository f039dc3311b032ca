import type { IncomingMessage } from 'node:http';
import { refuse, type Principal } from './call';
import type { TokenStore } from './oauth';
import type { ParsedLicenseSpringSeed } from './seed';
import { requestSigningString, verifyRequestSignature } from './signatures';
import { iso, MINUTE_MS } from './wire';

/**
 * Who is calling (contract 5.2, 5.3). Every licence route needs a `Date` header within 15 minutes
 * of the sandbox clock, and either the HMAC `Authorization` header or an OAuth bearer token.
 * The HMAC header is parsed tolerantly: any spacing around `,` and `=`, names in any case
 * (`apikey`, `apiKey`), because the SDK, the docs and older snippets all format it differently.
 */

export const DATE_WINDOW_MS = 15 * MINUTE_MS;
const REQUIRED_PARAMS = ['algorithm', 'headers', 'signature', 'apikey'] as const;

/** RFC 7231 IMF-fixdate, exactly what JS `toUTCString()` produces. */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function parseHttpDate(value: string): number | undefined {
  if (!IMF_FIXDATE.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `name="value"` pairs separated by commas; undefined when anything else is in the way. */
export function parseAuthorizationParams(value: string): Map<string, string> | undefined {
  const pairs = new Map<string, string>();
  const pair = /\s*([A-Za-z][\w-]*)\s*=\s*"([^"]*)"\s*(,|$)/y;
  let index = 0;
  while (index < value.length) {
    pair.lastIndex = index;
    const match = pair.exec(value);
    if (!match || match[1] === undefined || match[2] === undefined) return undefined;
    const name = match[1].toLowerCase();
    if (pairs.has(name)) return undefined;
    pairs.set(name, match[2]);
    if (match[3] === '') break;
    index = pair.lastIndex;
  }
  return pairs.size > 0 ? pairs : undefined;
}

export interface AuthSettings {
  readonly seed: ParsedLicenseSpringSeed;
  readonly tokens: TokenStore;
}

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function checkDateWindow(date: string, dateMs: number, now: number): void {
  const skew = now - dateMs;
  if (Math.abs(skew) <= DATE_WINDOW_MS) return;
  refuse(
    'signature_mismatch',
    `The Date header (${date}) is more than 15 minutes ${skew > 0 ? 'older than' : 'ahead of'} ` +
      `the server time (${iso(now)}); sign each request with the current time`,
  );
}

function bearer(settings: AuthSettings, token: string, now: number): Principal {
  const client = settings.tokens.verify(token, now);
  if (client === undefined) refuse('invalid_token', 'The bearer token is not known');
  if (client === 'expired') refuse('invalid_token', 'The bearer token has expired; get a new one');
  return { kind: 'oauth', name: client.clientId, products: client.products };
}

function hmac(
  req: IncomingMessage,
  settings: AuthSettings,
  authorization: string,
  date: string,
  dateMs: number,
  now: number,
): Principal {
  const params = parseAuthorizationParams(authorization);
  if (!params) {
    refuse(
      'authorization_invalid_headers',
      'The Authorization header must read algorithm="hmac-sha256",headers="date",signature="…",apikey="…"',
    );
  }
  const missing = REQUIRED_PARAMS.filter((name) => !params.get(name));
  if (missing.length > 0) {
    refuse('authorization_missing_params', `The Authorization header lacks: ${missing.join(', ')}`);
  }
  if (params.get('algorithm')?.toLowerCase() !== 'hmac-sha256') {
    refuse('hmac_required', 'The Authorization algorithm must be hmac-sha256');
  }
  const names = (params.get('headers') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!names.includes('date')) {
    refuse('authorization_invalid_headers', 'The signed headers must include "date"');
  }
  const signed = names.map((name) => [name, headerOf(req, name)] as const);
  const absent = signed.filter(([, value]) => value === undefined).map(([name]) => name);
  if (absent.length > 0)
    refuse('missing_headers', `Some headers are missing: ${absent.join(', ')}`);
  const apiKey = params.get('apikey') ?? '';
  const key = settings.seed.apiKeys.find((k) => k.apiKey === apiKey);
  if (!key) refuse('invalid_api_key', 'The API key is not valid');
  checkDateWindow(date, dateMs, now);
  const signingString = requestSigningString(signed.map(([name, value]) => [name, value ?? '']));
  if (
    !verifyRequestSignature(settings.seed.sharedKey, signingString, params.get('signature') ?? '')
  ) {
    refuse(
      'signature_mismatch',
      'The request signature does not match (check the shared key and the Date header)',
    );
  }
  return { kind: 'api-key', name: apiKey, products: key.products };
}

/** The caller of a licence route, or a Refusal with the documented code. */
export function authenticate(req: IncomingMessage, settings: AuthSettings, now: number): Principal {
  const date = headerOf(req, 'date');
  const authorization = headerOf(req, 'authorization');
  const missing = [
    date === undefined ? 'Date' : '',
    authorization === undefined ? 'Authorization' : '',
  ];
  if (date === undefined || authorization === undefined) {
    refuse('missing_headers', `Some headers are missing: ${missing.filter(Boolean).join(', ')}`);
  }
  const dateMs = parseHttpDate(date);
  if (dateMs === undefined) {
    refuse(
      'authorization_invalid_headers',
      `The Date header "${date}" is not an RFC 7231 date such as "Tue, 07 Jun 2011 20:51:35 GMT"`,
    );
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (token !== undefined) {
    checkDateWindow(date, dateMs, now);
    return bearer(settings, token, now);
  }
  return hmac(req, settings, authorization, date, dateMs, now);
}
