import { RETRYABLE_CODES, type AppError, type ErrorCode } from '../../shared/errors';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { licensing } from '../../shared/texts/licensing.en';

/**
 * The one error type the core throws. It carries a stable code, a message a person can act on,
 * the backend it came from, and the original cause for logs (never shown, never sent over IPC).
 */
export class LicensingError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  /**
   * The reply failed our own check of its signature (a middlebox or a forger), as opposed to the
   * server's verdict: nothing from it was used. See `retriedInBackground`.
   */
  readonly unverifiedReply: boolean;
  /** The message as an id and parameters, for the screens to put in their language. */
  readonly text: Text | undefined;

  /**
   * `message` is a text from a catalogue (shared/texts). A plain string only passes on English that
   * was never ours to translate, such as a hub's refusal re-thrown with its English when it came
   * without a text; a test keeps literal sentences out of the source.
   */
  constructor(
    code: ErrorCode,
    message: Text | string,
    options: { cause?: unknown; retryAfterSeconds?: number; unverifiedReply?: boolean } = {},
  ) {
    super(typeof message === 'string' ? message : inEnglish(message), { cause: options.cause });
    this.text = typeof message === 'string' ? undefined : message;
    this.name = 'LicensingError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.unverifiedReply = options.unverifiedReply ?? false;
  }

  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.text === undefined ? {} : { text: this.text }),
      retryable: this.retryable,
      ...(this.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}

/**
 * Whether a heartbeat or periodic re-check that failed with `error` is tried again in the
 * background (same backoff, same grace window, retaken after a loss like an outage) instead of
 * stopping until the person acts. Wider than `retryable`, which answers for a call the person just
 * made and stays what the screens show.
 *
 * `protocol` is added: a reply that does not fit the contract (a captive portal's 200 sign-in
 * page, a proxy's error page, JSON of another shape; fault matrix F9, F11) says something is in
 * the way, not that the server refused the seat. Nothing from such a reply is kept, so trying
 * again costs one request per backoff step, while stopping would drop a seat for good over one
 * bad reply that nobody is there to retry. A server really speaking another version keeps failing
 * at the slow lost-seat pace, which is no storm.
 *
 * Refusals the server decided stay final: revoked, expired, unauthorized, invalid key, a full pool
 * while our lease was fresh (seat_lost is answered by the task's retake before it gets here), and
 * `tampered` when it is the server's own verdict (the seat server's LicenseTampered).
 *
 * An `unverifiedReply` (a reply whose signature did not verify, LicenseSpring) is retried: it was
 * refused whole, so retrying stores nothing from it and gives an attacker on the path nothing a
 * dropped connection would not. Not retrying would hand them something: one forged reply would
 * stop the seat until the person clicks. The seat still counts as lost once its window passes,
 * so a forger cannot extend it.
 */
export const retriedInBackground = (error: LicensingError): boolean =>
  error.retryable || error.code === 'protocol' || error.unverifiedReply;

/** Turns anything thrown into an AppError; unknown throws are bugs and say so without details. */
export const toAppError = (error: unknown): AppError =>
  error instanceof LicensingError
    ? error.toAppError()
    : new LicensingError('internal', licensing.internal()).toAppError();
