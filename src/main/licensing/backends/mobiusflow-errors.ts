import type { Text } from '../../../shared/text';
import { mobiusflow } from '../../../shared/texts/mobiusflow.en';
import type { HttpResponse } from '../../http/http-client';
import { LicensingError } from '../licensing-error';
import { cleanServerText, statusOnlyError, withServerText } from './wire-helpers';

/**
 * What a hub's refusal means for the engineer in front of it. The error bodies are undocumented
 * (contract §1.6; probably Fastify's `{statusCode, error, message}`), so the status carries the
 * meaning and the hub's own words only add detail, after every secret we sent is blanked out.
 */

export interface HubFailureContext {
  /** How messages name the hub: its name in the inventory, or host:port. */
  readonly hub: string;
  readonly host: string;
  readonly now: number;
  /** The account's name, or `mobiusflow.unknownAccount()` when it could not be read. */
  readonly username: string | Text;
  /** Values we sent or hold that the hub might echo back (password, tokens, licence code). */
  readonly secrets: readonly string[];
}

/** The hub's own words: Fastify's `message` (or `error`), or a plain-text body; never a web page. */
export function hubServerText(body: unknown, secrets: readonly string[]): string | undefined {
  let raw: unknown = body;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    raw = typeof record.message === 'string' ? record.message : record.error;
  }
  if (typeof raw !== 'string' || /^\s*</.test(raw)) return undefined;
  return cleanServerText(raw, secrets);
}

export const accountRefused = (ctx: HubFailureContext): LicensingError =>
  new LicensingError(
    'invalid_credentials',
    mobiusflow.accountRefused({ hub: ctx.hub, username: ctx.username }),
  );

const hubTrouble = (status: number, ctx: HubFailureContext): LicensingError =>
  new LicensingError('server_error', mobiusflow.hubTrouble({ hub: ctx.hub, status }));

const rest = (response: HttpResponse, ctx: HubFailureContext): LicensingError =>
  response.status >= 500
    ? hubTrouble(response.status, ctx)
    : statusOnlyError(response, {
        host: ctx.host,
        now: ctx.now,
        serverText: hubServerText(response.body, ctx.secrets),
      });

/** POST /api/v1/auth/login refused. */
export function loginFailure(response: HttpResponse, ctx: HubFailureContext): LicensingError {
  if (response.status === 401 || response.status === 403) return accountRefused(ctx);
  if (response.status === 400) {
    return new LicensingError(
      'invalid_input',
      withServerText(
        mobiusflow.signInMalformed({ hub: ctx.hub, username: ctx.username }),
        hubServerText(response.body, ctx.secrets),
      ),
    );
  }
  return rest(response, ctx);
}

/** GET or PUT /api/v2/mobius/licence/{hid} refused (a 401 is handled before: renew and retry). */
export function licenceFailure(
  response: HttpResponse,
  operation: 'read' | 'change',
  ctx: HubFailureContext,
): LicensingError {
  const text = hubServerText(response.body, ctx.secrets);
  if (response.status === 400) {
    const refused =
      operation === 'read'
        ? mobiusflow.refusedReading({ hub: ctx.hub })
        : mobiusflow.refusedNewCode({ hub: ctx.hub });
    return new LicensingError('invalid_input', withServerText(refused, text));
  }
  if (response.status === 403) {
    const account = { hub: ctx.hub, username: ctx.username };
    const forbidden =
      operation === 'read' ? mobiusflow.mayNotRead(account) : mobiusflow.mayNotChange(account);
    return new LicensingError('invalid_credentials', withServerText(forbidden, text));
  }
  return rest(response, ctx);
}
