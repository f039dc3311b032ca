import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { clockExplains } from './licensespring-clock';
import { featureOf, REFUSALS, type Refusal } from './licensespring-refusals';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { cleanServerText, statusOnlyError, withServerText } from './wire-helpers';

/**
 * What a License API refusal means for the person in front of the app. Errors come as
 * `{status, code, message}` and nearly all are HTTP 400 (contract §5.8), so the `code` carries the
 * meaning: each documented code has its own code and message (licensespring-refusals.ts); codes
 * we do not know are read by their wording, keeping the server's words; the status decides only
 * for 5xx, 429 and replies without a code. Secrets are blanked from every server text.
 */

export type LsOperation =
  | 'activate'
  | 'check'
  | 'deactivate'
  | 'product'
  | 'trial'
  | 'feature'
  | 'feature_release'
  | 'feature_borrow'
  | 'consume'
  | 'consume_feature'
  | 'release'
  | 'borrow';

/** Limits of the licence seen in earlier answers, so messages can give numbers. */
export interface LsKnownLimits {
  readonly maxActivations?: number;
  readonly maxTransfers?: number;
  readonly maxBorrowHours?: number;
  readonly floatingTimeoutMinutes?: number;
}

export interface LsFailureContext {
  readonly operation: LsOperation;
  readonly host: string;
  readonly now: number;
  /** Values we sent or hold that the server might echo back. */
  readonly secrets: readonly string[];
  readonly productCode: string;
  readonly userProduct: boolean;
  /** The feature the call was about, for messages. */
  readonly feature?: string;
  readonly known?: LsKnownLimits;
}

export interface LsEnvelope {
  readonly code?: string;
  /** The server's own words, cleaned, secrets blanked. */
  readonly text?: string;
}

const CODE_SHAPE = /^[A-Za-z][\w.-]{0,63}$/;

export function envelopeOf(body: unknown, secrets: readonly string[]): LsEnvelope {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code =
    typeof record.code === 'string' && CODE_SHAPE.test(record.code) ? record.code : undefined;
  const raw =
    typeof record.message === 'string'
      ? record.message
      : // A proxy's HTML error page says nothing a person could use.
        typeof body === 'string' && !/^\s*</.test(body)
        ? body
        : undefined;
  return { code, text: raw === undefined ? undefined : cleanServerText(raw, secrets) };
}

/** True when the server answers that this device has no activation: deactivate/release are done. */
export const isDeviceNotFound = (response: HttpResponse): boolean =>
  response.status >= 400 && envelopeOf(response.body, []).code === 'device_not_found';

/** Maps a non-2xx reply (already verified, when signed) to the error to throw. */
export function lsFailure(response: HttpResponse, ctx: LsFailureContext): LicensingError {
  const { status } = response;
  const envelope = envelopeOf(response.body, ctx.secrets);
  if (status >= 500 || status === 429 || status === 408) {
    return statusOnlyError(response, { ...ctx, serverText: envelope.text });
  }
  if (envelope.code === 'signature_mismatch') {
    const clock = clockExplains(response, ctx.now, envelope.text);
    if (clock) return clock;
  }
  // Own keys only: a code such as "constructor" must not reach Object.prototype.
  const refusal: Refusal | undefined =
    envelope.code !== undefined && Object.hasOwn(REFUSALS, envelope.code)
      ? REFUSALS[envelope.code]
      : undefined;
  if (refusal) return refusal({ ...ctx, text: envelope.text });
  if (envelope.code !== undefined) return unknownRefusal(status, envelope.code, envelope.text, ctx);
  if (status === 401 || status === 403) return refusedAccess(envelope.text);
  return statusOnlyError(response, { ...ctx, serverText: envelope.text });
}

export const refusedAccess = (text: string | undefined): LicensingError =>
  new LicensingError('unauthorized', withServerText(ls.refusedCredentials(), text));

/**
 * A code outside the contract (the error table is only partly public, §5.10): its wording decides
 * what kind of problem it is, and the server's words stay in the message.
 */
function unknownRefusal(
  status: number,
  code: string,
  text: string | undefined,
  ctx: LsFailureContext,
): LicensingError {
  const words = `${code} ${text ?? ''}`;
  const shown = cleanServerText(code, ctx.secrets) ?? 'unknown';
  const say = (what: Text) => withServerText(what, text ?? shown);
  if (/consum|overage|limit|exceed|quota/i.test(words)) {
    return new LicensingError('seat_unavailable', say(ls.limitReached(featureOf(ctx))));
  }
  if (/expire/i.test(words)) {
    return new LicensingError('license_expired', say(ls.saysExpired()));
  }
  if (/password|credential/i.test(words)) {
    return new LicensingError('invalid_credentials', say(ls.accountRefused()));
  }
  if (status === 401 || status === 403) return refusedAccess(text ?? shown);
  return new LicensingError('protocol', say(ls.unknownReason({ code: shown })));
}
