import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http-util';

/**
 * How the FLECS console puts things on the wire: the `{data, statusCode, statusText}` success
 * envelope, the `errorDescription` error envelope, and the session-id header whose request and
 * response forms differ (bare UUID in, JSON object out).
 */

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export type JsonObject = { readonly [key: string]: Json | undefined };

export interface Reply {
  readonly status: number;
  /** Absent for 204 replies, which carry only headers. */
  readonly body?: JsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Pattern of the `id` schema in the OpenAPI file; the console only issues lower-case UUIDs. */
export const SESSION_ID_PATTERN = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** Shape of the key in the FLECS core's own tests ("1234-ABCD-5678-EFGH"). */
export const LICENSE_KEY_PATTERN = /^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/;

// 404 is spelled as in the OpenAPI example of the manifests route ("Not found").
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}

export function ok(data: JsonObject, headers?: Readonly<Record<string, string>>): Reply {
  return {
    status: 200,
    body: { data, statusCode: 200, statusText: 'OK' },
    ...(headers ? { headers } : {}),
  };
}

/** The `errorDescription` envelope: `{reason, statusCode, statusText}`. */
export function fail(
  status: number,
  reason: string,
  headers?: Readonly<Record<string, string>>,
): Reply {
  return {
    status,
    body: { reason, statusCode: status, statusText: statusText(status) },
    ...(headers ? { headers } : {}),
  };
}

export interface SessionStamp {
  readonly id: string;
  /** Epoch milliseconds (the contract's ASSUME for the undocumented unit). */
  readonly issuedAt: number;
}

/** The `sessionId` schema object, as it appears in activation bodies. */
export function sessionJson(session: SessionStamp): JsonObject {
  return { id: session.id, timestamp: session.issuedAt };
}

/** The response header: JSON text, unlike the bare UUID a client sends (the wire quirk). */
export function sessionHeader(session: SessionStamp): Record<string, string> {
  return { 'x-session-id': JSON.stringify(sessionJson(session)) };
}

export function newSessionId(): string {
  return randomUUID(); // Node emits lower-case, so it always matches SESSION_ID_PATTERN
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newLicenseKey(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length] ?? 'X');
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.body !== undefined) return sendJson(res, reply.status, reply.body, reply.headers);
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers });
  res.end();
}
