import { randomBytes, randomInt } from 'node:crypto';

/**
 * How the Babel Licensing Service puts things on the wire. The real server serialises protobuf C#
 * messages with System.Text.Json, which explains every quirk here: {seconds,nanos} timestamps,
 * byte arrays as JSON arrays of numbers, and (with IgnoreJSonDefaultValues) no default values.
 */

/** JSON as we build it; `undefined` properties are dropped by serialisation like defaults. */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export type JsonObject = { readonly [key: string]: Json | undefined };

export interface Reply {
  readonly status: number;
  readonly body: JsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

/** google.protobuf.Timestamp as System.Text.Json writes it. */
export function timestamp(ms: number): { seconds: number; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1_000_000) };
}

export function timestampOrUndefined(ms: number | undefined) {
  return ms === undefined ? undefined : timestamp(ms);
}

/** google.protobuf.Duration; the heartbeat interval is configured in whole seconds. */
export function duration(seconds: number): { seconds: number; nanos: number } {
  return { seconds, nanos: 0 };
}

function isDefaultValue(value: Json | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Drops default-valued properties at every depth, as the server does with IgnoreJSonDefaultValues:
 * false, 0, "", null and empty arrays vanish, so `{seconds: 12, nanos: 0}` becomes `{seconds: 12}`.
 * Array elements are kept as they are: they are positional (a byte 0 in licenseKey stays).
 */
export function omitDefaults(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((item: Json) => omitDefaults(item) ?? null);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, raw] of Object.entries(value as JsonObject)) {
    const pruned = omitDefaults(raw);
    if (!isDefaultValue(pruned) && pruned !== undefined) out[key] = pruned;
  }
  return out;
}

/** The error names of the Babel service (documented gRPC statuses) plus our REST-level ones. */
export type BabelErrorName =
  | 'LicenseKeyNotFound'
  | 'TokenNotFound'
  | 'LicenseRevoked'
  | 'LicenseExpired'
  | 'TokenExpired'
  | 'LicenseTampered'
  | 'TokenTampered'
  | 'ServerReachedMaxTokenAllowed'
  | 'InvalidArgument'
  | 'Unauthenticated'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'PayloadTooLarge';

/** gRPC status -> HTTP status, as agreed with the adapter team (the vendor does not publish it). */
const HTTP_STATUS: Readonly<Record<BabelErrorName, number>> = {
  LicenseKeyNotFound: 404, // NotFound
  TokenNotFound: 404, // NotFound
  LicenseRevoked: 403, // PermissionDenied
  LicenseExpired: 403, // PermissionDenied
  TokenExpired: 403, // PermissionDenied
  LicenseTampered: 500, // DataLoss
  TokenTampered: 500, // DataLoss
  ServerReachedMaxTokenAllowed: 409, // documented PermissionDenied, but a full pool is a conflict
  InvalidArgument: 400,
  Unauthenticated: 401,
  NotFound: 404,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  PayloadTooLarge: 413,
};

export function babelError(
  code: BabelErrorName,
  message: string,
  headers?: Readonly<Record<string, string>>,
): Reply {
  return { status: HTTP_STATUS[code], body: { code, message }, ...(headers ? { headers } : {}) };
}

export function ok(body: JsonObject): Reply {
  return { status: 200, body };
}

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Token formats from the service defaults: actk_{token:12} and fltk_{token:12}. */
export function newToken(prefix: 'actk_' | 'fltk_'): string {
  let token = prefix;
  for (let i = 0; i < 12; i += 1) token += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return token;
}

/** Licence id format from the service default LicenseIdFormat: lic{HEX:8}. */
export function newLicenseId(): string {
  return `lic${randomBytes(4).toString('hex').toUpperCase()}`;
}

export const LICENSE_ID_PATTERN = /^lic[0-9A-F]{8}$/;
export const USER_KEY_PATTERN = /^[A-Z0-9]{5}(?:-[A-Z0-9]{5}){3}$/;
