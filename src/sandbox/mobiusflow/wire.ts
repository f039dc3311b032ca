import type { ServerResponse } from 'node:http';
import { fastifyError, type JsonObject, type Reply } from '../eniris/wire';
import { sendJson } from '../http-util';
import { HID_PATTERN_TEXT } from './formats';

/**
 * How a MobiusFlow hub puts things on the wire. The Engine API looks like a Fastify server
 * (contract 1.1), so errors use Fastify's {statusCode, error, message} envelope; the helpers are
 * the Eniris sandbox's, which emulates the same framework. Success bodies of the v2 licence
 * routes are wrapped in the {ts, uri, data} envelope.
 */

export { fastifyError, ok, type Reply } from '../eniris/wire';

/**
 * Error wording. Bearer failures copy @fastify/jwt (the likely plugin behind a Fastify app's
 * HS256 tokens); validation failures copy ajv as Fastify reports it.
 */
export const MESSAGES = {
  noAuthorization: 'No Authorization was found in request.headers',
  badAuthorization: 'Format is Authorization: Bearer [token]',
  tokenInvalid: 'Authorization token is invalid: The token signature is invalid.',
  tokenExpired: 'Authorization token expired',
  badCredentials: 'Invalid username or password',
  refreshInvalid: 'Invalid refresh token',
  refreshExpired: 'Refresh token expired',
  refreshSpent: 'Refresh token has already been used',
  hidPattern: `params/hid must match pattern "${HID_PATTERN_TEXT}"`,
  badCode: 'Invalid licence code format',
  codeInUse: 'licence already in use on another device',
  missingRole: 'Missing role: changing the licence needs the admin role',
} as const;

const ajvRequired = (field: string): Reply =>
  fastifyError(400, `body must have required property '${field}'`);

/**
 * The string fields `names` of a JSON object body, or ajv's first complaint (wrapped, so a body
 * that itself has an "error" field cannot be mistaken for a failure).
 */
export function stringFields<K extends string>(
  value: unknown,
  names: readonly K[],
): { fields: Record<K, string> } | { error: Reply } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: fastifyError(400, 'body must be object') };
  }
  const body = value as Record<string, unknown>;
  for (const name of names) if (!Object.hasOwn(body, name)) return { error: ajvRequired(name) };
  for (const name of names) {
    // No type coercion (Fastify's default would turn 42 into "42"): a number here is a client bug.
    if (typeof body[name] !== 'string') {
      return { error: fastifyError(400, `body/${name} must be string`) };
    }
  }
  return { fields: body as Record<K, string> };
}

/** The v2 envelope: ts (ISO-8601 with milliseconds, as in the vendor's example), uri = hid, data. */
export const envelope = (now: number, hid: string, data: JsonObject): JsonObject => ({
  ts: new Date(now).toISOString(),
  uri: hid,
  data,
});

/** The 200 a 'malformed' hub sends: a licence envelope cut off mid-string. */
export const MALFORMED_HUB_BODY = '{"ts":"2022-12-21T10:25:54.585Z","uri":"000001","data":{"licen';

export function sendReply(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'json':
      return sendJson(res, reply.status, reply.body, reply.headers);
    case 'text':
    case 'empty':
      // The Engine API answers JSON only; reaching this is a sandbox bug worth a loud reply.
      return sendJson(res, 500, {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Sandbox bug: non-JSON reply',
      });
  }
}
