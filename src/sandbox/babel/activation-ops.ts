import {
  counts,
  floatingTokenOf,
  issueToken,
  knownLicence,
  licenceReply,
  usableLicence,
  type KeyCall,
  type OpContext,
} from './replies';
import { ACTIVATION_MODE, FLOATING_MODE, type LicenceRecord, type TokenRecord } from './state';
import { babelError, ok, timestamp, timestampOrUndefined, type Reply } from './wire';

/** activate, deactivate, validate and info: the operations addressed by user key. */

function activationOf(
  ctx: OpContext,
  licence: LicenceRecord,
  machineId: string,
): TokenRecord | undefined {
  return ctx.state
    .tokensOf(licence.userKey)
    .find((t) => t.kind === 'activation' && t.machineId === machineId);
}

export function activate(ctx: OpContext, call: KeyCall): Reply {
  const found = usableLicence(ctx, call.userKey);
  if ('error' in found) return found.error;
  const { licence } = found;
  // Floating and File licences are only verified here: seats come from `request`.
  if (licence.licensingMode !== ACTIVATION_MODE) return ok(licenceReply(ctx, licence, undefined));

  // Idempotent per machine: reinstalling or restarting must not eat another slot.
  const existing = activationOf(ctx, licence, call.machineId);
  if (existing) return ok(licenceReply(ctx, licence, existing));

  const issued = issueToken(ctx, licence, call, 'activation');
  if ('error' in issued) return issued.error;
  return ok(licenceReply(ctx, licence, issued.token));
}

export function deactivate(ctx: OpContext, call: KeyCall): Reply {
  // Giving a slot back is allowed even on a revoked or expired licence.
  const found = knownLicence(ctx, call.userKey);
  if ('error' in found) return found.error;
  const { licence } = found;
  const token = activationOf(ctx, licence, call.machineId);
  if (!token)
    return babelError('TokenNotFound', 'This machine holds no activation of this licence.');
  ctx.state.drop(token.token);
  return ok({ licenseId: licence.licenseId, ...counts(ctx, licence) });
}

export function validate(ctx: OpContext, call: KeyCall): Reply {
  const found = usableLicence(ctx, call.userKey);
  if ('error' in found) return found.error;
  const { licence } = found;
  if (licence.licensingMode === ACTIVATION_MODE) {
    const token = activationOf(ctx, licence, call.machineId);
    if (!token) return babelError('TokenNotFound', 'This machine has not activated this licence.');
    return ok(licenceReply(ctx, licence, token));
  }
  const seat =
    licence.licensingMode === FLOATING_MODE ? floatingTokenOf(ctx, licence, call) : undefined;
  return ok(licenceReply(ctx, licence, seat));
}

export function info(ctx: OpContext, call: KeyCall): Reply {
  // Works on revoked and expired licences too: that is how a client learns why it was refused.
  const found = knownLicence(ctx, call.userKey);
  if ('error' in found) return found.error;
  const { licence } = found;
  const licenseTokens = ctx.state.tokensOf(licence.userKey).map((token) => {
    const timing = ctx.state.timing(token, ctx.now);
    return {
      token: token.token,
      licenseId: licence.licenseId,
      revoked: licence.revoked,
      clientId: token.clientId,
      clientAddr: token.clientAddr,
      clientName: token.clientName,
      machineId: token.machineId,
      issuedAt: timestamp(token.issuedAt),
      expireAt: timestampOrUndefined(timing.expireAt),
      // Sic: the vendor's field name is misspelled on the wire.
      lastHearbeat: timestamp(timing.lastHeartbeat),
    };
  });
  return ok({
    licenseTokens,
    licenseId: licence.licenseId,
    maxClientCount: licence.maxClientCount,
    activeClientCount: ctx.state.activeCount(licence),
    licensingMode: licence.licensingMode,
    revoked: licence.revoked,
    issuedAt: timestamp(licence.issuedAt),
    expireAt: timestampOrUndefined(licence.expireAt),
    supportExpireAt: timestampOrUndefined(licence.supportExpireAt),
  });
}
