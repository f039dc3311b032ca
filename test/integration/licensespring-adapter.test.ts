import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringBackend,
} from '../../src/main/licensing/backends/licensespring';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * The LicenseSpring adapter against the LicenseSpring sandbox over real loopback HTTP: the
 * licence lifecycle, floating slots, borrowing, features, consumption, trials and product
 * details. Both sides were written apart from the same contract (CONTRACTS.md §5). Its refusals
 * also as a German screen shows them.
 */

const demo = licenseSpringDemo();
const transport = createAxiosHttpClient();
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let clock: ManualClock;
let sandbox: LicenseSpringSandbox;

beforeEach(async () => {
  clock = createManualClock(T0);
  sandbox = await startLicenseSpringSandbox({ clock });
});
afterEach(() => sandbox.close());

/** One computer running the app, against the key-based or the user-based demo product. */
function computer(
  name: string,
  product: 'key' | 'user' = 'key',
  deviceClock: ManualClock = clock,
): LicenseSpringBackend {
  return createLicenseSpringBackend({
    baseUrl: sandbox.url,
    productCode: product === 'key' ? sandbox.productCode : sandbox.userProductCode,
    auth: { kind: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
    publicKeyPem: sandbox.publicKeyPem,
    authorizationMethod: product === 'key' ? 'license-key' : 'user',
    http: transport,
    clock: deviceClock,
    identity: { machineId: `hw-${name}`, clientId: `client-${name}`, clientName: name },
  });
}

const activate = (device: LicenseSpringBackend, key: string) =>
  device.activate({ method: 'key', key });

describe('licensespring adapter on the sandbox: node-locked licences', () => {
  it('activates, checks and deactivates with a licence key', async () => {
    const device = computer('alpha');
    expect(await activate(device, demo.nodeLockedKey)).toEqual({
      licenseId: expect.stringMatching(/^\d+$/),
      mode: 'activation',
      valid: true,
      expiresAt: T0 + 365 * 24 * HOUR,
      activeClients: 1,
      maxClients: 3,
    });
    const licence = await device.licenseSpring.check(demo.nodeLockedKey);
    expect(licence).toMatchObject({
      licenseType: 'time-limited',
      active: true,
      enabled: true,
      expired: false,
      timesActivated: 1,
      maxTransfers: 2,
      productName: 'License Manager Pro',
      customer: { email: 'it@acme-demo.example', company: 'ACME Demo Ltd' },
    });
    expect(licence.features.map((f) => f.code).sort()).toEqual(Object.values(demo.features).sort());
    expect(licence.serverTime).toEqual(expect.any(Number));
    expect((await device.validate(demo.nodeLockedKey)).valid).toBe(true);
    await device.deactivate(demo.nodeLockedKey);
    // Deactivating what the server no longer has is not an error.
    await device.deactivate(demo.nodeLockedKey);
    expect((await licensingFailure(device.validate(demo.nodeLockedKey))).code).toBe(
      'not_activated',
    );
  });

  it('activates a user-based licence with the account, and hands back the username', async () => {
    const device = computer('team', 'user');
    const record = await device.activate({
      method: 'account',
      username: demo.username,
      password: demo.password,
    });
    expect(record).toMatchObject({ valid: true, issuedKey: demo.username, maxClients: 2 });
    expect((await device.validate(demo.username)).licenseId).toBe(record.licenseId);
    await device.deactivate(demo.username);
    const wrong = await licensingFailure(
      computer('intruder', 'user').activate({
        method: 'account',
        username: demo.username,
        password: 'not-the-password',
      }),
    );
    expect(wrong.code).toBe('invalid_credentials');
    expect(wrong.message).not.toContain('not-the-password');
  });

  it('says how many activations are in use once every one is taken', async () => {
    for (const name of ['one', 'two', 'three']) await activate(computer(name), demo.nodeLockedKey);
    const error = await licensingFailure(activate(computer('four'), demo.nodeLockedKey));
    expect(error).toMatchObject({
      code: 'seat_unavailable',
      message:
        'All 3 activations of this licence are in use: deactivate it on a computer you no longer use, then try again.',
    });
    await computer('one').deactivate(demo.nodeLockedKey);
    expect((await activate(computer('four'), demo.nodeLockedKey)).activeClients).toBe(3);
  });

  it('refuses unknown, expired, disabled and not yet active licences with their own codes', async () => {
    const device = computer('beta');
    const code = async (key: string) => (await licensingFailure(activate(device, key))).code;
    expect(await code('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toBe('invalid_key');
    expect(await code(demo.expiredKey)).toBe('license_expired');
    expect(await code('LSDS-4KQ7-W2XH-6PNC')).toBe('license_revoked');
    expect(await code('LSNA-2WQ8-T7KR-2HXZ')).toBe('license_revoked');
  });
});

describe('licensespring adapter on the sandbox: floating licences', () => {
  it('holds a slot per checking device, refuses a third, and frees it after floating_timeout', async () => {
    const [a, b, c] = [computer('a'), computer('b'), computer('c')];
    await activate(a, demo.floatingKey);
    await activate(b, demo.floatingKey);
    const full = await licensingFailure(activate(c, demo.floatingKey));
    expect(full.code).toBe('seat_unavailable');
    // The server's own words say how many are in use and when the next one frees up.
    expect(full.message).toMatch(/Every floating slot of this licence is in use.*2 of 2.*frees up/);
    clock.advance(20 * MINUTE);
    const held = await a.licenseSpring.check(demo.floatingKey); // a checks in, b does not
    expect(held.floating).toMatchObject({ users: 2, timeoutMinutes: 30, inUse: 2 });
    clock.advance(11 * MINUTE); // b's slot lapsed 30 minutes after its last check
    expect((await activate(c, demo.floatingKey)).valid).toBe(true);
    const lost = await licensingFailure(b.licenseSpring.check(demo.floatingKey));
    expect(lost.code).toBe('seat_unavailable');
  });

  it('releases a slot at once, and releasing twice is fine', async () => {
    const [a, b, c] = [computer('a'), computer('b'), computer('c')];
    await activate(a, demo.floatingKey);
    await activate(b, demo.floatingKey);
    await a.licenseSpring.release(demo.floatingKey);
    await a.licenseSpring.release(demo.floatingKey);
    expect((await activate(c, demo.floatingKey)).valid).toBe(true);
  });

  it('borrows for the longest time allowed, or until a date, and refuses past the limit', async () => {
    const device = computer('laptop');
    await activate(device, demo.floatingKey);
    expect(await device.licenseSpring.borrow(demo.floatingKey)).toEqual({
      borrowedUntil: T0 + 24 * HOUR,
      maxBorrowHours: 24,
    });
    const until = T0 + 6 * HOUR;
    expect((await device.licenseSpring.borrow(demo.floatingKey, until)).borrowedUntil).toBe(until);
    const checked = await device.licenseSpring.check(demo.floatingKey);
    expect(checked.floating).toMatchObject({ canBorrow: true, maxBorrowHours: 24 });
    const tooLong = await licensingFailure(
      device.licenseSpring.borrow(demo.floatingKey, T0 + 48 * HOUR),
    );
    expect(tooLong.code).toBe('invalid_input');
    expect(tooLong.message).toMatch(/at most 24 hours from now/);
  });
});

describe('licensespring adapter on the sandbox: features', () => {
  it('takes, refuses, releases and borrows a floating feature slot', async () => {
    const [a, b] = [computer('a'), computer('b')];
    await activate(a, demo.nodeLockedKey);
    await activate(b, demo.nodeLockedKey);
    const feature = await a.licenseSpring.checkFeature(demo.nodeLockedKey, demo.features.floating);
    expect(feature).toMatchObject({
      code: demo.features.floating,
      type: 'activation',
      floating: { users: 1, timeoutMinutes: 10, inUse: 1 },
    });
    const busy = await licensingFailure(
      b.licenseSpring.checkFeature(demo.nodeLockedKey, demo.features.floating),
    );
    expect(busy.code).toBe('seat_unavailable');
    expect(busy.message).toMatch(/feature "cad-viewer" of this licence is in use/);
    await a.licenseSpring.releaseFeature(demo.nodeLockedKey, demo.features.floating);
    await b.licenseSpring.checkFeature(demo.nodeLockedKey, demo.features.floating);
    const borrowed = await b.licenseSpring.borrowFeature(
      demo.nodeLockedKey,
      demo.features.floating,
      T0 + 2 * HOUR,
    );
    expect(borrowed).toEqual({ borrowedUntil: T0 + 2 * HOUR, maxBorrowHours: 12 });
  });

  it('refuses a feature the licence does not have', async () => {
    const device = computer('a');
    await activate(device, demo.floatingKey);
    const error = await licensingFailure(
      device.licenseSpring.checkFeature(demo.floatingKey, 'no-such-feature'),
    );
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(error.message).toMatch(/no feature "no-such-feature"/);
  });
});

describe('licensespring adapter on the sandbox: consumption', () => {
  it('counts up to the limit, into the overages, and refuses past them', async () => {
    const device = computer('meter');
    await activate(device, demo.consumptionKey);
    expect(await device.licenseSpring.consume(demo.consumptionKey, 60)).toMatchObject({
      total: 60,
      max: 100,
      allowOverages: true,
      maxOverages: 10,
      resetPeriod: 'monthly',
    });
    // 105 of 100: allowed as overage.
    expect((await device.licenseSpring.consume(demo.consumptionKey, 45)).total).toBe(105);
    const over = await licensingFailure(device.licenseSpring.consume(demo.consumptionKey, 6));
    expect(over.code).toBe('seat_unavailable');
    expect(over.message).toMatch(/past its consumption limit.*The server said: ".*110/);
    expect((await device.licenseSpring.check(demo.consumptionKey)).consumption?.total).toBe(105);
  });

  it('counts a consumption feature, without overages', async () => {
    const device = computer('exporter');
    await activate(device, demo.nodeLockedKey);
    const code = demo.features.consumption;
    expect(await device.licenseSpring.consumeFeature(demo.nodeLockedKey, code, 50)).toMatchObject({
      total: 50,
      max: 50,
      allowOverages: false,
    });
    const over = await licensingFailure(
      device.licenseSpring.consumeFeature(demo.nodeLockedKey, code, 1),
    );
    expect(over.code).toBe('seat_unavailable');
    expect(over.message).toMatch(/feature "export-credits" of this licence past its consumption/);
    const checked = await device.licenseSpring.checkFeature(demo.nodeLockedKey, code);
    expect(checked.consumption).toMatchObject({ total: 50, max: 50 });
  });
});

describe('licensespring adapter on the sandbox: product and trials', () => {
  it('reads the product details', async () => {
    expect(await computer('a').licenseSpring.product()).toEqual({
      name: 'License Manager Pro',
      shortCode: sandbox.productCode,
      authorizationMethod: 'license-key',
      allowTrial: true,
      trialDays: 14,
      floatingTimeoutMinutes: 30,
    });
    expect((await computer('a', 'user').licenseSpring.product()).authorizationMethod).toBe('user');
  });

  it('starts a trial, hands back its key, and activates it as a trial', async () => {
    const device = computer('evaluator');
    const key = await device.licenseSpring.trialKey('eva@example.com');
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // Asking again from the same device gives the same trial.
    expect(await device.licenseSpring.trialKey('eva@example.com')).toBe(key);
    expect((await activate(device, key)).valid).toBe(true);
    const licence = await device.licenseSpring.check(key);
    expect(licence).toMatchObject({ isTrial: true, validUntil: T0 + 14 * 24 * HOUR });
  });

  it('names the trial user on a user-based product', async () => {
    const device = computer('evaluator', 'user');
    expect(await device.licenseSpring.trialKey('new-user@example.com')).toBe(
      'new-user@example.com',
    );
  });
});

describe('licensespring adapter on the sandbox: refusals in German', () => {
  it('says that every activation is in use, with the number the server gave', async () => {
    for (const name of ['one', 'two', 'three']) await activate(computer(name), demo.nodeLockedKey);
    const error = await licensingFailure(activate(computer('four'), demo.nodeLockedKey));
    expect(error.code).toBe('seat_unavailable');
    expect(inGerman(error)).toBe(
      'Alle 3 Aktivierungen dieser Lizenz sind belegt: Deaktivieren Sie sie auf einem Computer, den Sie nicht mehr verwenden, und versuchen Sie es dann erneut.',
    );
  });

  it('names the borrowing limit in German hours, and quotes the server', async () => {
    const device = computer('laptop');
    await activate(device, demo.floatingKey);
    await device.licenseSpring.check(demo.floatingKey);
    const error = await licensingFailure(
      device.licenseSpring.borrow(demo.floatingKey, T0 + 48 * HOUR),
    );
    expect(error.message).toMatch(/at most 24 hours from now/);
    const shown = inGerman(error);
    expect(shown).toMatch(
      /^LicenseSpring hat das Ende der Ausleihe dieser Lizenz abgelehnt: Ausleihen ist höchstens 24 Stunden ab jetzt möglich\. Wählen Sie ein früheres Datum\. \(Der Server meldete: „.+“\)$/,
    );
  });

  it('refuses a licence file from the offline portal that was made for another computer', async () => {
    const request = await computer('a').licenseSpring.offlineRequest(
      demo.consumptionKey,
      'activation',
    );
    const answer = await fetch(`${sandbox.url}/api/v4/activate_offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: request,
    });
    expect(answer.status).toBe(200);
    const error = await licensingFailure(
      computer('b').licenseSpring.readOfflineResponse(await answer.text()),
    );
    expect(error.code).toBe('wrong_machine');
    expect(inGerman(error)).toBe(
      'Diese Lizenzdatei wurde für einen anderen Computer erstellt. Erstellen Sie auf diesem Computer eine Anforderungsdatei, laden Sie sie im LicenseSpring-Offline-Portal hoch und importieren Sie die Lizenzdatei, die Sie dort erhalten.',
    );
  });

  it('says how far this computer’s clock is behind, in German', async () => {
    const behind = createManualClock(T0 - 20 * MINUTE);
    const error = await licensingFailure(
      activate(computer('late', 'key', behind), demo.nodeLockedKey),
    );
    expect(error.code).toBe('unauthorized');
    expect(inGerman(error)).toContain(
      'weil die Uhr dieses Computers gegenüber der Zeit des Servers 20 Minuten nachgeht',
    );
  });
});
