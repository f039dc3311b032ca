import { z } from 'zod';

/**
 * The FLECS Console's replies (contract: shared/backends/CONTRACTS.md §2, flecs-openapi.yaml).
 * Success bodies are `{data, statusCode, statusText}`; only `data` is read, because the envelope
 * fields are decoration (one of FLECS's own mocks even spells `statusText` as `statusTest`).
 * Unknown fields are dropped, so additions on the console's side never break the client.
 */

/** The console's own pattern for session ids (lower-case hex only). */
export const SESSION_ID_PATTERN = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

export const isSessionId = (value: string): boolean => SESSION_ID_PATTERN.test(value);

/**
 * `{id, timestamp}`. The timestamp's unit is undocumented (probably epoch ms), so it is only used
 * to order two ids against each other; the OpenAPI schema does not require it, and neither do we.
 */
const sessionStamp = z.object({
  id: z.string().regex(SESSION_ID_PATTERN),
  timestamp: z.number().nonnegative().optional(),
});
export type SessionStamp = z.output<typeof sessionStamp>;

/**
 * The `X-Session-Id` response header: JSON `{"id":"<uuid>","timestamp":<int64>}`, unlike the
 * request header, which is the bare id. Anything else (a bare id, an upper-case id, broken JSON,
 * two headers joined by a comma) yields undefined and is never stored.
 */
export function sessionFromHeader(value: string | undefined): SessionStamp | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = sessionStamp.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Of two stamps, the newer one; on a tie or a missing timestamp, `later` (the more specific source). */
export function newerStamp(
  earlier: SessionStamp | undefined,
  later: SessionStamp | undefined,
): SessionStamp | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  if (earlier.timestamp !== undefined && later.timestamp !== undefined) {
    return earlier.timestamp > later.timestamp ? earlier : later;
  }
  return later;
}

const envelope = <S extends z.ZodType>(data: S) => z.object({ data });

/** POST /api/v2/auth/login → 200. `feature_flags` is not needed by a device client. */
export const loginReply = envelope(
  z.object({
    jwt: z.object({
      token: z.string().min(1),
      // Epoch seconds.
      token_expires: z.number().int().nonnegative(),
    }),
    user: z.object({
      ID: z.number().int(),
      user_login: z.string(),
      // Cosmetic: an account without a display name or e-mail must still be able to sign in.
      display_name: z.string().nullish(),
      user_email: z.string().nullish(),
    }),
  }),
);
export type LoginReply = z.output<typeof loginReply>;

/**
 * POST /api/v2/device/license/activate → 200. The key is read on its own: a session id that does
 * not fit is ignored like a bad header, never a reason to drop a key a user licence paid for.
 */
export const activationReply = envelope(
  z.object({ sessionId: z.unknown().optional(), licenseKey: z.string().min(1) }),
);

/** A session stamp from anywhere (a reply body, the vault), or undefined when it does not fit. */
export function stampFrom(value: unknown): SessionStamp | undefined {
  const parsed = sessionStamp.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** POST /api/v2/device/license/validate → 200. */
export const validationReply = envelope(z.object({ isValid: z.boolean() }));

/** The `reason` of an `errorDescription` body (`{reason?, statusCode?, statusText?}`), if any. */
export function errorReason(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const reason: unknown = (body as Record<string, unknown>).reason;
  return typeof reason === 'string' ? reason : undefined;
}
