import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient } from '../../src/main/http/http-client';
import {
  createFlecsClient,
  LICENCE_NOT_VALID_REASON,
  NOT_ACTIVATED_REASON,
} from '../../src/main/licensing/backends/flecs';
import { NO_USER_LICENCE } from '../../src/main/licensing/backends/flecs-errors';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import { flecsDemo, startFlecsSandbox, type FlecsSandbox } from '../../src/sandbox/flecs/server';
import { checkRequest, checkResponse } from '../support/flecs-openapi';
import { revokeFlecsLicence } from '../support/flecs-sandbox';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { refusedUrl } from '../support/refused-url';

/**
 * The FLECS client against the FLECS sandbox over real loopback HTTP. The two sides were written
 * from the contract independently; every exchange is also checked against FLECS's OpenAPI file.
 */

const demo = flecsDemo();
const TTL_S = 600;
const GRACE_S = 120;
const transport = createAxiosHttpClient();
const OTHER_SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';

let clock: ManualClock;
let sandbox: FlecsSandbox;
let problems: string[];

/** The real client, with every request and reply checked against flecs-openapi.yaml. */
const checked: HttpClient = {
  async request(req) {
    const path = new URL(req.url).pathname;
    const where = `${req.method} ${path}`;
    const note = (found: readonly string[]) => problems.push(...found.map((p) => `${where}: ${p}`));
    note(checkRequest(req.method, path, { headers: req.headers ?? {}, body: req.body }));
    const res = await transport.request(req);
    note(checkResponse(req.method, path, res.status, { headers: res.headers, body: res.body }));
    return res;
  },
};

