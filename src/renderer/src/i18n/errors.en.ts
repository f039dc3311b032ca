import { messagesOf } from './messages';

/**
 * Error headlines, one per code, and the hints beside them. English is the source every
 * translation is checked against. The server's own message (error.message) is not here: it
 * arrives as data and stays as it came.
 */
export const errorsEn = {
  /** By error code; lib/error-text.ts indexes it with every ErrorCode, so a missing one fails the typecheck. */
  titles: {
    invalid_input: 'Check what you entered',
    invalid_key: "This licence key isn't recognised",
    unauthorized: 'The licensing server refused the request',
    invalid_credentials: 'The account name or password is wrong',
    seat_unavailable: 'No seats are free right now',
    license_expired: 'This licence has expired',
    license_revoked: 'This licence has been revoked',
    tampered: 'The licence failed an integrity check',
    invalid_file: "This file can't be used as a licence",
    wrong_product: 'This licence is for another product',
    wrong_machine: 'This licence is for another computer',
    seat_lost: 'The seat was lost',
    not_activated: 'Activate a licence first',
    offline: "Can't reach the licensing server",
    timeout: "The licensing server didn't answer in time",
    server_error: 'The licensing server had a problem',
    rate_limited: 'Too many requests',
    protocol: 'The licensing server sent an unexpected reply',
    config: 'The configuration is not valid',
    secret_store: 'Secure storage is unavailable',
    storage: "Local data couldn't be read or saved",
    internal: 'Something went wrong in the app',
  },
  /** `duration` from formatDuration: "2 m 10 s". */
  retryIn: (duration: string) => `Try again in ${duration}.`,
  temporary: 'This is usually temporary. Try again in a moment.',
  /** Beside an error only the vendor can fix: whom to ask. The contact links follow. */
  contactNamed: (name: string) => `Contact ${name}:`,
  contactSupport: 'Contact support:',
};

export type ErrorsMessages = typeof errorsEn;

/** The errors area's words in the active language. */
export const tErrors = (): ErrorsMessages => messagesOf('errors', errorsEn);
