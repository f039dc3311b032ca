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
  readonly username: string;
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
    `Hub ${ctx.hub} refused the account "${ctx.username}": check the user name and password saved for this hub.`,
  );

const hubTrouble = (status: number, ctx: HubFailureContext): LicensingError =>
  new LicensingError(
    'server_error',
    `Hub ${ctx.hub} had an internal problem (HTTP ${status}). Try again in a few minutes; if it persists, restart the MobiusFlow engine on the hub.`,
  );

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
        `Hub ${ctx.hub} refused the sign-in of "${ctx.username}" as malformed.`,
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
    const what = operation === 'read' ? 'reading its licence' : 'the new licence code';
    return new LicensingError(
      'invalid_input',
      withServerText(`Hub ${ctx.hub} refused ${what}.`, text),
    );
  }
  if (response.status === 403) {
    return new LicensingError(
      'invalid_credentials',
      withServerText(
        `Hub ${ctx.hub} does not let the account "${ctx.username}" ${operation} the licence: use an account with licence rights.`,
        text,
      ),
    );
  }
  return rest(response, ctx);
}
