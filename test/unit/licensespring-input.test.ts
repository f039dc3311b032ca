import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../../src/main/http/http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringBackend,
} from '../../src/main/licensing/backends/licensespring';
import {
  checkAmount,
  checkBorrowUntil,
  checkEmail,
  checkFeatureCode,
  checkIdentity,
  checkPassword,
} from '../../src/main/licensing/backends/licensespring-input';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import { generateKeyPairSync } from 'node:crypto';

/** What is checked before anything is sent: a slip becomes a precise message, not a request. */

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const thrown = (check: () => unknown) => licensingFailure(Promise.resolve().then(check));

describe('licensespring input checks', () => {
  it('trims and keeps a plausible licence key or account name', () => {
    expect(checkIdentity('  ABCD-EFGH-1234 \n', false)).toBe('ABCD-EFGH-1234');
    expect(checkIdentity(' user@example.com ', true)).toBe('user@example.com');
  });

  it.each([
    ['an empty key', () => checkIdentity('  ', false), /Enter a licence key/],
    ['a key with a control character', () => checkIdentity('AB\u0007CD', false), /control/],
    ['an over-long key', () => checkIdentity('K'.repeat(300), false), /300 characters/],
    ['an empty account name', () => checkIdentity('', true), /account name/],
    ['an over-long account name', () => checkIdentity('u'.repeat(257), true), /257 characters/],
    ['an empty password', () => checkPassword(''), /password/],
    ['an over-long password', () => checkPassword('p'.repeat(300)), /at most 256/],
    ['an empty feature code', () => checkFeatureCode(' '), /feature/],
    ['a feature code with spaces', () => checkFeatureCode('cad viewer'), /spaces/],
    ['an over-long feature code', () => checkFeatureCode('f'.repeat(129)), /129 characters/],
    ['an amount of 0', () => checkAmount(0), /other than 0/],
    ['a fractional amount', () => checkAmount(1.5), /whole number/],
    ['an infinite amount', () => checkAmount(Infinity), /whole number/],
    ['a borrowing end in the past', () => checkBorrowUntil(NOW - 1, NOW), /not in the future/],
    ['a borrowing end of now', () => checkBorrowUntil(NOW, NOW), /not in the future/],
    ['an invalid borrowing end', () => checkBorrowUntil(Number.NaN, NOW), /not a valid date/],
    ['a malformed e-mail', () => checkEmail('not-an-address'), /e-mail/],
  ])('refuses %s as invalid input', async (_, check, message) => {
    const error = await thrown(check);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });

  it('accepts negative whole amounts (the server decides whether the licence allows them)', () => {
    expect(checkAmount(-3)).toBe(-3);
  });

  it('sends a borrowing end as ISO-8601 UTC, and none as null (the longest allowed)', () => {
    expect(checkBorrowUntil(NOW + 3_600_000, NOW)).toBe('2026-01-15T10:00:00.000Z');
    expect(checkBorrowUntil(undefined, NOW)).toBeNull();
  });

  it('treats a blank e-mail as none', () => {
    expect(checkEmail('  ')).toBeUndefined();
    expect(checkEmail(' a@b.example ')).toBe('a@b.example');
  });
});

describe('licensespring backend: nothing is sent for bad input', () => {
  const publicKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
  let requests = 0;
  const http: HttpClient = {
    request: () => {
      requests += 1;
      return Promise.reject(new Error('no request was expected'));
    },
  };
  const backend = (authorizationMethod: 'license-key' | 'user'): LicenseSpringBackend =>
    createLicenseSpringBackend({
      baseUrl: 'https://api.example',
      productCode: 'lmpro',
      auth: { kind: 'hmac', apiKey: 'api-key', sharedKey: 'shared-key' },
      publicKeyPem,
      authorizationMethod,
      http,
      clock: createManualClock(NOW),
      identity: { machineId: 'hw-1', clientId: 'c-1', clientName: 'Test PC' },
    });
  const keyed = backend('license-key');
  const user = backend('user');
  const ls = keyed.licenseSpring;

  it('offers the activation method of the product', () => {
    expect(keyed.activationMethods).toEqual(['key']);
    expect(user.activationMethods).toEqual(['account']);
    expect(keyed.revalidateEveryMs).toBeUndefined();
  });

  it.each([
    ['a serial on a key product', () => keyed.activate({ method: 'serial' }), /licence key/],
    [
      'an account on a key product',
      () => keyed.activate({ method: 'account', username: 'u@x.example', password: 'p' }),
      /licence key/,
    ],
    ['a key on a user product', () => user.activate({ method: 'key', key: 'K-1' }), /account/],
    ['an empty key', () => keyed.activate({ method: 'key', key: ' ' }), /Enter a licence key/],
    [
      'an empty password',
      () => user.activate({ method: 'account', username: 'u@x.example', password: '' }),
      /password/,
    ],
    ['an empty key on check', () => ls.check(''), /Enter a licence key/],
    ['an empty key on release', () => ls.release(' '), /Enter a licence key/],
    ['an empty key on feature release', () => ls.releaseFeature('', 'f'), /Enter a licence key/],
    ['a bad feature code', () => ls.checkFeature('K-1', ''), /feature/],
    ['a zero consumption', () => ls.consume('K-1', 0), /other than 0/],
    ['a fractional feature consumption', () => ls.consumeFeature('K-1', 'f', 0.5), /whole/],
    ['a borrow ending in the past', () => ls.borrow('K-1', NOW - 1000), /not in the future/],
    ['a feature borrow ending now', () => ls.borrowFeature('K-1', 'f', NOW), /not in the future/],
    ['a bad trial e-mail', () => ls.trialKey('nope'), /e-mail/],
  ])('refuses %s', async (_, call, message) => {
    const error = await licensingFailure(call());
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(requests).toBe(0);
  });

  it('asks for an activation when no key was stored', async () => {
    expect((await licensingFailure(keyed.validate(undefined))).code).toBe('not_activated');
    expect((await licensingFailure(keyed.deactivate(undefined))).code).toBe('not_activated');
    expect(requests).toBe(0);
  });

  it('refuses a malformed server address or public key as configuration', async () => {
    const config = (overrides: object) =>
      thrown(() =>
        createLicenseSpringBackend({
          baseUrl: 'https://api.example',
          productCode: 'lmpro',
          auth: { kind: 'hmac', apiKey: 'api-key', sharedKey: 'shared-key' },
          publicKeyPem,
          authorizationMethod: 'license-key',
          http,
          clock: createManualClock(NOW),
          identity: { machineId: 'hw-1', clientId: 'c-1', clientName: 'Test PC' },
          ...overrides,
        }),
      );
    expect((await config({ baseUrl: 'ftp://x' })).code).toBe('config');
    expect((await config({ publicKeyPem: 'garbage' })).code).toBe('config');
    expect((await config({ auth: { kind: 'hmac', apiKey: 'a"b', sharedKey: 's' } })).code).toBe(
      'config',
    );
  });
});
