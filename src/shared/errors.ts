import { z } from 'zod';
import { textSchema } from './text-schema';

/**
 * Every failure the product can report, as a stable code. Adapters, the core, IPC and the CLI all
 * speak these; the message beside the code is written for the person who has to act on it.
 */
export const ERROR_CODES = [
  'invalid_input', // a key, id or option that cannot be right; nothing was sent
  'invalid_key', // the backend does not know this key
  'unauthorized', // the vendor's API key or token was refused
  'invalid_credentials', // the user's account name or password was refused
  'seat_unavailable', // every floating seat is taken, or every activation is used
  'license_expired',
  'license_revoked',
  'tampered', // the server says a licence or token was altered, or a signature does not verify
  'invalid_file', // a file given to import is not a licence, is cut short or is too large
  'wrong_product', // a licence file or answer is for another product
  'wrong_machine', // a licence file or answer is locked to another computer
  'seat_lost', // our floating token lapsed or was taken back
  'not_activated', // the action needs an activation that does not exist
  'offline', // DNS failure, connection refused or reset: the backend is unreachable
  'timeout', // the backend did not answer in time
  'server_error', // 5xx from the backend
  'rate_limited', // 429
  'protocol', // the backend answered something that does not fit its contract
  'config', // the vendor or user configuration is invalid
  'secret_store', // the OS secret store is missing, locked or too weak
  'storage', // the local state could not be read or written
  'internal', // a bug: report it
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for logs and the CLI; the screens show `text` in their language when it is there. */
  message: z.string(),
  text: textSchema.optional(),
  /** True when trying the same thing again later may work (network, 5xx, 429). */
  retryable: z.boolean().optional(),
  /** Seconds the backend asked us to wait before retrying, when it said so. */
  retryAfterSeconds: z.number().nonnegative().optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

/** Errors that say "try again later" rather than "something is wrong with the licence". */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  'offline',
  'timeout',
  'server_error',
  'rate_limited',
]);
