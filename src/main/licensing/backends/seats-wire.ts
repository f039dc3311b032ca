import { z } from 'zod';

/**
 * The Babel Licensing Service's REST replies, as its protobuf messages come out of
 * System.Text.Json. The server runs with `IgnoreJSonDefaultValues`, so every default-valued field
 * (false, 0, "", [], nanos 0) may be missing: each field below falls back to the protobuf default
 * instead of failing. What is present must have the right type, or the reply is a `protocol` error.
 */

/** Missing or null → the protobuf default. */
const withDefault = <S extends z.ZodType>(schema: S, fallback: z.output<S>) =>
  schema.nullish().transform((value): z.output<S> => value ?? fallback);

const text = withDefault(z.string(), '');
const flag = withDefault(z.boolean(), false);
const count = withDefault(z.number().int().nonnegative(), 0);

/** int64 is a JSON number in System.Text.Json, but protobuf's own JSON writes it as a string. */
const int64 = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d{1,15}$/)
    .transform(Number),
]);

/** protobuf Timestamps span the years 1 to 9999; beyond that a reply breaks the contract. */
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;

/** protobuf Timestamp/Duration `{seconds, nanos}` → milliseconds (always a safe integer). */
const secondsAndNanos = z
  .object({
    seconds: withDefault(int64.pipe(z.number().min(MIN_SECONDS).max(MAX_SECONDS)), 0),
    nanos: withDefault(z.int().min(0).max(999_999_999), 0),
  })
  .transform(({ seconds, nanos }) => seconds * 1000 + Math.floor(nanos / 1_000_000));

/**
 * An instant that may be unset. Absent, null and the zero instant all mean "not set": an unset
 * protobuf Timestamp and Swagger's `{seconds:0,nanos:0}` placeholder are the same thing, and no
 * licence really expires on 1 January 1970.
 */
const instant = secondsAndNanos.nullish().transform((ms) => (ms && ms > 0 ? ms : undefined));
const duration = secondsAndNanos.nullish().transform((ms) => (ms && ms > 0 ? ms : undefined));

/** The signed licence document: opaque bytes, but they must be bytes. */
const licenseKey = withDefault(z.array(z.int().min(0).max(255)), []);

/** Numbers per our ASSUME (0 File, 1 Activation, 2 Floating); names in case a server writes enums as strings. */
const licensingMode = withDefault(z.union([z.int(), z.string()]), 0);

const licenseWire = z.object({
  licenseId: text,
  licensingMode,
  expireAt: instant,
  supportExpireAt: instant,
  licenseKey,
});
const license = withDefault(licenseWire, licenseWire.parse({}));

const clientCounts = { activeClientCount: count, maxClientCount: count } as const;

/** activate and validate share one reply shape. */
export const activationReply = z.object({
  success: flag,
  licenseToken: text,
  tokenExpireAt: instant,
  ...clientCounts,
  license,
});

export const seatRequestReply = z.object({
  granted: flag,
  licenseToken: text,
  tokenExpireAt: instant,
  heartbeatInterval: duration,
  ...clientCounts,
  license,
});

export const heartbeatReply = z.object({
  active: flag,
  tokenExpireAt: instant,
  heartbeatInterval: duration,
  ...clientCounts,
});

/** deactivate and release share one reply shape. */
export const countsReply = z.object({ licenseId: text, ...clientCounts });

const tokenInfo = z.object({
  token: text,
  licenseId: text,
  revoked: flag,
  clientId: text,
  clientAddr: text,
  clientName: text,
  machineId: text,
  issuedAt: instant,
  expireAt: instant,
  // Misspelt on the wire (sic); the correct spelling is accepted too in case a release fixes it.
  lastHearbeat: instant,
  lastHeartbeat: instant,
});

export const infoReply = z.object({
  licenseTokens: withDefault(z.array(tokenInfo), []),
  licenseId: text,
  licensingMode,
  revoked: flag,
  issuedAt: instant,
  expireAt: instant,
  supportExpireAt: instant,
  ...clientCounts,
});

export type ActivationReply = z.output<typeof activationReply>;
export type SeatRequestReply = z.output<typeof seatRequestReply>;
export type HeartbeatReply = z.output<typeof heartbeatReply>;
export type InfoReply = z.output<typeof infoReply>;
export type TokenInfo = z.output<typeof tokenInfo>;
