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
  // accept and never answer (the client must time out)
  | { kind: 'hang'; times?: number; path?: string };

/** `times` absent = until cleared; `path` = only requests whose pathname equals it. */
export interface FaultController {
  inject(fault: FaultSpec): void;
  clear(): void;
  readonly active: readonly FaultSpec[];
}

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
  z.strictObject({ kind: z.literal('hang'), times, path }),
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
    case 'hang':
      // Deliberately nothing: the socket stays open until the client gives up or the server closes.
      return;
  }
}
