import {
  counts,
  floatingTokenOf,
  issueToken,
  licenceProblem,
  licenceView,
  usableLicence,
  type KeyCall,
  type OpContext,
  type TokenCall,
} from './replies';
import { FLOATING_MODE, type LicenceRecord, type TokenRecord } from './state';
import {
  babelError,
  duration,
  ok,
  timestampOrUndefined,
  type JsonObject,
  type Reply,
} from './wire';

/** request, heartbeat and release: the floating-seat lifecycle. */

function seatReply(ctx: OpContext, licence: LicenceRecord, token: TokenRecord): JsonObject {
  return {
    granted: true,
    licenseToken: token.token,
    tokenExpireAt: timestampOrUndefined(ctx.state.timing(token, ctx.now).expireAt),
    heartbeatInterval: duration(ctx.heartbeatIntervalSeconds),
    ...counts(ctx, licence),
    license: licenceView(licence),
  };
}

export function request(ctx: OpContext, call: KeyCall): Reply {
  const found = usableLicence(ctx, call.userKey);
  if ('error' in found) return found.error;
  const { licence } = found;
  if (licence.licensingMode !== FLOATING_MODE) {
    return babelError('InvalidArgument', 'this licence is not a floating licence');
  }

  // Idempotent per client: a client that lost our reply and asks again keeps its one seat.
  const existing = floatingTokenOf(ctx, licence, call);
  if (existing) {
    existing.expireAt = ctx.now + ctx.floatingTokenTtlMs;
    return ok(seatReply(ctx, licence, existing));
  }

  const issued = issueToken(ctx, licence, call, 'floating');
  if ('error' in issued) return issued.error;
  return ok(seatReply(ctx, licence, issued.token));
}

export function heartbeat(ctx: OpContext, call: TokenCall): Reply {
  const found = ctx.state.find(call.licenseToken);
  const licence = found ? ctx.state.licence(found.record.userKey) : undefined;
  if (!found || !licence) return babelError('TokenNotFound', 'No token matches this licenseToken.');
  const { record } = found;
  // A token is bound to the machine it was issued to; another machine presenting it is a copy.
  if (record.machineId !== call.machineId) {
    return babelError('TokenTampered', 'This token was issued to another machine.');
  }
  if (found.lapsed) {
    const when = new Date(record.expireAt ?? ctx.now).toISOString();
    return babelError(
      'TokenExpired',
      `This token lapsed at ${when}: no heartbeat arrived in time. Request a new seat.`,
    );
  }
  const heartbeatInterval = duration(ctx.heartbeatIntervalSeconds);
  if (licence.revoked) {
    // Not an error: the reply says the seat is no longer active (and `active` is omitted as false).
    ctx.state.drop(record.token);
    return ok({ active: false, ...counts(ctx, licence), heartbeatInterval });
  }
  const problem = licenceProblem(ctx, licence);
  if (problem) {
    ctx.state.drop(record.token);
    return problem.error;
  }

  record.lastHeartbeat = ctx.now;
  // Activation tokens do not lapse; only floating seats are kept alive by heartbeats.
  if (record.kind === 'floating') record.expireAt = ctx.now + ctx.floatingTokenTtlMs;
  return ok({
    active: true,
    ...counts(ctx, licence),
    tokenExpireAt: timestampOrUndefined(ctx.state.timing(record, ctx.now).expireAt),
    heartbeatInterval,
  });
}

export function release(ctx: OpContext, call: TokenCall): Reply {
  const found = ctx.state.find(call.licenseToken);
  const licence = found ? ctx.state.licence(found.record.userKey) : undefined;
  // A lapsed token is already back in the pool: there is nothing left to release.
  if (!found || found.lapsed || !licence) {
    return babelError('TokenNotFound', 'No live token matches this licenseToken.');
  }
  ctx.state.drop(found.record.token);
  return ok({ licenseId: licence.licenseId, ...counts(ctx, licence) });
}
