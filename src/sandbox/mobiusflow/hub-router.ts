import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from '../http-util';
import { login, refresh } from './auth-routes';
import type { HubContext } from './context';
import type { HubRecord } from './fleet';
import { getLicence, putLicence } from './licence-routes';
import { fastifyError, MALFORMED_HUB_BODY, sendReply, type Reply } from './wire';

/**
 * Turns one listener into many hubs. On the shared listener a hub lives under
 * `/hubs/{hid}`, so `${url}/hubs/{hid}` is its base URL and every Engine API path hangs off it;
 * on a hub's own port (portPerHub) the listener binds the hub and paths are the vendor's, bare.
 * Per-hub faults act here, before any route, because a broken hub is broken for every call.
 */

type HubRoute = (
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
  param: string,
) => Reply | Promise<Reply>;

const ROUTES: readonly { method: string; pattern: RegExp; handle: HubRoute }[] = [
  { method: 'POST', pattern: /^\/api\/v1\/auth\/login$/, handle: (c, h, r) => login(c, h, r) },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/refresh$/, handle: (c, h, r) => refresh(c, h, r) },
  { method: 'GET', pattern: /^\/api\/v2\/mobius\/licence\/([^/]*)$/, handle: getLicence },
  { method: 'PUT', pattern: /^\/api\/v2\/mobius\/licence\/([^/]*)$/, handle: putLicence },
];

const HUB_PREFIX = /^\/hubs\/([^/]+)(\/.*)?$/;

export interface HubRouter {
  readonly handle: Handler;
  /** Marks a request as arriving on `hub`'s own port, so paths need no /hubs/{hid} prefix. */
  bind(req: IncomingMessage, hub: HubRecord): void;
}

function routeWithinHub(
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
  method: string,
  path: string,
): Promise<Reply> | Reply {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (!match) continue;
    let param: string;
    try {
      param = decodeURIComponent(match[1] ?? '');
    } catch {
      return fastifyError(400, `'${path}' is not a valid url component`);
    }
    return route.handle(ctx, hub, req, param);
  }
  // Fastify answers a wrong method like an unknown path: 404, never 405.
  return fastifyError(404, `Route ${method}:${path} not found`);
}

/** Acts out a per-hub fault; true when the fault has answered (or dropped) the request. */
async function actOutFault(
  hub: HubRecord,
  req: IncomingMessage,
  res: ServerResponse,
  slowMs: number,
): Promise<boolean> {
  switch (hub.fault) {
    case undefined:
      return false;
    case 'slow':
      await new Promise<void>((resolve) => setTimeout(resolve, slowMs).unref());
      // The client may have given up, or the engine closed, while we waited.
      return req.socket.destroyed;
    case 'down':
      // An RST, not a polite FIN: clients see ECONNRESET, as from a hub that dropped off the LAN.
      req.socket.resetAndDestroy();
      return true;
    case 'error500':
      sendReply(res, fastifyError(500, `Hub ${hub.hid} failed (fault injected by the sandbox)`));
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(MALFORMED_HUB_BODY);
      return true;
  }
}

/** Which hub a shared-listener path addresses, and the path within it. */
function locate(
  ctx: HubContext,
  method: string,
  pathname: string,
): { hub: HubRecord; path: string } | { error: Reply } {
  const prefixed = HUB_PREFIX.exec(pathname);
  if (!prefixed) {
    return {
      error: fastifyError(
        404,
        `Route ${method}:${pathname} not found (hubs live under /hubs/{hid})`,
      ),
    };
  }
  const hub = ctx.fleet.find(prefixed[1] ?? '');
  // An address with no hub behind it; a 404 names the mistake better than a dropped connection.
  if (!hub) return { error: fastifyError(404, `No emulated hub at /hubs/${prefixed[1] ?? ''}`) };
  return { hub, path: prefixed[2] ?? '/' };
}

export function createHubRouter(ctx: HubContext, slowMs: number): HubRouter {
  const boundHubs = new WeakMap<IncomingMessage, HubRecord>();

  const handle: Handler = async (req, res) => {
    const method = req.method ?? 'GET';
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const bound = boundHubs.get(req);
    // A hub's own port serves that hub alone, with the vendor's bare paths.
    const located = bound ? { hub: bound, path: pathname } : locate(ctx, method, pathname);
    if ('error' in located) return sendReply(res, located.error);
    const { hub, path } = located;
    if (await actOutFault(hub, req, res, slowMs)) return;

    let reply: Reply;
    try {
      reply = await routeWithinHub(ctx, hub, req, method, path);
    } catch (error) {
      // Caught here rather than by the shared `guarded` so even a sandbox bug keeps the envelope.
      const message = error instanceof Error ? error.message : String(error);
      reply = fastifyError(500, `Sandbox bug: ${message}`);
    }
    sendReply(res, reply);
  };

  return { handle, bind: (req, hub) => boundHubs.set(req, hub) };
}
