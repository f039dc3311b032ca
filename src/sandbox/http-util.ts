import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small HTTP helpers shared by every sandbox server. Nothing here knows a vendor protocol.
 */

/** A request handler that may finish asynchronously; errors are caught by `guarded`. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Every sandbox serves its test-only routes under this prefix. It lives here (not in admin.ts)
 * because the fault layer must refuse to target it too, and neither layer should import the other.
 */
export const ADMIN_PREFIX = '/__sandbox/';

/** Request bodies of every protocol we emulate are a few hundred bytes; refuse anything huge. */
export const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export function pathnameOf(req: IncomingMessage): string {
  // The base only makes a relative request target parseable; its host is never used.
  return new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep draining, so the client still gets our error reply.
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit
        ? reject(new BodyTooLargeError())
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** The caller's address as a person would write it (IPv4-mapped IPv6 shown as plain IPv4). */
export function clientAddressOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** Admin routes are a test back door: only this computer may use them, whatever the bind host. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * Turns a thrown error inside a handler into a 500 reply instead of an unhandled rejection that
 * would take the whole test process (or the demo app) down.
 */
export function guarded(handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, { code: 'Internal', message: `Sandbox bug: ${message}` });
    }
  };
}
