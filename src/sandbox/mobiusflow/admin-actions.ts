import { z } from 'zod';
import type { AdminAction, AdminReply } from '../admin';
import { describeIssues } from '../faults';
import type { HubContext } from './context';
import type { HubRecord } from './fleet';
import { ADMIN_ROLES, HUB_FAULTS } from './formats';

/**
 * The engine's part of the shared /__sandbox/ back door (../admin.ts):
 *
 *   GET  /__sandbox/state          -> counts: hubs, faulted hubs by kind, licences, counters
 *   POST /__sandbox/hub-fault      {hid, fault: "slow"|"down"|"error500"|"malformed"|null}
 *   POST /__sandbox/expire-tokens  {hid, refresh?: boolean} -> the hub's access tokens (and its
 *                                  refresh tokens when refresh is true) stop verifying
 *   POST /__sandbox/account-roles  {hid, roles: 0-255} -> the roles of the account's next tokens
 *
 * Counts only, never the hub list: 1,000 hubs would make the state unreadable. Tests that need a
 * hub's licence use the in-process licenceOf().
 */

const adminError = (status: number, code: string, message: string): AdminReply => ({
  status,
  body: { code, message },
});

export function engineState(ctx: HubContext): unknown {
  const faults: Record<string, number> = Object.fromEntries(HUB_FAULTS.map((f) => [f, 0]));
  const licences = { valid: 0, invalid: 0, inactive: 0, over90PercentUsed: 0 };
  for (const hub of ctx.fleet.hubs) {
    if (hub.fault) faults[hub.fault] = (faults[hub.fault] ?? 0) + 1;
    const licence = ctx.fleet.licenceOf(hub);
    if (licence.isValid) licences.valid += 1;
    else licences.invalid += 1;
    if (!licence.isActive) licences.inactive += 1;
    if (licence.size > 0 && licence.used > 0.9 * licence.size) licences.over90PercentUsed += 1;
  }
  return {
    hubs: ctx.fleet.hubs.length,
    faults,
    licences,
    spareCodes: ctx.fleet.spareCodes().length,
    counters: { ...ctx.counters },
  };
}

/** Parses `body` with `schema` and finds its hub, or the 400/404 admin reply. */
function withHub<T extends { hid: string }>(
  ctx: HubContext,
  schema: z.ZodType<T>,
  body: unknown,
  act: (hub: HubRecord, input: T) => AdminReply,
): AdminReply {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return adminError(400, 'InvalidArgument', describeIssues(parsed.error));
  const hub = ctx.fleet.find(parsed.data.hid);
  if (!hub) return adminError(404, 'NotFound', `No emulated hub with hid ${parsed.data.hid}`);
  return act(hub, parsed.data);
}

const hubFaultBody = z.strictObject({ hid: z.string(), fault: z.enum(HUB_FAULTS).nullable() });
const expireBody = z.strictObject({ hid: z.string(), refresh: z.boolean().default(false) });
const rolesBody = z.strictObject({ hid: z.string(), roles: z.int().min(0).max(ADMIN_ROLES) });

export function engineActions(ctx: HubContext): Record<string, AdminAction> {
  return {
    'hub-fault': (body) =>
      withHub(ctx, hubFaultBody, body, (hub, { fault }) => {
        hub.fault = fault ?? undefined;
        return { status: 200, body: { hid: hub.hid, fault } };
      }),
    'expire-tokens': (body) =>
      withHub(ctx, expireBody, body, (hub, { refresh }) => {
        ctx.tokens.expire(hub, refresh);
        return {
          status: 200,
          body: { hid: hub.hid, expired: refresh ? 'access+refresh' : 'access' },
        };
      }),
    'account-roles': (body) =>
      withHub(ctx, rolesBody, body, (hub, { roles }) => {
        hub.roles = roles;
        return { status: 200, body: { hid: hub.hid, roles } };
      }),
  };
}
