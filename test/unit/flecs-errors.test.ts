import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFlecsClient, type FlecsClient } from '../../src/main/licensing/backends/flecs';
import { NO_USER_LICENCE, readableReason } from '../../src/main/licensing/backends/flecs-errors';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import type { ErrorCode } from '../../src/shared/errors';
import { licensingFailure } from '../support/licensing-failure';
import { fakeHttp, fixedClock, NOW, type FakeReply } from './seats-fake-http';

/** How FLECS refusals become error codes and messages, through the client's public API. */

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const KEY = 'FLX-7Q2M-9KD3-PLW8';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2In0.c2ln';
const PASSWORD = 'correct horse battery';
const WRONG_PASSWORD =
  'Sorry, the password you entered is incorrect. Please verify your input or let us help you <a href="https://flecs.tech/my-account/lost-password/">recover your account</a>.';

const clientAnswering = (reply: FakeReply): FlecsClient =>
  createFlecsClient({
    baseUrl: 'http://127.0.0.1:9',
    http: fakeHttp(() => reply).http,
    clock: fixedClock,
    vault: createMemorySessionVault(SESSION),
  });

type Mode = 'login' | 'user' | 'key' | 'serial' | 'validate';
const run = (client: FlecsClient, mode: Mode): Promise<unknown> => {
  switch (mode) {
    case 'login':
      return client.login('user', PASSWORD);
    case 'user':
      return client.activateWithUserLicence(JWT);
    case 'key':
      return client.activateWithKey(KEY);
    case 'serial':
      return client.activateWithSerial('SN123456789');
    case 'validate':
      return client.validate();
  }
};
const refusal = (status: number, reason?: string): FakeReply => ({
  status,
  body: { ...(reason === undefined ? {} : { reason }), statusCode: status, statusText: 'x' },
});

