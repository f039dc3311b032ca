import { expect } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';

/**
 * Awaits a promise that must reject, checks that it rejected with a LicensingError and returns
 * that error, for the caller's own checks of code and message.
 */
export async function licensingFailure(
  promise: Promise<unknown>,
  message?: string,
): Promise<LicensingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, message).toBeInstanceOf(LicensingError);
  return error as LicensingError;
}

/** The LicensingError that `action` throws, or its promise rejects with. */
export const refusalOf = (action: () => unknown): Promise<LicensingError> =>
  licensingFailure(Promise.resolve().then(action));
