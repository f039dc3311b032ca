import { randomBytes } from 'node:crypto';
import type { OpContext } from './auth-ops';
import type { DeviceRecord } from './state';
import { fail, ok, sessionHeader, statusText, type JsonObject, type Reply } from './wire';

/**
 * The two other session-authenticated routes, GET /api/v2/manifests/{app}/{version} and
 * POST /api/v2/tokens. The licence manager never needs their content; they exist because they
 * rotate the session id like validate does, so a client's rotation handling is exercised on them.
 */

export type SessionIdHeader =
  | { readonly kind: 'absent' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'id'; readonly id: string };

/** `appManifestSchemaVersion` of the OpenAPI file (semver 2.0). */
const MANIFEST_VERSION =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Errors of the session header itself, shared by every route that requires it. */
export function sessionHeaderProblem(header: SessionIdHeader): Reply | undefined {
  if (header.kind === 'absent') return fail(403, 'Missing Header: X-Session-Id');
  // Most likely the client echoed the JSON response header instead of sending the bare id.
  if (header.kind === 'malformed') return fail(403, 'Invalid Header: X-Session-Id');
  return undefined;
}

type Authed = { readonly device: DeviceRecord; readonly header: Record<string, string> };

function sessionDevice(ctx: OpContext, header: SessionIdHeader): Authed | { error: Reply } {
  const problem = sessionHeaderProblem(header);
  if (problem || header.kind !== 'id') return { error: problem ?? fail(403, 'Session not found') };
  const device = ctx.state.resolveSession(header.id, ctx.now);
  if (!device?.current) return { error: fail(403, 'Session not found') };
  const headers = sessionHeader(device.current);
  if (!ctx.state.licensed(device)) return { error: fail(403, 'Device not activated', headers) };
  return { device, header: headers };
}

export function manifest(
  ctx: OpContext,
  header: SessionIdHeader,
  app: string,
  version: string,
  query: URLSearchParams,
): Reply {
  const authed = sessionDevice(ctx, header);
  if ('error' in authed) return authed.error;
  for (const name of ['manifest_version', 'max_manifest_version']) {
    const value = query.get(name);
    if (value !== null && !MANIFEST_VERSION.test(value)) {
      return fail(400, `Invalid query parameter ${name}`, authed.header);
    }
  }
  const record = ctx.state.app(app);
  if (!record?.versions.includes(version)) {
    // The documented 404 body has no reason.
    return {
      status: 404,
      body: { statusCode: 404, statusText: statusText(404) },
      headers: authed.header,
    };
  }
  const data: JsonObject = {
    _schemaVersion: '3.0.0',
    app,
    version,
    image: `flecs.azurecr.io/${app}`,
    multiInstance: false,
  };
  return ok(data, authed.header);
}

export function downloadToken(ctx: OpContext, header: SessionIdHeader, body: unknown): Reply {
  const authed = sessionDevice(ctx, header);
  if ('error' in authed) return authed.error;
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (typeof input.app !== 'string' || typeof input.version !== 'string') {
    return fail(400, 'Missing app or version', authed.header);
  }
  const record = ctx.state.app(input.app);
  // Unknown apps are treated like unofficial ones: the route documents no 404.
  if (!record?.official || !record.versions.includes(input.version)) {
    return { status: 204, headers: authed.header };
  }
  return ok(
    {
      token: {
        username: `dl-${randomBytes(4).toString('hex')}`,
        password: randomBytes(18).toString('base64url'),
      },
    },
    authed.header,
  );
}
