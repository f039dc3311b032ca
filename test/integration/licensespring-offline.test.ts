import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringBackend,
} from '../../src/main/licensing/backends/licensespring';
import { licenseSpringDemoSeed } from '../../src/sandbox/licensespring/seed';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { admin, hmacDate, START, testKeyPair, v2Valid } from './licensespring-sandbox-rig';

/**
 * Offline activation end to end over real loopback HTTP (contract §5.6): the adapter writes the
 * request file, the test POSTs it to the sandbox as the vendor's offline portal would (plain
 * fetch, no API credentials), and the adapter reads the licence file that comes back. Then the
 * online API proves the activation counts on the server like any other.
 */

const demo = licenseSpringDemo();
const transport = createAxiosHttpClient();
/** Perpetual, node-locked, one device, one transfer: made for offline activation. */
const OFFLINE_KEY = 'LSOF-4PRM-7KQ2-9WXA';
const SUBSCRIPTION_KEY = 'LSSB-2MNV-8XQR-5TJK';
const NO_OFFLINE_KEY = 'LSNO-6HWK-3ZQP-1RDM';

function offlineSeed() {
  const seed = licenseSpringDemoSeed();
  const base = { product: 'lmpro', features: [] as string[] };
  return {
    ...seed,
    licenses: [
      ...seed.licenses,
      {
        ...base,
        id: 1700000000000201,
        licenseKey: OFFLINE_KEY,
        licenseType: 'perpetual' as const,
        maxActivations: 1,
        maxTransfers: 1,
      },
      {
        ...base,
        id: 1700000000000202,
        licenseKey: SUBSCRIPTION_KEY,
        licenseType: 'subscription' as const,
      },
      {
        ...base,
        id: 1700000000000203,
        licenseKey: NO_OFFLINE_KEY,
        licenseType: 'perpetual' as const,
        allowOfflineActivation: false,
      },
    ],
  };
}

let clock: ManualClock;
let sandbox: LicenseSpringSandbox;

beforeEach(async () => {
  clock = createManualClock(START);
  sandbox = await startLicenseSpringSandbox({ clock, seed: offlineSeed(), keyPair: testKeyPair() });
});
afterEach(() => sandbox.close());

interface ComputerOptions {
  product?: 'key' | 'user';
  oauth?: boolean;
  apiKey?: string;
  sharedKey?: string;
}

function computer(name: string, options: ComputerOptions = {}): LicenseSpringBackend {
  const user = options.product === 'user';
  return createLicenseSpringBackend({
    baseUrl: sandbox.url,
    productCode: user ? sandbox.userProductCode : sandbox.productCode,
    auth: options.oauth
      ? { kind: 'oauth', ...sandbox.oauth }
      : {
          kind: 'hmac',
          apiKey: options.apiKey ?? sandbox.apiKey,
          sharedKey: options.sharedKey ?? sandbox.sharedKey,
        },
    publicKeyPem: sandbox.publicKeyPem,
    authorizationMethod: user ? 'user' : 'license-key',
    http: transport,
    clock,
    identity: { machineId: `hw-${name}`, clientId: `client-${name}`, clientName: name },
    appName: 'Offline test',
    appVersion: '1.2.3',
  });
}

/** What the offline portal does with an uploaded file: plain fetch, no API credentials. */
async function portal(route: 'activate_offline' | 'deactivate_offline', body: string | FormData) {
  const headers: Record<string, string> =
    typeof body === 'string' ? { 'content-type': 'text/plain' } : {};
  const res = await fetch(`${sandbox.url}/api/v4/${route}`, { method: 'POST', headers, body });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    signature: res.headers.get('licensesignature'),
  };
}

const errorOf = (answer: { text: string }) => JSON.parse(answer.text) as { code: string };

async function activateOffline(device: LicenseSpringBackend, key: string) {
  const request = await device.licenseSpring.offlineRequest(key, 'activation');
  const answer = await portal('activate_offline', request);
  expect(answer.status, answer.text).toBe(200);
  return {
    request,
    answer,
    read: await device.licenseSpring.readOfflineResponse(answer.text, key),
  };
}

