import { parseFaultSpec, type FaultController } from './faults';
import {
  ADMIN_PREFIX,
  BodyTooLargeError,
  isLoopback,
  pathnameOf,
  readBody,
  sendJson,
  type Handler,
} from './http-util';

/**
 * Test and demo back door shared by every sandbox, under /__sandbox/ (not part of any vendor
 * protocol). It sits in front of the fault layer so that no injected fault, however broad, can
 * stop a test from clearing faults or reading state.
 *
 *   GET    /__sandbox/faults   -> { active: FaultSpec[] }
 *   POST   /__sandbox/faults   body: a FaultSpec -> { active }
 *   DELETE /__sandbox/faults   -> { active: [] }
 *   GET    /__sandbox/state    -> whatever the sandbox reports (Babel: pool counts)
 *   POST   /__sandbox/<action> -> sandbox-specific actions (Babel: revoke)
 */

export interface AdminReply {
  readonly status: number;
  readonly body: unknown;
}

export type AdminAction = (body: unknown) => AdminReply;

export interface AdminOptions {
  readonly faults: FaultController;
  readonly state: () => unknown;
  readonly actions?: Readonly<Record<string, AdminAction>>;
}

const adminError = (code: string, message: string) => ({ code, message });

export function withAdmin(options: AdminOptions, next: Handler): Handler {
  return async (req, res) => {
    const pathname = pathnameOf(req);
    if (!`${pathname}/`.startsWith(ADMIN_PREFIX)) return next(req, res);

    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(
        res,
        403,
        adminError('PermissionDenied', 'Sandbox admin routes answer loopback only'),
      );
      return;
    }
    const route = pathname.slice(ADMIN_PREFIX.length);
    const method = req.method ?? 'GET';
    const reply = await dispatch(options, route, method, () => readJson(req));
    if (reply.status === 405) res.setHeader('allow', allowedMethods(options, route));
    sendJson(res, reply.status, reply.body);
  };
}

async function dispatch(
  options: AdminOptions,
  route: string,
  method: string,
  body: () => Promise<unknown>,
): Promise<AdminReply> {
  const action = Object.hasOwn(options.actions ?? {}, route) ? options.actions?.[route] : undefined;
  if (route !== 'faults' && route !== 'state' && !action) {
    return {
      status: 404,
      body: adminError('NotFound', `No sandbox admin route /__sandbox/${route}`),
    };
  }
  const allowed = allowedMethods(options, route).split(', ');
  if (!allowed.includes(method)) {
    return { status: 405, body: adminError('MethodNotAllowed', `Use ${allowed.join(' or ')}`) };
  }

  if (route === 'state') return { status: 200, body: options.state() };
  if (route === 'faults') {
    if (method === 'DELETE') options.faults.clear();
    if (method === 'POST') {
      const parsed = await parseBody(body);
      if ('error' in parsed) return parsed.error;
      try {
        options.faults.inject(parseFaultSpec(parsed.value));
      } catch (error) {
        return { status: 400, body: adminError('InvalidArgument', (error as Error).message) };
      }
    }
    return { status: 200, body: { active: options.faults.active } };
  }
  const parsed = await parseBody(body);
  if ('error' in parsed) return parsed.error;
  return action
    ? action(parsed.value)
    : { status: 500, body: adminError('Internal', 'unreachable') };
}

function allowedMethods(options: AdminOptions, route: string): string {
  if (route === 'faults') return 'GET, POST, DELETE';
  if (route === 'state') return 'GET';
  return Object.hasOwn(options.actions ?? {}, route) ? 'POST' : '';
}

async function parseBody(
  body: () => Promise<unknown>,
): Promise<{ value: unknown } | { error: AdminReply }> {
  try {
    return { value: await body() };
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    const message = tooLarge ? error.message : 'The request body is not valid JSON';
    return { error: { status: 400, body: adminError('InvalidArgument', message) } };
  }
}

async function readJson(req: Parameters<Handler>[0]): Promise<unknown> {
  const text = await readBody(req);
  return JSON.parse(text) as unknown;
}

/**
 * `POST /__sandbox/revoke {<keyField>, revoked?}`: the vendor revoking (or restoring) a licence in
 * its own console, outside the protocol. Every sandbox names the key its own way.
 */
export function revokeAction(
  keyField: string,
  setRevoked: (key: string, revoked: boolean) => boolean,
  notFound: { readonly code: string; readonly message: string },
): AdminAction {
  return (body) => {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    const key = input[keyField];
    const revoked = input.revoked ?? true;
    if (typeof key !== 'string' || typeof revoked !== 'boolean') {
      return {
        status: 400,
        body: {
          code: 'InvalidArgument',
          message: `Send {"${keyField}": string, "revoked"?: boolean}`,
        },
      };
    }
    if (!setRevoked(key, revoked)) return { status: 404, body: notFound };
    return { status: 200, body: { [keyField]: key, revoked } };
  };
}
