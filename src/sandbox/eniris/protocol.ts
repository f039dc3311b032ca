import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson, type Handler } from '../http-util';
import { fastifyError, noToken, type Reply } from './wire';

/**
 * The transport of both Eniris services: a route table, Fastify's answers for unknown routes and
 * unparsable bodies, Bearer extraction, and writing a Reply. Operations live in auth-routes.ts
 * and licence-routes.ts and never touch the raw response.
 */

export interface Call {
  readonly req: IncomingMessage;
  /** Decoded path parameters, in the order of the route pattern's groups. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Anchored; each capture group is one path parameter. */
  readonly pattern: RegExp;
  readonly handle: (call: Call) => Reply | Promise<Reply>;
}

/** The token of `Authorization: Bearer <token>`, or the reply for a missing/other scheme. */
export function bearerOf(req: IncomingMessage): { token: string } | { error: Reply } {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] === undefined ? { error: noToken() } : { token: match[1] };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * Reads a JSON body the way Fastify's default parser does: JSON media types only (415 otherwise),
 * an empty body with a JSON content type is a 400, no body at all gives `undefined`, which the
 * route's own schema then refuses.
 */
export async function jsonBodyOf(
  req: IncomingMessage,
): Promise<{ value: unknown } | { error: Reply }> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { error: fastifyError(413, 'Request body is too large') };
    throw error;
  }
  const header = req.headers['content-type'];
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (header === undefined && raw.length === 0) return { value: undefined };
  if (!JSON_TYPE.test(mediaType)) {
    return { error: fastifyError(415, `Unsupported Media Type: ${mediaType || 'undefined'}`) };
  }
  if (raw.trim().length === 0) {
    return {
      error: fastifyError(
        400,
        "Body cannot be empty when content-type is set to 'application/json'",
      ),
    };
  }
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { error: fastifyError(400, (error as Error).message) };
  }
}

function route(routes: readonly Route[], req: IncomingMessage): Promise<Reply> | Reply {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  for (const candidate of routes) {
    if (candidate.method !== req.method) continue;
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((segment) => decodeURIComponent(segment ?? ''));
    } catch {
      return fastifyError(400, `'${url.pathname}' is not a valid url component`);
    }
    return candidate.handle({ req, params, query: url.searchParams });
  }
  // Fastify answers a wrong method like an unknown path: 404, never 405.
  return fastifyError(404, `Route ${req.method ?? 'GET'}:${req.url ?? '/'} not found`);
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  switch (reply.kind) {
    case 'json':
      return sendJson(res, reply.status, reply.body, reply.headers);
    case 'text':
      res.writeHead(reply.status, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(Buffer.byteLength(reply.text)),
      });
      res.end(reply.text);
      return;
    case 'empty':
      res.writeHead(reply.status);
      res.end();
      return;
  }
}

export function createEnirisProtocol(routes: readonly Route[]): Handler {
  return async (req, res) => {
    let reply: Reply;
    try {
      reply = await route(routes, req);
    } catch (error) {
      // Caught here rather than by the shared `guarded` so even a sandbox bug keeps the envelope.
      const message = error instanceof Error ? error.message : String(error);
      reply = fastifyError(500, `Sandbox bug: ${message}`);
    }
    send(res, reply);
  };
}
