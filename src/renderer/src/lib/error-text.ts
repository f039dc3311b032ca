import type { AppError, ErrorCode } from '../../../shared/errors';
import { assertNever } from './assert-never';
import { formatDuration } from './format';

/**
 * A headline per error code, written for the person at the screen. The server's own message goes
 * underneath it: the headline says what kind of problem it is, the message says what exactly.
 */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case 'invalid_input':
      return 'Check what you entered';
    case 'invalid_key':
      return "This licence key isn't recognised";
    case 'unauthorized':
      return 'The licensing server refused the request';
    case 'invalid_credentials':
      return 'The account name or password is wrong';
    case 'seat_unavailable':
      return 'No seats are free right now';
    case 'license_expired':
      return 'This licence has expired';
    case 'license_revoked':
      return 'This licence has been revoked';
    case 'tampered':
      return 'The licence failed an integrity check';
    case 'invalid_file':
      return "This file can't be used as a licence";
    case 'wrong_product':
      return 'This licence is for another product';
    case 'wrong_machine':
      return 'This licence is for another computer';
    case 'seat_lost':
      return 'The seat was lost';
    case 'not_activated':
      return 'Activate a licence first';
    case 'offline':
      return "Can't reach the licensing server";
    case 'timeout':
      return "The licensing server didn't answer in time";
    case 'server_error':
      return 'The licensing server had a problem';
    case 'rate_limited':
      return 'Too many requests';
    case 'protocol':
      return 'The licensing server sent an unexpected reply';
    case 'config':
      return 'The configuration is not valid';
    case 'secret_store':
      return 'Secure storage is unavailable';
    case 'storage':
      return "Local data couldn't be read or saved";
    case 'internal':
      return 'Something went wrong in the app';
    default:
      return assertNever(code);
  }
}

/** A short hint about what to do next, when the code alone tells us. */
export function errorHint(error: AppError): string | undefined {
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0) {
    return `Try again in ${formatDuration(error.retryAfterSeconds * 1000)}.`;
  }
  if (error.retryable) return 'This is usually temporary. Try again in a moment.';
  return undefined;
}