describe('flecs error mapping', () => {
  it.each<[Mode, FakeReply, ErrorCode, RegExp]>([
    ['login', refusal(403, WRONG_PASSWORD), 'invalid_credentials', /password you entered/],
    ['login', refusal(401), 'invalid_credentials', /did not accept this account name/],
    ['login', refusal(400, 'Invalid payload'), 'invalid_input', /Invalid payload/],
    [
      'user',
      refusal(403, 'No user license available'),
      'seat_unavailable',
      /^Your FLECS account has no unused licence\. Buy one/,
    ],
    ['user', refusal(403, 'Quota reached'), 'seat_unavailable', /no unused licence.*Quota reached/],
    ['user', refusal(401, 'Invalid token'), 'invalid_credentials', /Sign in again/],
    ['user', refusal(403, 'JWT expired'), 'invalid_credentials', /Sign in again/],
    [
      'user',
      refusal(403, 'Missing Header: Authorization'),
      'invalid_input',
      /did not receive your sign-in/,
    ],
    [
      'key',
      refusal(403, 'Missing Header: Authorization'),
      'invalid_input',
      /did not receive a licence key/,
    ],
    [
      'key',
      refusal(403, 'License key not found'),
      'invalid_key',
      /does not accept this licence key.*not found/,
    ],
    [
      'key',
      refusal(403, 'License key is bound to another device'),
      'invalid_key',
      /already in use on another device/,
    ],
    [
      'key',
      refusal(403, 'License already activated'),
      'invalid_key',
      /already in use on another device/,
    ],
    [
      'serial',
      refusal(403, 'Missing Header: Authorization'),
      'invalid_input',
      /serial number alone/,
    ],
    ['serial', refusal(403, 'Unknown serial number'), 'invalid_key', /serial number/],
    ['key', refusal(500, 'Could not validate device activation'), 'server_error', /HTTP 500/],
    ['user', refusal(503), 'server_error', /Try again in a few minutes/],
    ['validate', refusal(502), 'server_error', /HTTP 502/],
    ['key', { status: 429, headers: { 'retry-after': '30' } }, 'rate_limited', /Wait 30 seconds/],
    ['key', refusal(408), 'timeout', /gave up waiting/],
    ['key', refusal(404), 'protocol', /HTTP 404/],
    ['login', { status: 302, headers: { location: 'https://x' } }, 'protocol', /redirected/],
    ['key', refusal(418, 'teapot'), 'protocol', /HTTP 418.*teapot/],
    [
      'key',
      { status: 200, body: { data: { sessionId: { id: SESSION } } } },
      'protocol',
      /data\.licenseKey/,
    ],
    ['user', { status: 200 }, 'protocol', /reply was empty/],
    [
      'login',
      { status: 200, body: { data: { jwt: { token: JWT } } } },
      'protocol',
      /token_expires/,
    ],
    ['login', { status: 200, body: '<html>Sign in to Wi-Fi</html>' }, 'protocol', /captive portal/],
    ['validate', { status: 200, body: { data: { isValid: 'yes' } } }, 'protocol', /isValid/],
    ['validate', { status: 204 }, 'protocol', /reply was empty/],
  ])('%s with %j → %s', async (mode, reply, code, message) => {
    const error = await licensingFailure(run(clientAnswering(reply), mode));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('keeps the recover-account link readable and drops the HTML', async () => {
    const error = await licensingFailure(
      run(clientAnswering(refusal(403, WRONG_PASSWORD)), 'login'),
    );
    expect(error.message).toBe(
      'Sorry, the password you entered is incorrect. Please verify your input or let us help you recover your account (https://flecs.tech/my-account/lost-password/).',
    );
  });

  it('says exactly what to do when the account has no licence left', async () => {
    const error = await licensingFailure(
      run(clientAnswering(refusal(403, 'No user license available')), 'user'),
    );
    expect(error.message).toBe(NO_USER_LICENCE);
    expect(error.retryable).toBe(false);
  });

  it('marks 5xx and 429 retryable and carries Retry-After as a date', async () => {
    const date = new Date(NOW + 90_000).toUTCString();
    const limited = await licensingFailure(
      run(clientAnswering({ status: 429, headers: { 'retry-after': date } }), 'validate'),
    );
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 90 });
    expect(limited.retryable).toBe(true);
  });

  it('never repeats a password, JWT, key or session id the console echoes back', async () => {
    const secretsFor: Readonly<Record<Mode, readonly string[]>> = {
      login: [PASSWORD],
      user: [JWT],
      key: [KEY, SESSION],
      serial: [],
      validate: [SESSION],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Mode>('login', 'user', 'key', 'serial', 'validate'),
        fc.constantFrom(400, 401, 403, 404, 418, 422, 429, 500),
        fc.string({ maxLength: 40 }),
        async (mode, status, filler) => {
          const echo = `${filler} ${PASSWORD} ${JWT} ${KEY} ${SESSION} ${filler}`;
          const client = clientAnswering(refusal(status, echo));
          const outcome = await run(client, mode).then(
            (value) => JSON.stringify(value),
            (error: Error) => error.message,
          );
          for (const secret of secretsFor[mode]) expect(outcome).not.toContain(secret);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('readableReason', () => {
  it('turns links into "label (address)", drops other tags and decodes entities', () => {
    expect(readableReason("a <b>bold</b> &amp; <a href='https://x.test/p'>link</a>", [])).toBe(
      'a bold & link (https://x.test/p)',
    );
    expect(readableReason('<a href="javascript:alert(1)">click</a>', [])).toBe('click');
    expect(readableReason('   ', [])).toBeUndefined();
  });

  it('caps the length and blanks secrets', () => {
    const text = readableReason(`key ${KEY} ${'x'.repeat(400)}`, [KEY]) ?? '';
    expect(text.startsWith('key ••• x')).toBe(true);
    expect(text.length).toBe(200);
  });
});

describe('secrets in server text', () => {
  it('are blanked even where the server text is reshaped (tags, doubled spaces, tabs, entities)', async () => {
    const { readableReason } = await import('../../src/main/licensing/backends/flecs-errors');
    const { cleanServerText } = await import('../../src/main/licensing/backends/wire-helpers');
    for (const secret of ['pa<ss>word', 'correct  horse', 'ab\tcd', 'x&amp;y']) {
      expect(readableReason(`Wrong: ${secret}`, [secret])).not.toContain(
        secret.replace(/<[^>]*>/g, ''),
      );
      const cleaned = cleanServerText(`Wrong: ${secret}`, [secret]) ?? '';
      expect(cleaned).toContain('•••');
      expect(cleaned).not.toContain(secret.replace(/\s+/g, ' '));
    }
  });
});
