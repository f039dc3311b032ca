import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/main/http/http-client';
import {
  createFlecsClient,
  LICENCE_NOT_VALID_REASON,
  NOT_ACTIVATED_REASON,
  SESSION_REFUSED_REASON,
  type SessionVault,
} from '../../src/main/licensing/backends/flecs';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import { licensingFailure } from '../support/licensing-failure';
import { fakeHttp, fixedClock, type FakeReply } from './seats-fake-http';

/** The FLECS client against an in-memory HttpClient: request shapes and session handling. */

const BASE = 'https://console.flecs.example';
const S1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const S2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const KEY = 'FLX-7Q2M-9KD3-PLW8';
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2In0.c2lnbmF0dXJl';

const sessionHeader = (id: string, timestamp = 17_243_237_291_234) => ({
  'x-session-id': JSON.stringify({ id, timestamp }),
});
const activated = (id: string, timestamp = 17_243_237_291_234): FakeReply => ({
  body: {
    data: { sessionId: { id, timestamp }, licenseKey: KEY },
    statusCode: 200,
    statusText: 'OK',
  },
});

/** A client whose vault records every write, so tests can tell "kept" from "rewritten". */
function flecsClientWith(reply: (request: HttpRequest) => FakeReply, session?: string) {
  const { http, sent } = fakeHttp(reply);
  const memory = createMemorySessionVault(session);
  const writes: string[] = [];
  const vault: SessionVault = {
    ...memory,
    set: async (id) => {
      writes.push(id);
      await memory.set(id);
    },
  };
  const client = createFlecsClient({ baseUrl: `${BASE}/`, http, clock: fixedClock, vault });
  return { client, sent, writes, stored: () => memory.get() };
}

