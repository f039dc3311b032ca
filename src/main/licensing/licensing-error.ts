import { RETRYABLE_CODES, type AppError, type ErrorCode } from '../../shared/errors';

/**
 * The one error type the core throws. It carries a stable code, a message a person can act on,
 * the backend it came from, and the original cause for logs (never shown, never sent over IPC).
 */
export class LicensingError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LicensingError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}

/** Turns anything thrown into an AppError; unknown throws are bugs and say so without details. */
export const toAppError = (error: unknown): AppError =>
  error instanceof LicensingError
    ? error.toAppError()
    : {
        code: 'internal',
        message: 'Something went wrong inside the license manager. Please report this.',
        retryable: false,
      };
