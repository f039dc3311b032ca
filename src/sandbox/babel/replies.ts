import type { BabelState, LicenceRecord, TokenKind, TokenRecord } from './state';
import { babelError, timestampOrUndefined, type JsonObject, type Reply } from './wire';

/** Pieces shared by the Babel operations: what a call carries and the reply fragments. */

export interface OpContext {
  readonly state: BabelState;
  /** The injected clock's reading for this request, taken once so one reply is self-consistent. */
  readonly now: number;
  /** The caller's socket address, stored as a token's clientAddr. */
  readonly clientAddr: string;
  readonly heartbeatIntervalSeconds: number;
  readonly floatingTokenTtlMs: number;
}

interface ClientFields {
  readonly machineId: string;
  readonly clientId: string;
  /** Optional on the wire; "" when absent. */
  readonly clientName: string;
}

/** activate, deactivate, request, validate, info */
export interface KeyCall extends ClientFields {
  readonly userKey: string;
}

/** release, heartbeat */
export interface TokenCall extends ClientFields {
  readonly licenseToken: string;
}

/** The `license` object of activate/request/validate replies. */
export function licenceView(licence: LicenceRecord): JsonObject {
  return {
    licenseId: licence.licenseId,
    licensingMode: licence.licensingMode,
    expireAt: timestampOrUndefined(licence.expireAt),
    supportExpireAt: timestampOrUndefined(licence.supportExpireAt),
    licenseKey: licence.licenseKey,
  };
}

export function counts(ctx: OpContext, licence: LicenceRecord): JsonObject {
  return {
    activeClientCount: ctx.state.activeCount(licence),
    maxClientCount: licence.maxClientCount,
  };
}

/** The activate/validate shape; `token` absent on Floating licences without a seat. */
export function licenceReply(
  ctx: OpContext,
  licence: LicenceRecord,
  token: TokenRecord | undefined,
): JsonObject {
  return {
    success: true,
    licenseToken: token?.token,
    tokenExpireAt: token
      ? timestampOrUndefined(ctx.state.timing(token, ctx.now).expireAt)
      : undefined,
    ...counts(ctx, licence),
    license: licenceView(licence),
  };
}

/** This client's live seat on a Floating licence: seats belong to a (clientId, machineId) pair. */
export function floatingTokenOf(
  ctx: OpContext,
  licence: LicenceRecord,
  call: KeyCall,
): TokenRecord | undefined {
  return ctx.state
    .tokensOf(licence.userKey)
    .find(
      (t) =>
        t.kind === 'floating' && t.clientId === call.clientId && t.machineId === call.machineId,
    );
}

/** What a full pool calls its slots, in the refusal. */
const SLOT_NAMES: Readonly<Record<TokenKind, string>> = {
  activation: 'activation slots',
  floating: 'floating seats',
};

/**
 * Issues this client a new token of `kind` if the licence has a free slot, else refuses with
 * ServerReachedMaxTokenAllowed. An activation lasts as long as its licence; a floating seat lasts
 * one TTL and is kept alive by heartbeats.
 */
export function issueToken(
  ctx: OpContext,
  licence: LicenceRecord,
  call: KeyCall,
  kind: TokenKind,
): { readonly token: TokenRecord } | { readonly error: Reply } {
  const active = ctx.state.activeCount(licence);
  if (active >= licence.maxClientCount) {
    return {
      error: babelError(
        'ServerReachedMaxTokenAllowed',
        `All ${SLOT_NAMES[kind]} of this licence are in use (active ${active}, max ${licence.maxClientCount}).`,
      ),
    };
  }
  const token = ctx.state.issue({
    kind,
    userKey: licence.userKey,
    clientId: call.clientId,
    clientName: call.clientName,
    machineId: call.machineId,
    clientAddr: ctx.clientAddr,
    issuedAt: ctx.now,
    expireAt: kind === 'activation' ? licence.expireAt : ctx.now + ctx.floatingTokenTtlMs,
    lastHeartbeat: ctx.now,
  });
  return { token };
}

export type Lookup = { readonly licence: LicenceRecord } | { readonly error: Reply };

/** The licence behind a user key, whatever its state (deactivate and info work on any). */
export function knownLicence(ctx: OpContext, userKey: string): Lookup {
  const licence = ctx.state.licence(userKey);
  if (!licence) return { error: babelError('LicenseKeyNotFound', 'No licence has this user key.') };
  return { licence };
}

/** The licence behind a user key, if it may be used now: not tampered, revoked or expired. */
export function usableLicence(ctx: OpContext, userKey: string): Lookup {
  const found = knownLicence(ctx, userKey);
  if ('error' in found) return found;
  return licenceProblem(ctx, found.licence) ?? found;
}

export function licenceProblem(
  ctx: OpContext,
  licence: LicenceRecord,
): { error: Reply } | undefined {
  if (licence.tampered) {
    return {
      error: babelError('LicenseTampered', 'The licence record failed its integrity check.'),
    };
  }
  if (licence.revoked) {
    return { error: babelError('LicenseRevoked', 'This licence has been revoked by the vendor.') };
  }
  if (licence.expireAt !== undefined && licence.expireAt <= ctx.now) {
    const when = new Date(licence.expireAt).toISOString();
    return { error: babelError('LicenseExpired', `This licence expired on ${when}.`) };
  }
  return undefined;
}