describe('licensespring offline activation over HTTP', () => {
  it('activates from a request file, and the server counts the activation', async () => {
    const alpha = computer('alpha');
    const { answer, read } = await activateOffline(alpha, OFFLINE_KEY);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(answer.text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(read.key).toBe(OFFLINE_KEY);
    expect(read.licence).toMatchObject({
      id: '1700000000000201',
      licenseType: 'perpetual',
      active: true,
      enabled: true,
      expired: false,
      timesActivated: 1,
      maxActivations: 1,
      maxTransfers: 1,
      productName: 'License Manager Pro',
    });
    // The online API now knows this device, and the only seat is taken.
    expect((await alpha.licenseSpring.check(OFFLINE_KEY)).timesActivated).toBe(1);
    expect((await alpha.validate(OFFLINE_KEY)).valid).toBe(true);
    const beta = await licensingFailure(
      computer('beta').activate({ method: 'key', key: OFFLINE_KEY }),
    );
    expect(beta.code).toBe('seat_unavailable');
    const state = await admin(sandbox, 'state');
    expect(JSON.stringify(state.body)).toContain('hw-alpha');
  });

  it('deactivates from a request file: the online check then finds no activation', async () => {
    const alpha = computer('alpha');
    await activateOffline(alpha, OFFLINE_KEY);
    const request = await alpha.licenseSpring.offlineRequest(OFFLINE_KEY, 'deactivation');
    const answer = await portal('deactivate_offline', request);
    expect(answer).toMatchObject({ status: 200, text: '"license_deactivated"', signature: null });
    expect((await licensingFailure(alpha.licenseSpring.check(OFFLINE_KEY))).code).toBe(
      'not_activated',
    );
    // The freed seat moves to another computer as a transfer, counted like an online one.
    const beta = computer('beta');
    await beta.activate({ method: 'key', key: OFFLINE_KEY });
    expect((await beta.licenseSpring.check(OFFLINE_KEY)).transferCount).toBe(1);
    const gamma = await activateOfflineFailure(computer('gamma'), OFFLINE_KEY);
    expect(gamma).toBe('license_activated_max_times');
  });

  it('activates a user licence with OAuth credentials, keyed by the username', async () => {
    const team = computer('team', { product: 'user', oauth: true });
    const { read } = await activateOffline(team, demo.username);
    expect(read.key).toBe(demo.username);
    expect(read.licence).toMatchObject({ id: '1700000000000108', licenseType: 'perpetual' });
    expect((await team.validate(demo.username)).valid).toBe(true);
  });

  it('accepts the file as the multipart field `file`, as a browser upload sends it', async () => {
    const alpha = computer('alpha');
    const request = await alpha.licenseSpring.offlineRequest(demo.consumptionKey, 'activation');
    const form = new FormData();
    form.append('file', new Blob([request], { type: 'text/plain' }), 'request.req');
    const answer = await portal('activate_offline', form);
    expect(answer.status, answer.text).toBe(200);
    const read = await alpha.licenseSpring.readOfflineResponse(answer.text);
    expect(read.licence.consumption).toMatchObject({ max: 100, total: 0 });
  });

  it('accepts the older flat request form signed over date, key, device and API key', async () => {
    const date = 'Tue Jan 15 2030 09:00:00 GMT+0000';
    const signed = `licenseSpring\ndate: ${date}\n${demo.trialKey}\nhw-alpha\n${sandbox.apiKey}`;
    const flat = {
      license_key: demo.trialKey,
      hardware_id: 'hw-alpha',
      product: sandbox.productCode,
      api_key: sandbox.apiKey,
      date,
      signature: createHmac('sha256', sandbox.sharedKey).update(signed).digest('base64'),
    };
    const answer = await portal(
      'activate_offline',
      Buffer.from(JSON.stringify(flat)).toString('base64'),
    );
    expect(answer.status, answer.text).toBe(200);
    const read = await computer('alpha').licenseSpring.readOfflineResponse(
      answer.text,
      demo.trialKey,
    );
    expect(read.licence).toMatchObject({ isTrial: true, licenseType: 'time-limited' });
  });

  it('verifies HMAC headers when the caller sends them anyway', async () => {
    const request = await computer('alpha').licenseSpring.offlineRequest(OFFLINE_KEY, 'activation');
    const date = new Date(clock.now()).toUTCString();
    const post = (sharedKey: string) =>
      fetch(`${sandbox.url}/api/v4/activate_offline`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          date,
          authorization: `algorithm="hmac-sha256",headers="date",signature="${hmacDate(sharedKey, date)}",apikey="${sandbox.apiKey}"`,
        },
        body: request,
      });
    const wrong = await post('not-the-shared-key');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe('signature_mismatch');
    expect((await post(sandbox.sharedKey)).status).toBe(200);
  });

  it('refuses the licence file of another computer on this one', async () => {
    const { answer } = await activateOffline(computer('alpha'), OFFLINE_KEY);
    const error = await licensingFailure(
      computer('beta').licenseSpring.readOfflineResponse(answer.text),
    );
    expect(error.code).toBe('wrong_machine');
  });
});

