import { z } from 'zod';
import { ADMIN_PREFIX, pathnameOf, sendJson, type Handler } from './http-util';

/**
 * Fault injection for every sandbox server: wraps a request handler and, while a fault is active,
 * misbehaves the way real networks and overloaded servers do. Deliberately generic: it knows HTTP,
 * not any licensing protocol, so the FLECS, Eniris, LicenseSpring and MobiusFlow sandboxes reuse it.
 */

export type FaultSpec =
  | { kind: 'latency'; ms: number; times?: number; path?: string }
  // 5xx or 429 with a JSON error body
  | { kind: 'status'; status: number; times?: number; path?: string; retryAfterSeconds?: number }
  // destroy the socket without answering (ECONNRESET on the client)
  | { kind: 'reset'; times?: number; path?: string }
  // 200 with a body that is not valid JSON
  | { kind: 'malformed'; times?: number; path?: string }
  // 200 text/html sign-in page, as a captive portal (hotel, airport, guest Wi-Fi) answers every
  // request it intercepts: the status says success, the body is not the protocol's
  | { kind: 'portal'; times?: number; path?: string }
  // accept and never answer (the client must time out)
  | { kind: 'hang'; times?: number; path?: string }
  // 200 with well-formed JSON that breaks the protocol's reply schema (a field of the wrong type,
  // a missing envelope): `body` when given, else SCHEMA_BREAKING_BODY. The fault layer knows no
  // protocol, so a test that needs a sharper break for one protocol passes its own body.
  | { kind: 'schema'; times?: number; path?: string; body?: unknown }
  // 200 headers at once, then the body one byte every `intervalMs` (default 1 s): a server that
  // keeps "answering" for minutes. Only a wall-clock deadline on the client ends it.
  | { kind: 'drip'; times?: number; path?: string; intervalMs?: number };

export type FaultKind = FaultSpec['kind'];

/** One request that reached the fault layer, and the fault (if any) that answered it. */
export interface FaultHit {
  readonly method: string;
  readonly path: string;
  /** The fault that replaced or delayed the answer; absent when the protocol answered normally. */
  readonly fault?: FaultKind;
}

/** `times` absent = until cleared; `path` = only requests whose pathname equals it. */
export interface FaultController {
  inject(fault: FaultSpec): void;
  /** Removes every fault; `seen` is kept (it is a record of what happened, not a setting). */
  clear(): void;
  readonly active: readonly FaultSpec[];
  /**
   * The latest requests that passed through the fault layer (admin routes never do), oldest
   * first, at most SEEN_LIMIT: lets a test count what a client sent, retries included, without
   * instrumenting the client.
   */
  readonly seen: readonly FaultHit[];
}

/** How many requests `seen` remembers; older ones are dropped (a demo may run for days). */
export const SEEN_LIMIT = 1_000;

const times = z.number().int().positive().optional();
const path = z
  .string()
  .startsWith('/', 'path must be a pathname starting with "/"')
  // Admin routes never pass through the fault layer; a fault aimed at them could never fire and
  // would only hide a typo, so it is refused outright.
  .refine(
    (p) => !`${p}/`.startsWith(ADMIN_PREFIX),
    'admin routes under /__sandbox/ cannot be faulted',
  )
  .optional();

export const faultSpecSchema: z.ZodType<FaultSpec> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('latency'),
    ms: z.number().int().nonnegative().max(600_000),
    times,
    path,
  }),
  z.strictObject({
    kind: z.literal('status'),
    status: z
      .number()
      .int()
      .refine((s) => s === 429 || (s >= 500 && s <= 599), 'status must be 429 or 5xx'),
    times,
    path,
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({ kind: z.literal('reset'), times, path }),
  z.strictObject({ kind: z.literal('malformed'), times, path }),
  z.strictObject({ kind: z.literal('portal'), times, path }),
  z.strictObject({ kind: z.literal('hang'), times, path }),
  z.strictObject({ kind: z.literal('schema'), times, path, body: z.unknown().optional() }),
  z.strictObject({
    kind: z.literal('drip'),
    times,
    path,
    intervalMs: z.number().int().min(1).max(60_000).optional(),
  }),
]);

/** Human-readable zod issues, each prefixed with the field it is about. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function parseFaultSpec(input: unknown): FaultSpec {
  const parsed = faultSpecSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid fault: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

interface Entry {
  readonly spec: FaultSpec;
  remaining: number | undefined;
}

export interface FaultLayer {
  readonly controller: FaultController;
  readonly handler: Handler;
}

/** The body a `malformed` fault sends: a floating-token reply cut off mid-string. */
export const MALFORMED_BODY = '{"licenseToken": "fltk_';

/**
 * What a `portal` fault sends: a captive portal's sign-in page, trimmed to what matters (a 200,
 * text/html, a form), so a client that only checks the status would take it for an answer.
 */
export const PORTAL_PAGE = [
  '<!DOCTYPE html>',
  '<html><head><title>Guest Wi-Fi: sign in</title></head>',
  '<body><h1>Welcome to Guest Wi-Fi</h1>',
  '<form method="post" action="/login"><label>Room number <input name="room"></label>',
  '<button type="submit">Accept and connect</button></form></body></html>',
].join('\n');