describe('flecs client: requests', () => {
  it('logs in with issueJWT and reads the account from the OpenAPI example', async () => {
    const { client, sent } = flecsClientWith(() => ({
      body: {
        data: {
          feature_flags: { isVendor: false, isWhitelabeled: false },
          jwt: { token: JWT, token_expires: 1704378025 },
          user: { ID: 6, display_name: 'user', user_email: 'user@mail.com', user_login: 'user' },
        },
        statusCode: 200,
        statusText: 'OK',
      },
    }));
    const account = await client.login('  user ', ' pass word ');
    expect(account).toEqual({
      token: JWT,
      expiresAt: 1704378025_000,
      user: { id: 6, displayName: 'user', email: 'user@mail.com', login: 'user' },
    });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/api/v2/auth/login`,
      body: { username: 'user', password: ' pass word ', issueJWT: true },
    });
    expect(sent[0]?.headers).not.toHaveProperty('X-Session-Id');
    expect(sent[0]?.headers).not.toHaveProperty('Authorization');
  });

  it('activates with a user licence: bearer only, no body, no session when none is stored', async () => {
    const { client, sent, stored } = flecsClientWith(() => activated(S2));
    expect(await client.activateWithUserLicence(JWT)).toEqual({
      outcome: 'activated',
      licenseKey: KEY,
    });
    expect(sent[0]?.url).toBe(`${BASE}/api/v2/device/license/activate`);
    expect(sent[0]?.headers).toEqual({
      Accept: 'application/json',
      Authorization: `Bearer ${JWT}`,
    });
    expect(sent[0]?.body).toBeUndefined();
    expect(await stored()).toBe(S2);
  });

  it('sends the stored session with the bearer, so an active device is not charged a second licence', async () => {
    const { client, sent } = flecsClientWith(() => ({ status: 204 }), S1);
    expect(await client.activateWithUserLicence(JWT)).toEqual({ outcome: 'already-active' });
    expect(sent[0]?.headers).toEqual({
      Accept: 'application/json',
      Authorization: `Bearer ${JWT}`,
      'X-Session-Id': S1,
    });
  });

  it('keeps a key a user licence paid for even when the vault cannot be written', async () => {
    const { http } = fakeHttp(() => activated(S2));
    const vault: SessionVault = {
      get: async () => undefined,
      set: async () => Promise.reject(new Error('keyring locked')),
      clear: async () => undefined,
    };
    const client = createFlecsClient({ baseUrl: BASE, http, clock: fixedClock, vault });
    expect(await client.activateWithUserLicence(JWT)).toEqual({
      outcome: 'activated',
      licenseKey: KEY,
    });
  });

  it('keeps the issued key when the reply body carries a malformed session id', async () => {
    const { client, stored } = flecsClientWith(
      () => ({ status: 200, body: { data: { licenseKey: KEY, sessionId: { id: 'x' } } } }),
      S1,
    );
    expect(await client.activateWithUserLicence(JWT)).toEqual({
      outcome: 'activated',
      licenseKey: KEY,
    });
    expect(await stored()).toBe(S1);
  });

  it('never goes back to an older session id when replies arrive out of order', async () => {
    const replies: ((response: HttpResponse) => void)[] = [];
    const http: HttpClient = { request: () => new Promise((resolve) => replies.push(resolve)) };
    const vault = createMemorySessionVault(S1);
    const client = createFlecsClient({ baseUrl: BASE, http, clock: fixedClock, vault });
    const reply = (id: string, timestamp: number): HttpResponse => ({
      status: 200,
      headers: { 'x-session-id': JSON.stringify({ id, timestamp }) },
      body: { data: { isValid: true } },
      rawBody: '',
    });
    const first = client.validate();
    const second = client.validate();
    await new Promise((resolve) => setImmediate(resolve));
    replies[1]?.(reply(S2, 2_000)); // the newer id lands first...
    await second;
    replies[0]?.(reply(S1, 1_000)); // ...then the late reply from before the rotation
    await first;
    expect(await vault.get()).toBe(S2);
  });

  it('activates with a key, sending the stored session as a bare id', async () => {
    const { client, sent } = flecsClientWith(() => activated(S1), S1);
    await client.activateWithKey(` ${KEY}\n`);
    expect(sent[0]?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-Session-Id': S1,
    });
    expect(sent[0]?.body).toEqual({ licenseKey: KEY });
  });

  it('activates with a key and no session header when none is stored', async () => {
    const { client, sent, stored } = flecsClientWith(() => activated(S1));
    await client.activateWithKey(KEY);
    expect(sent[0]?.headers).not.toHaveProperty('X-Session-Id');
    expect(await stored()).toBe(S1);
  });

  it('activates with a serial number: {serialNumber} and no credentials', async () => {
    const { client, sent } = flecsClientWith(() => activated(S1), S1);
    await client.activateWithSerial(' SN123456789 ');
    expect(sent[0]?.body).toEqual({ serialNumber: 'SN123456789' });
    expect(sent[0]?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('checks every input before sending anything', async () => {
    const { client, sent } = flecsClientWith(() => ({}), S1);
    for (const attempt of [
      client.login('user', ''),
      client.activateWithUserLicence(' '),
      client.activateWithKey('K\nEY'),
      client.activateWithSerial('S'.repeat(129)),
    ]) {
      expect((await licensingFailure(attempt)).code).toBe('invalid_input');
    }
    expect(sent).toHaveLength(0);
  });
});

describe('flecs client: the rotating session id', () => {
  it('keeps the stored session on 204 already-active, unless the header rotated it', async () => {
    for (const [pushed, expected] of [
      [S1, []],
      [S2, [S2]],
    ] as const) {
      const { client, writes } = flecsClientWith(
        () => ({ status: 204, headers: sessionHeader(pushed) }),
        S1,
      );
      expect(await client.activateWithKey(KEY)).toEqual({ outcome: 'already-active' });
      expect(writes).toEqual(expected);
    }
  });

  it.each([403, 500, 429])('switches on an HTTP %i error reply too', async (status) => {
    const { client, writes } = flecsClientWith(
      () => ({ status, headers: sessionHeader(S2), body: { reason: 'x', statusCode: status } }),
      S1,
    );
    await licensingFailure(client.activateWithKey(KEY));
    expect(writes).toEqual([S2]);
  });

  it('switches even when the body is malformed, then reports protocol', async () => {
    const { client, writes } = flecsClientWith(
      () => ({ headers: sessionHeader(S2), body: '<html>portal</html>' }),
      S1,
    );
    expect((await licensingFailure(client.validate())).code).toBe('protocol');
    expect(writes).toEqual([S2]);
  });

  it.each([
    S2,
    S2.toUpperCase(),
    JSON.stringify({ id: 'not-a-uuid', timestamp: 1 }),
    JSON.stringify({ id: `${S2} `, timestamp: 1 }),
    `${JSON.stringify({ id: S2, timestamp: 1 })}, ${JSON.stringify({ id: S1, timestamp: 2 })}`,
    '{"id":',
  ])('ignores the malformed response header %j', async (value) => {
    const { client, writes } = flecsClientWith(
      () => ({ headers: { 'x-session-id': value }, body: { data: { isValid: true } } }),
      S1,
    );
    expect(await client.validate()).toEqual({ isValid: true });
    expect(writes).toEqual([]);
  });

  it('on a 200 activation keeps the newer of header and body sessions', async () => {
    const newerHeader = flecsClientWith(() => ({
      ...activated(S1, 5),
      headers: sessionHeader(S2, 9),
    }));
    await newerHeader.client.activateWithKey(KEY);
    expect(await newerHeader.stored()).toBe(S2);
    const newerBody = flecsClientWith(() => ({
      ...activated(S1, 9),
      headers: sessionHeader(S2, 5),
    }));
    await newerBody.client.activateWithKey(KEY);
    expect(await newerBody.stored()).toBe(S1);
  });

  it('accepts a success envelope without statusText, or with the statusTest misspelling', async () => {
    for (const envelope of [{}, { statusCode: 200, statusTest: 'OK' }]) {
      const { client } = flecsClientWith(
        () => ({ body: { data: { isValid: true }, ...envelope } }),
        S1,
      );
      expect(await client.validate()).toEqual({ isValid: true });
    }
  });
});

describe('flecs client: validate', () => {
  it('answers "not activated" without a call when no session is stored', async () => {
    const { client, sent } = flecsClientWith(() => ({}));
    expect(await client.validate()).toEqual({ isValid: false, reason: NOT_ACTIVATED_REASON });
    expect(sent).toHaveLength(0);
  });

  it('never sends a damaged stored value as a session id', async () => {
    const { client, sent } = flecsClientWith(() => ({}), `${S1}\r\nX-Evil: 1`);
    expect(await client.validate()).toEqual({ isValid: false, reason: NOT_ACTIVATED_REASON });
    expect(sent).toHaveLength(0);
  });

  it('posts the bare session id with no body and reads isValid', async () => {
    const { client, sent } = flecsClientWith(
      () => ({ body: { data: { isValid: true }, statusCode: 200, statusText: 'OK' } }),
      S1,
    );
    expect(await client.validate()).toEqual({ isValid: true });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/api/v2/device/license/validate`,
      headers: { 'X-Session-Id': S1 },
    });
    expect(sent[0]?.body).toBeUndefined();
  });

  it('treats isValid:false as an answer with a readable reason', async () => {
    const { client } = flecsClientWith(() => ({ body: { data: { isValid: false } } }), S1);
    expect(await client.validate()).toEqual({ isValid: false, reason: LICENCE_NOT_VALID_REASON });
  });

  it.each([401, 403])('treats HTTP %i (session not found) as not valid', async (status) => {
    const { client } = flecsClientWith(
      () => ({ status, body: { reason: 'Session not found', statusCode: status } }),
      S1,
    );
    expect(await client.validate()).toEqual({ isValid: false, reason: SESSION_REFUSED_REASON });
  });

  it('reports a 500 as a retryable server error, not as an invalid licence', async () => {
    const { client } = flecsClientWith(
      () => ({ status: 500, body: { reason: 'Could not validate device activation' } }),
      S1,
    );
    const error = await licensingFailure(client.validate());
    expect(error.code).toBe('server_error');
    expect(error.retryable).toBe(true);
  });
});
