import type { EnirisLicenceRecord } from './state';

/**
 * How the Eniris services put things on the wire. Both the auth service and the API look like
 * Fastify servers (contract section 4.4): every error is `{statusCode, error, message}`, tokens
 * come back as text/plain, and validation messages on the auth service read like ajv's.
 */

import type { Json, JsonObject } from '../json';

export type { Json, JsonObject };

export type Reply =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: JsonObject;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'text'; readonly status: number; readonly text: string }
  | { readonly kind: 'empty'; readonly status: number };

/**
 * Fastify's `error` field is the HTTP reason phrase. The one exception is the contract's own
 * 429 sample, which reads "Too many requests" (lower case), so we copy it rather than Node's table.
 */
const REASON: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too many requests',
  500: 'Internal Server Error',
};

export const fastifyErrorBody = (
  status: number,
  message: string,
  extra: JsonObject = {},
): JsonObject => ({
  statusCode: status,
  error: REASON[status] ?? 'Error',
  message,
  ...extra,
});

export function fastifyError(
  status: number,
  message: string,
  extra: JsonObject = {},
  headers?: Readonly<Record<string, string>>,
): Reply {
  return {
    kind: 'json',
    status,
    body: fastifyErrorBody(status, message, extra),
    ...(headers ? { headers } : {}),
  };
}

export const ok = (body: JsonObject): Reply => ({ kind: 'json', status: 200, body });
export const text = (value: string): Reply => ({ kind: 'text', status: 200, text: value });
export const noContent = (): Reply => ({ kind: 'empty', status: 204 });

/** The messages the vendor documents for the API service (api.eniris.be). */
export const API_MESSAGES = {
  badRequest: 'Missing or misformatted query parameter or body',
  badToken: 'Failed to verify token',
  forbidden: 'User does not have sufficient rights',
  notFound: 'Resource not found',
} as const;

export const badRequest = (): Reply => fastifyError(400, API_MESSAGES.badRequest);
export const badToken = (): Reply => fastifyError(401, API_MESSAGES.badToken);
export const forbidden = (): Reply => fastifyError(403, API_MESSAGES.forbidden);
export const notFound = (): Reply => fastifyError(404, API_MESSAGES.notFound);
export const noToken = (): Reply => fastifyError(401, 'NO_TOKEN_PROVIDED');

/**
 * The vendor's sample payload writes date-times at second precision (`2019-08-24T14:15:22Z`),
 * so every instant we send is truncated to the second and written that way.
 */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoSeconds(ms));

/** The License object, keys in the order of the vendor's sample. */
export function licenceView(licence: EnirisLicenceRecord): JsonObject {
  return {
    id: licence.id,
    key: licence.key,
    gridKw: licence.gridKw,
    solarKw: licence.solarKw,
    batteryKw: licence.batteryKw,
    evKw: licence.evKw,
    creationDate: isoSeconds(licence.creationDate),
    activationDate: isoOrNull(licence.activationDate),
    duration: licence.duration,
    deactivationDate: isoOrNull(licence.deactivationDate),
    type: licence.type,
  };
}

/** ajv's minLength/maxLength count code points, not UTF-16 units: an emoji is one character. */
export const lengthOf = (value: string): number => [...value].length;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
