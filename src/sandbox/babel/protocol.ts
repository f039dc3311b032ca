import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  BodyTooLargeError,
  clientAddressOf,
  pathnameOf,
  readBody,
  sendJson,
  type Handler,
} from '../http-util';
import { activate, deactivate, info, validate } from './activation-ops';
import { heartbeat, release, request } from './floating-ops';
import type { KeyCall, OpContext, TokenCall } from './replies';
import type { BabelState } from './state';
import { babelError, omitDefaults, type Reply } from './wire';

/** The REST surface of the Babel Licensing Service: routing, auth, body checks, then an operation. */

export interface ProtocolOptions {
  readonly state: BabelState;
  readonly clock: { now(): number };
  readonly apiKey: string;
  readonly bearerToken: string | undefined;
  readonly heartbeatIntervalSeconds: number;
  readonly floatingTokenTtlMs: number;
}

type Route =
  | { readonly by: 'userKey'; readonly op: (ctx: OpContext, call: KeyCall) => Reply }
  | { readonly by: 'licenseToken'; readonly op: (ctx: OpContext, call: TokenCall) => Reply };

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/v1/license/activate', { by: 'userKey', op: activate }],
  ['/v1/license/deactivate', { by: 'userKey', op: deactivate }],
  ['/v1/license/request', { by: 'userKey', op: request }],
  ['/v1/license/validate', { by: 'userKey', op: validate }],
  ['/v1/license/info', { by: 'userKey', op: info }],
  ['/v1/license/release', { by: 'licenseToken', op: release }],
  ['/v1/license/heartbeat', { by: 'licenseToken', op: heartbeat }],
]);

/** Swashbuckle lists application/json-patch+json first, so the vendor's own samples send it. */
const JSON_TYPES = new Set(['application/json', 'application/json-patch+json']);

/** Compares secrets in constant time, whatever their lengths (hashing evens them out). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function authorised(req: IncomingMessage, options: ProtocolOptions): boolean {
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && sameSecret(apiKey, options.apiKey)) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return options.bearerToken !== undefined && match?.[1] !== undefined
    ? sameSecret(match[1], options.bearerToken)
    : false;
}

interface ParsedCall {
  /** userKey or licenseToken, depending on the route. */
  readonly key: string;
  readonly machineId: string;
  readonly clientId: string;
  readonly clientName: string;
}

/** Returns the field's text, or an error reply when it is required and missing or not a string. */
function field(body: Record<string, unknown>, name: string, required: boolean): string | Reply {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    // Protobuf has no "absent" string: an empty one is the same as a missing one.
    return required ? babelError('InvalidArgument', `${name} is required`) : '';
  }
  if (typeof value !== 'string') return babelError('InvalidArgument', `${name} must be a string`);
  return value;
}

async function parseCall(
  req: IncomingMessage,
  route: Route,
): Promise<{ call: ParsedCall } | { error: Reply }> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { error: babelError('PayloadTooLarge', error.message) };
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: babelError('InvalidArgument', 'The request body is not valid JSON') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: babelError('InvalidArgument', 'The request body must be a JSON object') };
  }
  const record = body as Record<string, unknown>;
  // Checked in this order so the message names the first missing field a person would look for.
  const key = field(record, route.by, true);
  if (typeof key !== 'string') return { error: key };
  const machineId = field(record, 'machineId', true);
  if (typeof machineId !== 'string') return { error: machineId };
  const clientId = field(record, 'clientId', true);
  if (typeof clientId !== 'string') return { error: clientId };
  const clientName = field(record, 'clientName', false);
  if (typeof clientName !== 'string') return { error: clientName };
  return { call: { key, machineId, clientId, clientName } };
}

export function createBabelProtocol(options: ProtocolOptions): Handler {
  const send = (res: Parameters<Handler>[1], reply: Reply) =>
    sendJson(res, reply.status, omitDefaults(reply.body), reply.headers);

  return async (req, res) => {
    const pathname = pathnameOf(req);
    const route = ROUTES.get(pathname);
    if (!route) return send(res, babelError('NotFound', `No route ${req.method} ${pathname}`));
    if (req.method !== 'POST') {
      return send(
        res,
        babelError('MethodNotAllowed', `${pathname} accepts POST only`, { allow: 'POST' }),
      );
    }
    if (!authorised(req, options)) {
      return send(
        res,
        babelError('Unauthenticated', 'A valid x-api-key header (or Bearer token) is required'),
      );
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!JSON_TYPES.has(mediaType)) {
      return send(res, babelError('UnsupportedMediaType', 'Send Content-Type: application/json'));
    }
    const parsed = await parseCall(req, route);
    if ('error' in parsed) return send(res, parsed.error);

    const now = options.clock.now();
    options.state.sweep(now);
    const ctx: OpContext = {
      state: options.state,
      now,
      clientAddr: clientAddressOf(req),
      heartbeatIntervalSeconds: options.heartbeatIntervalSeconds,
      floatingTokenTtlMs: options.floatingTokenTtlMs,
    };
    const { key, ...client } = parsed.call;
    const reply =
      route.by === 'userKey'
        ? route.op(ctx, { ...client, userKey: key })
        : route.op(ctx, { ...client, licenseToken: key });
    send(res, reply);
  };
}