async function activateOfflineFailure(device: LicenseSpringBackend, key: string) {
  const answer = await portal(
    'activate_offline',
    await device.licenseSpring.offlineRequest(key, 'activation'),
  );
  expect(answer.status).toBeGreaterThanOrEqual(400);
  return errorOf(answer).code;
}

describe('licensespring offline routes: refusals', () => {
  it('answers missing_content to an empty body, in a signed error envelope', async () => {
    for (const body of ['', '  \r\n']) {
      const answer = await portal('activate_offline', body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({
        status: 400,
        code: 'missing_content',
        message: expect.any(String) as unknown,
      });
      expect(v2Valid(sandbox.publicKeyPem, { ...answer, body: {}, json: undefined })).toBe(true);
    }
    expect(errorOf(await portal('deactivate_offline', ''))).toMatchObject({
      code: 'missing_content',
    });
  });

  it('refuses a request file signed with the wrong shared key with signature_mismatch', async () => {
    const forger = computer('alpha', { sharedKey: 'not-the-shared-key' });
    const answer = await portal(
      'activate_offline',
      await forger.licenseSpring.offlineRequest(OFFLINE_KEY, 'activation'),
    );
    expect(answer.status).toBe(401);
    expect(errorOf(answer).code).toBe('signature_mismatch');
    await expect(computer('alpha').validate(OFFLINE_KEY)).rejects.toMatchObject({
      code: 'not_activated',
    });
  });

  it('refuses a request file whose fields were edited after signing', async () => {
    const request = await computer('alpha').licenseSpring.offlineRequest(OFFLINE_KEY, 'activation');
    const file = JSON.parse(Buffer.from(request, 'base64').toString('utf8')) as {
      request: Record<string, unknown>;
    };
    file.request.hardware_id = 'hw-mallory';
    const edited = Buffer.from(JSON.stringify(file)).toString('base64');
    expect(errorOf(await portal('activate_offline', edited)).code).toBe('signature_mismatch');
  });

  it('refuses an unknown API key with invalid_api_key', async () => {
    const stranger = computer('alpha', { apiKey: '00000000-0000-4000-8000-000000000000' });
    expect(await activateOfflineFailure(stranger, OFFLINE_KEY)).toBe('invalid_api_key');
  });

  it('refuses a request file sent a second time with request_id_reused', async () => {
    const alpha = computer('alpha');
    const activation = await activateOffline(alpha, OFFLINE_KEY);
    const again = await portal('activate_offline', activation.request);
    expect(again.status).toBe(400);
    expect(errorOf(again).code).toBe('request_id_reused');
    const deactivation = await alpha.licenseSpring.offlineRequest(OFFLINE_KEY, 'deactivation');
    expect((await portal('deactivate_offline', deactivation)).status).toBe(200);
    // Replaying the old activation file must not bind the device again.
    expect(errorOf(await portal('activate_offline', activation.request)).code).toBe(
      'request_id_reused',
    );
    await expect(alpha.validate(OFFLINE_KEY)).rejects.toMatchObject({ code: 'not_activated' });
  });

  it.each([
    ['a floating licence', demo.floatingKey, /floating/],
    ['a time-limited licence', demo.nodeLockedKey, /time-limited/],
    ['a subscription licence', SUBSCRIPTION_KEY, /subscription/],
    ['a licence the vendor keeps online', NO_OFFLINE_KEY, /does not allow/],
  ])('refuses %s with offline_activation_not_allowed', async (_, key, why) => {
    const request = await computer('alpha').licenseSpring.offlineRequest(key, 'activation');
    const answer = await portal('activate_offline', request);
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.text) as { code: string; message: string };
    expect(error.code).toBe('offline_activation_not_allowed');
    expect(error.message).toMatch(why);
    await expect(computer('alpha').validate(key)).rejects.toMatchObject({ code: 'not_activated' });
  });

  it('refuses a deactivation file on the activation route, and text that is no request file', async () => {
    const request = await computer('alpha').licenseSpring.offlineRequest(
      OFFLINE_KEY,
      'deactivation',
    );
    expect(errorOf(await portal('activate_offline', request)).code).toBe('validation_error');
    expect(errorOf(await portal('activate_offline', 'not a request file!')).code).toBe(
      'invalid_json',
    );
    const res = await fetch(`${sandbox.url}/api/v4/activate_offline`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('answers device_not_found to a deactivation file for a device that holds nothing', async () => {
    const request = await computer('alpha').licenseSpring.offlineRequest(
      OFFLINE_KEY,
      'deactivation',
    );
    expect(errorOf(await portal('deactivate_offline', request)).code).toBe('device_not_found');
  });
});