/**
 * What a `schema` fault sends when the test gives no body: valid JSON in none of the protocols'
 * shapes (no envelope, no expected field), as from an API version the client does not speak.
 */
export const SCHEMA_BREAKING_BODY = { unexpected: 'shape', version: 99 } as const;

/** A `drip` reply's body, sent a byte at a time: long enough to outlast any sane deadline. */
export const DRIP_BODY = `{"pad":"${'.'.repeat(4_096)}"}`;
const DEFAULT_DRIP_INTERVAL_MS = 1_000;

/** How a protocol words an injected 5xx or 429: each sandbox answers in its own error envelope. */
export type FaultErrorBody = (
  status: number,
  message: string,
  retryAfterSeconds?: number,
) => unknown;

const defaultErrorBody: FaultErrorBody = (_status, message) => ({ code: 'Unavailable', message });

export function withFaults(
  inner: Handler,
  options: { errorBody?: FaultErrorBody } = {},
): FaultLayer {
  const errorBody = options.errorBody ?? defaultErrorBody;
  let entries: Entry[] = [];
  const seen: FaultHit[] = [];
  const record = (hit: FaultHit): void => {
    seen.push(hit);
    if (seen.length > SEEN_LIMIT) seen.splice(0, seen.length - SEEN_LIMIT);
  };

  const controller: FaultController = {
    inject(fault) {
      const spec = parseFaultSpec(fault);
      entries.push({ spec, remaining: spec.times });
    },
    clear() {
      entries = [];
    },
    get active() {
      return entries.map((e) =>
        e.remaining === undefined ? e.spec : { ...e.spec, times: e.remaining },
      );
    },
    get seen() {
      return [...seen];
    },
  };

  /** Uses up one occurrence of a fault; a fault whose `times` reach zero is gone. */
  const consume = (entry: Entry): void => {
    if (entry.remaining === undefined) return;
    entry.remaining -= 1;
    if (entry.remaining <= 0) entries = entries.filter((e) => e !== entry);
  };

  const handler: Handler = async (req, res) => {
    const pathname = pathnameOf(req);
    const matching = entries.filter((e) => e.spec.path === undefined || e.spec.path === pathname);
    // Latency composes with everything else (a slow 503 is realistic); of the faults that replace
    // the answer, the one injected first wins.
    let delay = 0;
    for (const entry of matching) {
      if (entry.spec.kind !== 'latency') continue;
      delay += entry.spec.ms;
      consume(entry);
    }
    const terminal = matching.find((e) => e.spec.kind !== 'latency');
    if (terminal) consume(terminal);
    const fault = terminal?.spec.kind ?? (delay > 0 ? 'latency' : undefined);
    record({ method: req.method ?? 'GET', path: pathname, ...(fault ? { fault } : {}) });

    if (delay > 0) {
      await new Promise<void>((resolve) => setTimeout(resolve, delay).unref());
      // The server may have been closed (or the client gone) while we waited.
      if (req.socket.destroyed) return;
    }
    if (!terminal) return inner(req, res);
    // A TCP RST (not a polite FIN), so every client sees ECONNRESET as on a real broken link.
    answerWithFault(terminal.spec, errorBody, () => req.socket.resetAndDestroy(), res);
  };

  return { controller, handler };
}

function answerWithFault(
  spec: FaultSpec,
  errorBody: FaultErrorBody,
  destroySocket: () => void,
  res: Parameters<Handler>[1],
): void {
  switch (spec.kind) {
    case 'latency':
      return; // never terminal; filtered out by the caller
    case 'status': {
      const headers: Record<string, string> = {};
      // A 429 without Retry-After would leave the client guessing; default to one second.
      const retryAfter = spec.retryAfterSeconds ?? (spec.status === 429 ? 1 : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
      const message =
        spec.status === 429
          ? 'Too many requests (fault injected by the sandbox)'
          : `The service is unavailable (fault injected by the sandbox: HTTP ${spec.status})`;
      sendJson(res, spec.status, errorBody(spec.status, message, retryAfter), headers);
      return;
    }
    case 'reset':
      destroySocket();
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(MALFORMED_BODY);
      return;
    case 'portal':
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(PORTAL_PAGE);
      return;
    case 'hang':
      // Deliberately nothing: the socket stays open until the client gives up or the server closes.
      return;
    case 'schema':
      sendJson(res, 200, spec.body === undefined ? SCHEMA_BREAKING_BODY : spec.body);
      return;
    case 'drip':
      drip(res, spec.intervalMs ?? DEFAULT_DRIP_INTERVAL_MS);
      return;
  }
}

/** Headers now, then DRIP_BODY a byte per tick, until it is all sent or the client hangs up. */
function drip(res: Parameters<Handler>[1], intervalMs: number): void {
  // No content-length: chunked, so the client cannot tell how much is still to come.
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return stop();
    res.write(DRIP_BODY.charAt(sent));
    sent += 1;
    if (sent === DRIP_BODY.length) {
      stop();
      res.end();
    }
  }, intervalMs);
  // Never keeps a test process (or the demo) alive on its own.
  timer.unref();
  function stop(): void {
    clearInterval(timer);
  }
  res.once('close', stop);
}
