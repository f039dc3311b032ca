import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody, type Handler } from '../http-util';
import { activate, validateLicence } from './activation-ops';
import { downloadToken, manifest, sessionHeaderProblem, type SessionIdHeader } from './app-ops';
import { login, validateJwt, type OpContext } from './auth-ops';
import type { FlecsState } from './state';
import { fail, sendReply, SESSION_ID_PATTERN, type Reply } from './wire';

/** The REST surface of the FLECS console: routing, headers and body parsing, then an operation. */

export interface ProtocolOptions {
  readonly state: FlecsState;
  readonly clock: { now(): number };
  readonly jwtTtlMs: number;
}

interface Call {
  readonly req: IncomingMessage;
  readonly ctx: OpContext;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  readonly run: (call: Call) => Reply | Promise<Reply>;
}

const ROUTES: readonly Route[] = [
  { method: 'POST', path: /^\/api\/v2\/auth\/login$/, run: withBody(login) },
  { method: 'POST', path: /^\/api\/v2\/auth\/validate$/, run: withBody(validateJwt) },
  { method: 'POST', path: /^\/api\/v2\/device\/license\/activate$/, run: runActivate },
  { method: 'POST', path: /^\/api\/v2\/device\/license\/validate$/, run: runValidate },
  { method: 'GET', path: /^\/api\/v2\/manifests\/([^/]+)\/([^/]+)$/, run: runManifest },
  { method: 'POST', path: /^\/api\/v2\/tokens$/, run: runTokens },
];

function withBody(op: (ctx: OpContext, body: unknown) => Reply) {
  return async (call: Call): Promise<Reply> => {
    const body = await jsonBody(call.req);
    return 'error' in body ? body.error : op(call.ctx, body.value);
  };
}

/**
 * The body as an Express-style JSON parser sees it: parsed only when the Content-Type says JSON,
 * otherwise ignored (so a client that forgets the header is treated as having sent nothing).
 */
async function jsonBody(req: IncomingMessage): Promise<{ value: unknown } | { error: Reply }> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { error: fail(413, error.message) };
    throw error;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
  if (!isJson || text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: fail(400, 'Invalid JSON body') };
  }
}

function sessionIdHeader(req: IncomingMessage): SessionIdHeader {
  const value = req.headers['x-session-id'];
  if (value === undefined || value === '') return { kind: 'absent' };
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value)
    ? { kind: 'id', id: value }
    : { kind: 'malformed' };
}

/** `undefined` = no header; `null` = a header that is not `Bearer <token>`. */
function bearerOf(req: IncomingMessage): string | null | undefined {
  const value = req.headers.authorization;
  if (value === undefined) return undefined;
  return /^Bearer (.+)$/.exec(value)?.[1] ?? null;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined | Reply {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : fail(400, `${name} must be a string`);
}

async function runActivate({ req, ctx }: Call): Promise<Reply> {
  const header = sessionIdHeader(req);
  if (header.kind === 'malformed') return fail(403, 'Invalid Header: X-Session-Id');
  const bearer = bearerOf(req);
  if (bearer === null) return fail(403, 'Invalid Header: Authorization');
  const parsed = await jsonBody(req);
  if ('error' in parsed) return parsed.error;
  const body = parsed.value ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(400, 'The request body must be a JSON object');
  }
  const licenseKey = optionalString(body as Record<string, unknown>, 'licenseKey');
  if (typeof licenseKey === 'object') return licenseKey;
  const serialNumber = optionalString(body as Record<string, unknown>, 'serialNumber');
  if (typeof serialNumber === 'object') return serialNumber;
  return activate(ctx, {
    sessionId: header.kind === 'id' ? header.id : undefined,
    bearer,
    licenseKey,
    serialNumber,
  });
}

function runValidate({ req, ctx }: Call): Reply {
  const header = sessionIdHeader(req);
  if (header.kind !== 'id') return sessionHeaderProblem(header) ?? fail(403, 'Session not found');
  return validateLicence(ctx, header.id);
}

function runManifest({ req, ctx, params, query }: Call): Reply {
  let decoded: string[];
  try {
    decoded = params.map((p) => decodeURIComponent(p));
  } catch {
    return fail(400, 'Invalid path parameter');
  }
  const [app = '', version = ''] = decoded;
  return manifest(ctx, sessionIdHeader(req), app, version, query);
}

async function runTokens(call: Call): Promise<Reply> {
  const header = sessionIdHeader(call.req);
  const body = await jsonBody(call.req);
  if ('error' in body) return body.error;
  return downloadToken(call.ctx, header, body.value);
}

export function createFlecsProtocol(options: ProtocolOptions): Handler {
  return async (req, res) => {
    // The base only makes a relative request target parseable; its host is never used.
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const matching = ROUTES.filter((r) => r.path.test(url.pathname));
    if (matching.length === 0) {
      return sendReply(res, fail(404, `No route ${req.method ?? 'GET'} ${url.pathname}`));
    }
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      const allow = matching.map((r) => r.method).join(', ');
      return sendReply(res, fail(405, `${url.pathname} accepts ${allow} only`, { allow }));
    }
    const params = route.path.exec(url.pathname)?.slice(1) ?? [];
    const ctx: OpContext = {
      state: options.state,
      now: options.clock.now(),
      jwtTtlMs: options.jwtTtlMs,
    };
    sendReply(res, await route.run({ req, ctx, params, query: url.searchParams }));
  };
}
