import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreEvent } from '../core';
import type { Dispatcher } from '../ipc/dispatch';
import {
  channelLabel,
  loggingContractRefusals,
  senderLabel,
  type Refusal,
  type RefusalLog,
} from '../ipc/refusal-log';
import { LicensingError } from '../licensing/licensing-error';
import { contentTypeFor, resolveBundlePath } from '../security/bundle-path';
import { SECURITY_HEADERS } from '../security/csp';
import { fail, ok, type Result } from '../../shared/result';
import { net } from '../../shared/texts/net.en';

export interface BrowserHostOptions {
  readonly rendererDir: string;
  readonly dispatch: Dispatcher;
  readonly subscribe: (listener: (event: CoreEvent) => void) => () => void;
  readonly port?: number;
  /** Where every refusal is written down (this host is the more exposed one: any local page). */
  readonly log: RefusalLog;
  /**
   * Where `POST /link {"url": "licensemgr://…"}` hands an activation link: a browser cannot be
   * handed links by the OS, so this stands in for it (same core path, same judgement). A POST
   * body, never a page URL, so the key stays out of the address bar and the browser's history.
   */
  readonly openLink?: (url: string) => void;
}

// The largest request is a hub inventory CSV (the contract allows 5 MB); everything else is small.
const MAX_BODY_BYTES = 6 * 1024 * 1024;

const sameSecret = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const cookieValue = (req: IncomingMessage, name: string): string | undefined =>
  req.headers.cookie
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : (JSON.parse(text) as unknown);
}

/** The channel name an `/ipc/<name>` path carries; undefined for a malformed %-escape. */
const ipcChannelIn = (pathname: string): string | undefined => {
  try {
    return decodeURIComponent(pathname.slice('/ipc/'.length));
  } catch {
    return undefined;
  }
};

/**
 * The full UI in a browser, without Electron: serves the renderer bundle on 127.0.0.1 and bridges
 * the same IPC contract to the same core. The printed URL carries a one-time token; opening it
 * trades the token for an HttpOnly, SameSite=Strict session cookie, so the token is useless once
 * used and page scripts never see the session. Requests that change state must also come from
 * our own origin (no cross-site or DNS-rebinding calls). Every refusal is written to `log` with
 * the check that failed, the channel and the Origin header's origin, never the request's body.
 */
export async function startBrowserHost(
  options: BrowserHostOptions,
): Promise<{ url: string; origin: string; close(): Promise<void> }> {
  let oneTimeToken: string | undefined = randomBytes(24).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let origin = '';
  // Cookies are not separated by port: a name per port keeps another local server from getting ours.
  let sessionCookie = '';

  const send = (
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/plain; charset=utf-8',
  ) => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  const hasSession = (req: IncomingMessage) =>
    sameSecret(cookieValue(req, sessionCookie) ?? '', session);
  const fromOurOrigin = (req: IncomingMessage) =>
    req.headers.host === new URL(origin).host &&
    (req.headers.origin === undefined || req.headers.origin === origin);
  /** Writes a refusal down: the Origin header's origin, the channel, the category; never the body. */
  const logRefusal = (
    req: IncomingMessage,
    pathname: string,
    code: Refusal['code'],
    reason: Refusal['reason'],
  ) =>
    options.log.refused({
      code,
      reason,
      sender: senderLabel(req.headers.origin),
      channel: pathname.startsWith('/ipc/') ? channelLabel(ipcChannelIn(pathname)) : 'none',
    });

  const handOver = (payload: unknown): Result<Record<string, never>> => {
    const link = (payload as { url?: unknown } | null)?.url;
    if (typeof link !== 'string')
      return fail(new LicensingError('invalid_input', net.sendLink()).toAppError());
    options.openLink?.(link);
    return ok({});
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const token = url.searchParams.get('token');
      if (token !== null) {
        if (!oneTimeToken || !sameSecret(token, oneTimeToken)) {
          logRefusal(req, url.pathname, 'unauthorized', 'wrong or used link token');
          return send(
            res,
            403,
            'This link has already been used or is wrong. Start `license-manager serve` again for a new one.',
          );
        }
        oneTimeToken = undefined;
        res.writeHead(303, {
          Location: '/',
          'Set-Cookie': `${sessionCookie}=${session}; HttpOnly; SameSite=Strict; Path=/`,
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      const outsider = !hasSession(req)
        ? 'no session'
        : !fromOurOrigin(req)
          ? 'foreign host or origin'
          : undefined;
      if (outsider) {
        logRefusal(req, url.pathname, 'unauthorized', outsider);
        return send(res, 401, 'Open the link printed by `license-manager serve`.');
      }

      const isLink = url.pathname === '/link' && options.openLink !== undefined;
      if (req.method === 'POST' && (url.pathname.startsWith('/ipc/') || isLink)) {
        if (
          req.headers.origin !== origin ||
          !req.headers['content-type']?.startsWith('application/json')
        ) {
          logRefusal(req, url.pathname, 'unauthorized', 'wrong origin or content type');
          return send(res, 403, 'Refused.');
        }
        let payload: unknown;
        try {
          payload = await readBody(req);
        } catch {
          logRefusal(req, url.pathname, 'invalid_input', 'unreadable or oversized body');
          return send(
            res,
            400,
            JSON.stringify(
              fail(new LicensingError('invalid_input', net.unreadableRequest()).toAppError()),
            ),
            'application/json',
          );
        }
        if (isLink) return send(res, 200, JSON.stringify(handOver(payload)), 'application/json');
        const result = await options.dispatch(
          ipcChannelIn(url.pathname),
          payload,
          loggingContractRefusals(options.log, senderLabel(req.headers.origin)),
        );
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (req.method === 'GET' && url.pathname === '/events') {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed.');
      const file = resolveBundlePath(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'Not found.');
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': contentTypeFor(file),
          'Cache-Control': 'no-store',
        });
        res.end(body);
      } catch {
        send(res, 404, 'Not found.');
      }
    })().catch(() => send(res, 500, 'Internal error.'));
  });

  const unsubscribe = options.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      unsubscribe();
      const why =
        error.code === 'EADDRINUSE'
          ? net.portInUse({ port })
          : error.code === 'EACCES'
            ? net.portNeedsAdmin({ port })
            : net.portUnusable({ port, code: error.code ?? 'error' });
      reject(new LicensingError('config', net.browserHostCannotStart({ why }), { cause: error }));
    });
    server.listen(port, '127.0.0.1', resolve);
  });
  const boundPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${boundPort}`;
  sessionCookie = `lm_session_${boundPort}`;

  return {
    origin,
    url: `${origin}/?token=${oneTimeToken}`,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
