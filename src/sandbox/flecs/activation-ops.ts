import type { OpContext } from './auth-ops';
import { sessionForActivation } from './sessions';
import type { DeviceRecord } from './state';
import { fail, ok, sessionHeader, sessionJson, type Reply } from './wire';

/** POST /api/v2/device/license/activate and /validate: the device-licence protocol proper. */

export interface ActivateCall {
  /** A well-formed X-Session-Id, if the client sent one (it may still be unknown or expired). */
  readonly sessionId: string | undefined;
  /** The token of `Authorization: Bearer <token>`. */
  readonly bearer: string | undefined;
  readonly licenseKey: string | undefined;
  readonly serialNumber: string | undefined;
}

export const REASONS = {
  missingAuthorization: 'Missing Header: Authorization',
  noUserLicence: 'No user license available',
  badToken: 'Invalid or expired token',
  unknownKey: 'Invalid license key',
  revokedKey: 'License key revoked',
  keyInUse: 'License key is bound to another device',
  unknownSerial: 'Device serial number not registered',
  noLicenceForSerial: 'No license assigned to this device',
} as const;

export function activate(ctx: OpContext, call: ActivateCall): Reply {
  const presented =
    call.sessionId === undefined ? undefined : ctx.state.resolveSession(call.sessionId, ctx.now);
  if (presented && ctx.state.licensed(presented) && presented.current) {
    // 204: the client keeps its stored session; the header only tells it the current id.
    return { status: 204, headers: sessionHeader(presented.current) };
  }
  // Credentials that consume nothing are tried first, so a client that sends a key along with
  // a JWT never spends a user licence it cannot get back.
  if (call.licenseKey !== undefined) {
    // The FLECS core sends a device serial in the licenseKey field (activate_license in flecs-public).
    return ctx.state.deviceBySerial(call.licenseKey)
      ? bySerial(ctx, call.licenseKey, presented)
      : byKey(ctx, call.licenseKey, presented);
  }
  if (call.serialNumber !== undefined) return bySerial(ctx, call.serialNumber, presented);
  if (call.bearer !== undefined) return byUserLicence(ctx, call.bearer, presented);
  return fail(403, REASONS.missingAuthorization);
}

function activated(ctx: OpContext, device: DeviceRecord, presented: DeviceRecord | undefined) {
  const session = sessionForActivation(device, device === presented, ctx.now, ctx.state.timing);
  return ok(
    { sessionId: sessionJson(session), licenseKey: device.licenseKey ?? '' },
    sessionHeader(session),
  );
}

function byKey(ctx: OpContext, licenseKey: string, presented: DeviceRecord | undefined): Reply {
  const key = ctx.state.key(licenseKey);
  if (!key) return fail(403, REASONS.unknownKey);
  if (key.revoked) return fail(403, REASONS.revokedKey);
  const holder = ctx.state.deviceByKey(licenseKey);
  // A holder with a session keeps its key against anyone who cannot present that session. A
  // holder that never had one (a registered device not yet activated) is activated by the key.
  if (holder && holder !== presented && holder.current !== null) {
    return fail(403, REASONS.keyInUse);
  }
  const device = presented ?? holder ?? ctx.state.createDevice();
  ctx.state.bind(device, licenseKey);
  return activated(ctx, device, presented);
}

function bySerial(ctx: OpContext, serial: string, presented: DeviceRecord | undefined): Reply {
  // The serial identifies the device by itself; a session of another device does not matter.
  const device = ctx.state.deviceBySerial(serial);
  if (!device) return fail(403, REASONS.unknownSerial);
  if (device.licenseKey === null) return fail(403, REASONS.noLicenceForSerial);
  if (ctx.state.key(device.licenseKey)?.revoked) return fail(403, REASONS.revokedKey);
  ctx.state.bind(device, device.licenseKey);
  return activated(ctx, device, presented);
}

function byUserLicence(ctx: OpContext, token: string, presented: DeviceRecord | undefined): Reply {
  const user = ctx.state.jwtUser(token, ctx.now);
  if (!user) return fail(403, REASONS.badToken);
  if (user.availableUserLicences <= 0) return fail(403, REASONS.noUserLicence);
  user.availableUserLicences -= 1;
  const device = presented ?? ctx.state.createDevice();
  ctx.state.bind(device, ctx.state.mintLicenseKey());
  return activated(ctx, device, presented);
}

/**
 * An unknown or expired session is not an error here: it is simply not a valid licence (contract
 * 2.5 ASSUME), and no header is set because there is no session to point to.
 */
export function validateLicence(ctx: OpContext, sessionId: string): Reply {
  const device = ctx.state.resolveSession(sessionId, ctx.now);
  if (!device?.current) return ok({ isValid: false });
  return ok({ isValid: ctx.state.licensed(device) }, sessionHeader(device.current));
}