function device(options: { session?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  const vault = createMemorySessionVault(options.session);
  const client = createFlecsClient({
    baseUrl: options.baseUrl ?? sandbox.url,
    // Injected faults answer outside the OpenAPI file on purpose: only clean runs are checked.
    http: options.timeoutMs === undefined ? checked : transport,
    clock,
    vault,
    timeoutMs: options.timeoutMs,
  });
  return { client, vault };
}

const signIn = async () => (await device().client.login(demo.username, demo.password)).token;

beforeEach(async () => {
  problems = [];
  clock = createManualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
  sandbox = await startFlecsSandbox({
    clock,
    sessionTtlSeconds: TTL_S,
    sessionGraceSeconds: GRACE_S,
  });
});
afterEach(async () => {
  await sandbox.close();
  expect(problems).toEqual([]);
});

describe('flecs client on the sandbox: the three activation modes', () => {
  it('signs in, activates with a user licence and validates', async () => {
    const account = await device().client.login(demo.username, demo.password);
    expect(account.token).not.toBe('');
    expect(account.expiresAt).toBeGreaterThan(clock.now());
    expect(account.user.login).toBe(demo.username);
    const before = sandbox.userLicences()[demo.username] ?? 0;
    const { client, vault } = device();
    const result = await client.activateWithUserLicence(account.token);
    if (result.outcome !== 'activated')
      throw new Error(`expected activated, got ${result.outcome}`);
    expect(result.licenseKey).not.toBe('');
    expect(sandbox.userLicences()[demo.username]).toBe(before - 1);
    const session = await vault.get();
    expect(sandbox.devices()).toContainEqual(
      expect.objectContaining({ licenseKey: result.licenseKey, active: true, sessionId: session }),
    );
    expect(await client.validate()).toEqual({ isValid: true });
  });

  it('activates with a key, then answers already-active and keeps the session', async () => {
    const { client, vault } = device();
    expect(await client.activateWithKey(demo.licenseKey)).toEqual({
      outcome: 'activated',
      licenseKey: demo.licenseKey,
    });
    const session = await vault.get();
    expect(session).toBeDefined();
    expect(await client.activateWithKey(demo.licenseKey)).toEqual({ outcome: 'already-active' });
    expect(await vault.get()).toBe(session);
    expect(await client.validate()).toEqual({ isValid: true });
  });

  it('activates with a serial number', async () => {
    const { client } = device();
    const result = await client.activateWithSerial(demo.serialNumber);
    expect(result.outcome).toBe('activated');
    expect(await client.validate()).toEqual({ isValid: true });
    expect(
      (await licensingFailure(device().client.activateWithSerial('SN-NOT-REGISTERED'))).code,
    ).toBe('invalid_key');
  });
});

describe('flecs client on the sandbox: refusals', () => {
  it('refuses a wrong password with the console’s own words', async () => {
    const error = await licensingFailure(device().client.login(demo.username, 'not-the-password'));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toMatch(/password you entered is incorrect/);
    expect(error.message).not.toContain('not-the-password');
  });

  it('says so when the account has no user licence left', async () => {
    const token = await signIn();
    const left = sandbox.userLicences()[demo.username] ?? 0;
    for (let n = 0; n < left; n++) await device().client.activateWithUserLicence(token);
    const error = await licensingFailure(device().client.activateWithUserLicence(token));
    expect(error).toMatchObject({ code: 'seat_unavailable', message: NO_USER_LICENCE });
  });

  it('asks to sign in again once the JWT has expired', async () => {
    const token = await signIn();
    clock.advance(24 * 3600_000);
    const error = await licensingFailure(device().client.activateWithUserLicence(token));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toMatch(/Sign in again/);
  });

  it('refuses a key bound to another device, and an unknown key', async () => {
    await device().client.activateWithKey(demo.licenseKey);
    for (const key of [demo.licenseKey, demo.usedKey]) {
      const error = await licensingFailure(device().client.activateWithKey(key));
      expect(error.code).toBe('invalid_key');
      expect(error.message).toMatch(/already in use on another device/);
    }
    const unknown = await licensingFailure(device().client.activateWithKey('NOPE-NOPE-NOPE'));
    expect(unknown.code).toBe('invalid_key');
    expect(unknown.message).not.toContain('NOPE-NOPE-NOPE');
  });
});

describe('flecs client on the sandbox: sessions and validation', () => {
  it('follows the rotated session id; the old one works within grace only', async () => {
    const { client, vault } = device();
    await client.activateWithKey(demo.licenseKey);
    const first = await vault.get();
    clock.advance((TTL_S + 1) * 1000);
    expect(await client.validate()).toEqual({ isValid: true });
    const second = await vault.get();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(sandbox.devices()).toContainEqual(expect.objectContaining({ sessionId: second }));
    // A copy still holding the old id is accepted within the grace window (and moved on)...
    const laggard = device({ session: first });
    expect(await laggard.client.validate()).toEqual({ isValid: true });
    // ...and the rotated device keeps working through further calls.
    expect(await client.activateWithKey(demo.licenseKey)).toEqual({ outcome: 'already-active' });
    clock.advance((GRACE_S + 1) * 1000);
    expect(await client.validate()).toEqual({ isValid: true });
    const stale = device({ session: first });
    expect(await stale.client.validate()).toMatchObject({ isValid: false });
  });

  it('validates false without a call when not activated, and for an unknown session', async () => {
    expect(await device().client.validate()).toEqual({
      isValid: false,
      reason: NOT_ACTIVATED_REASON,
    });
    expect(await device({ session: OTHER_SESSION }).client.validate()).toEqual({
      isValid: false,
      reason: LICENCE_NOT_VALID_REASON,
    });
  });

  it('validates false once the licence is revoked', async () => {
    const { client } = device();
    await client.activateWithKey(demo.licenseKey);
    await revokeFlecsLicence(sandbox, demo.licenseKey);
    expect(await client.validate()).toEqual({ isValid: false, reason: LICENCE_NOT_VALID_REASON });
  });
});

describe('flecs client on the sandbox: transport faults', () => {
  const FAST = 400;
  const activeDevice = async () => {
    const { client, vault } = device();
    await client.activateWithKey(demo.licenseKey);
    return device({ session: await vault.get(), timeoutMs: FAST });
  };

  it('reports an unreachable console as offline', async () => {
    const error = await licensingFailure(
      device({ baseUrl: await refusedUrl(), timeoutMs: FAST }).client.login('u', 'p'),
    );
    expect(error.code).toBe('offline');
  });

  it('reports 5xx as a retryable server error, then recovers', async () => {
    const { client } = await activeDevice();
    sandbox.faults.inject({ kind: 'status', status: 503, times: 1 });
    const error = await licensingFailure(client.validate());
    expect(error.code).toBe('server_error');
    expect(error.retryable).toBe(true);
    expect(await client.validate()).toEqual({ isValid: true });
  });

  it('reports 429 as rate limited with the console’s wait', async () => {
    const { client } = await activeDevice();
    sandbox.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 });
    expect(await licensingFailure(client.validate())).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 7,
    });
  });

  it('reports a malformed body as protocol, a reset as offline, a hang as timeout', async () => {
    const { client } = await activeDevice();
    for (const [kind, code] of [
      ['malformed', 'protocol'],
      ['reset', 'offline'],
      ['hang', 'timeout'],
    ] as const) {
      sandbox.faults.inject({ kind, times: 1 });
      expect((await licensingFailure(client.validate(), kind)).code, kind).toBe(code);
    }
    expect(await client.validate()).toEqual({ isValid: true });
  });
});
