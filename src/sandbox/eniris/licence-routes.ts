import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { EnirisContext } from './context';
import { bearerOf, jsonBodyOf, type Call, type Route } from './protocol';
import { mayActOn, type EnirisLicenceRecord, type EnirisUser } from './state';
import {
  badRequest,
  badToken,
  fastifyError,
  forbidden,
  lengthOf,
  licenceView,
  notFound,
  ok,
  UUID_PATTERN,
  type Reply,
} from './wire';

/**
 * The licence API (api.eniris.be/v1/license, contract 4.3). Every call: access token first (an
 * unauthenticated caller learns nothing about the schema), then the body or query, then 404 for
 * what does not exist, then 403 for what the user has no rights on, then the operation.
 */

// Loose objects: Fastify's ajv drops unknown properties instead of refusing them.
const keyText = z.string().refine((s) => lengthOf(s) >= 1 && lengthOf(s) <= 50);
const activateBody = z.object({
  key: keyText,
  activationIso: z.iso.datetime({ offset: true }).optional(),
});
const claimBody = z.object({
  licenseKey: keyText,
  nodeId: z.string().min(1),
});

function apiUser(
  ctx: EnirisContext,
  req: IncomingMessage,
): { user: EnirisUser } | { error: Reply } {
  const bearer = bearerOf(req);
  if ('error' in bearer) return bearer;
  const userId = ctx.tokens.verify(bearer.token, 'access', ctx.clock.now());
  const user = userId === undefined ? undefined : ctx.state.userById(userId);
  return user ? { user } : { error: badToken() };
}

async function parsedBody<T>(
  req: IncomingMessage,
  schema: z.ZodType<T>,
): Promise<{ value: T } | { error: Reply }> {
  const body = await jsonBodyOf(req);
  if ('error' in body) return body;
  const parsed = schema.safeParse(body.value);
  return parsed.success ? { value: parsed.data } : { error: badRequest() };
}

async function activate(ctx: EnirisContext, req: IncomingMessage): Promise<Reply> {
  const auth = apiUser(ctx, req);
  if ('error' in auth) return auth.error;
  const body = await parsedBody(req, activateBody);
  if ('error' in body) return body.error;
  const licence = ctx.state.licence(body.value.key);
  if (!licence) return notFound();
  if (!mayActOn(auth.user, licence.customerId)) return forbidden();
  const iso = body.value.activationIso;
  // Idempotent: an activated licence keeps its first activation date (state.activate).
  ctx.state.activate(licence, iso === undefined ? ctx.clock.now() : Date.parse(iso));
  return ok({ success: true, license: licenceView(licence) });
}

async function claim(ctx: EnirisContext, req: IncomingMessage): Promise<Reply> {
  const auth = apiUser(ctx, req);
  if ('error' in auth) return auth.error;
  const body = await parsedBody(req, claimBody);
  if ('error' in body) return body.error;
  const licence = ctx.state.licence(body.value.licenseKey);
  const node = ctx.state.node(body.value.nodeId);
  if (!licence || !node) return notFound();
  if (!mayActOn(auth.user, licence.customerId) || !mayActOn(auth.user, node.customerId)) {
    return forbidden();
  }
  if (ctx.state.claim(licence, node.nodeId) === 'claimed-elsewhere') {
    return fastifyError(400, 'License is already claimed by another controller');
  }
  return ok({ success: true, license: { id: licence.id, key: licence.key, nodeId: node.nodeId } });
}

function byController(ctx: EnirisContext, call: Call): Reply {
  const auth = apiUser(ctx, call.req);
  if ('error' in auth) return auth.error;
  const node = ctx.state.node(call.params[0] ?? '');
  if (!node) return notFound();
  if (!mayActOn(auth.user, node.customerId)) return forbidden();
  return ok({ licenses: ctx.state.licencesOfNode(node.nodeId).map(licenceView) });
}

function byCustomer(ctx: EnirisContext, call: Call): Reply {
  const auth = apiUser(ctx, call.req);
  if ('error' in auth) return auth.error;
  const customerId = call.params[0] ?? '';
  const flag = call.query.get('includeDatalinks');
  if (!UUID_PATTERN.test(customerId) || (flag !== null && flag !== 'true' && flag !== 'false')) {
    return badRequest();
  }
  if (!ctx.state.hasCustomer(customerId)) return notFound();
  if (!mayActOn(auth.user, customerId)) return forbidden();
  const view = (licence: EnirisLicenceRecord) =>
    flag === 'true'
      ? { ...licenceView(licence), datalinks: ctx.state.datalinksOf(licence) }
      : licenceView(licence);
  return ok({ licenses: ctx.state.licencesOfCustomer(customerId).map(view) });
}

export function licenceRoutes(ctx: EnirisContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v1\/license\/activate$/,
      handle: ({ req }) => activate(ctx, req),
    },
    { method: 'POST', pattern: /^\/v1\/license\/claim$/, handle: ({ req }) => claim(ctx, req) },
    {
      method: 'GET',
      pattern: /^\/v1\/license\/controller\/([^/]+)$/,
      handle: (call) => byController(ctx, call),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/license\/customer\/([^/]+)$/,
      handle: (call) => byCustomer(ctx, call),
    },
  ];
}
