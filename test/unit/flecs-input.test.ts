import { describe, expect, it } from 'vitest';
import {
  checkCredentials,
  checkJwt,
  normaliseSerialNumber,
} from '../../src/main/licensing/backends/flecs-input';
import { LicensingError } from '../../src/main/licensing/licensing-error';

/** What a person types for FLECS, checked before anything is sent. */

function refusal(run: () => unknown): LicensingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    return error as LicensingError;
  }
  throw new Error('expected a refusal');
}

describe('flecs input checks', () => {
  it('trims the account name but never the password', () => {
    expect(checkCredentials('  user@example.com ', ' pw ')).toBe('user@example.com');
    expect(checkCredentials('u'.repeat(256), 'p'.repeat(256))).toBe('u'.repeat(256));
  });

  it.each([
    ['', 'pw', /^Enter your FLECS account name\.$/],
    ['   ', 'pw', /^Enter your FLECS account name\.$/],
    ['user', '', /^Enter your FLECS password\.$/],
    ['u'.repeat(257), 'pw', /^FLECS account name is longer than 256/],
    ['user', 'p'.repeat(257), /^FLECS password is longer than 256/],
    ['us\ter', 'pw', /^FLECS account name contains invisible control characters/],
    ['user', 'secret\u0000', /^FLECS password contains invisible control characters/],
  ])(
    'refuses the credentials %j / (password) with invalid_input',
    (username, password, message) => {
      const error = refusal(() => checkCredentials(username, password));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
      if (password.length > 2) expect(error.message).not.toContain(password);
    },
  );

  it('checks the serial number: printable, 1..128 characters', () => {
    expect(normaliseSerialNumber(' SN123456789\n')).toBe('SN123456789');
    expect(normaliseSerialNumber('S'.repeat(128))).toHaveLength(128);
    expect(refusal(() => normaliseSerialNumber('')).message).toBe(
      "Enter the device's serial number.",
    );
    expect(refusal(() => normaliseSerialNumber('S'.repeat(129))).message).toMatch(/128/);
    expect(refusal(() => normaliseSerialNumber('SN\u00851')).message).toMatch(/control/);
  });

  it('accepts a JWT only as one run of visible ASCII', () => {
    expect(checkJwt(' a.b.c ')).toBe('a.b.c');
    for (const bad of ['', 'a b', 'a.b\r\nX-Evil: 1', 'jwt\u00e9', 'x'.repeat(16_385)]) {
      const error = refusal(() => checkJwt(bad));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('The FLECS sign-in is missing or damaged. Sign in again.');
    }
  });
});
