import type { IncomingMessage } from 'node:http';
import { jsonBodyOf } from '../eniris/protocol';
import { authorise } from './auth-routes';
import type { HubContext } from './context';
import type { HubRecord } from './fleet';
import { ADMIN_ROLES, HID_PATTERN, hidKey, LICENCE_CODE_PATTERN } from './formats';
import { envelope, fastifyError, MESSAGES, ok, stringFields, type Reply } from './wire';

/**
 * GET and PUT /api/v2/mobius/licence/{hid} on one hub (contract 1.3-1.5). The order of checks
 * follows Fastify's request lifecycle: the Bearer check (an onRequest hook), then body parsing,
 * then schema validation of params before body, then a role check (a preHandler hook), then the
 * handler's own rules.
 */

/**
 * 400 unless `hid` is well-formed and names this hub (in any letter case), or the engine answers
 * another hub's hid for itself: a hub only knows its own licence, and what a real hub says to
 * another's hid is unknown (contract 1.5).
 */
function refuseHid(ctx: HubContext, hub: HubRecord, hid: string): Reply | undefined {
  if (!HID_PATTERN.test(hid)) return fastifyError(400, MESSAGES.hidPattern);
  if (hidKey(hid) !== hidKey(hub.hid) && ctx.foreignHid === 'refuse') {
    return fastifyError(400, `hid ${hid} is not this hub (${hub.hid})`);
  }
  return undefined;
}

export function getLicence(
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
  hid: string,
): Reply {
  const access = authorise(ctx, hub, req);
  if ('refused' in access) return access.refused;
  const foreign = refuseHid(ctx, hub, hid);
  if (foreign) return foreign;
  ctx.counters.licenceReads += 1;
  return ok(envelope(ctx.clock.now(), hub.hid, ctx.fleet.licenceOf(hub)));
}

export async function putLicence(
  ctx: HubContext,
  hub: HubRecord,
  req: IncomingMessage,
  hid: string,
): Promise<Reply> {
  const access = authorise(ctx, hub, req);
  if ('refused' in access) return access.refused;
  const body = await jsonBodyOf(req);
  if ('error' in body) return body.error;
  if (!HID_PATTERN.test(hid)) return fastifyError(400, MESSAGES.hidPattern);
  const input = stringFields(body.value, ['licenceCode']);
  if ('error' in input) return input.error;
  // Which role bit allows it is undocumented (contract 1.2): only an admin's every bit is sure to.
  if (access.roles !== ADMIN_ROLES) return fastifyError(403, MESSAGES.missingRole);
  const foreign = refuseHid(ctx, hub, hid);
  if (foreign) return foreign;

  const { licenceCode } = input.fields;
  if (!LICENCE_CODE_PATTERN.test(licenceCode)) return fastifyError(400, MESSAGES.badCode);
  // Well-formed but unknown codes are installed too and then read back isValid:false.
  if (ctx.fleet.install(hub, licenceCode) === 'in-use') {
    return fastifyError(400, MESSAGES.codeInUse);
  }
  ctx.counters.licenceWrites += 1;
  return ok(envelope(ctx.clock.now(), hub.hid, { licenceCode: hub.licenceCode }));
}
