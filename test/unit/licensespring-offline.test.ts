import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringCapability,
} from '../../src/main/licensing/backends/licensespring';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { refusedUrl } from '../support/refused-url';

/**
 * Offline activation files (contract §5.6), without any server: the request file this computer
 * writes, and every check on the licence file the portal gives back. The licence files here are
 * signed by the test with node:crypto on its own, as the vendor would sign them, then altered
 * one way at a time. The backend points at a refused address, so any network use would fail.
 */

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const API_KEY = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607';
const SHARED_KEY = 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja';
const OAUTH = { clientId: 'lm-client', clientSecret: 'lm-client-secret-42' };
const PRODUCT = 'lmpro';
const HW = 'hw-this-computer';
const KEY = 'LSOF-4PRM-7KQ2-9WXA';
const USER = 'operator@ls-demo.example';
/** The documentation's example instant: Tue Jun 7 2011 20:51:35 GMT+0000. */
const T0 = Date.UTC(2011, 5, 7, 20, 51, 35);
const FILE_DATE = 'Wed Jun 8 2011 09:05:03 GMT+0000';

let baseUrl: string;
let clock: ManualClock;
beforeAll(async () => {
  baseUrl = await refusedUrl();
});

interface Setup {
  user?: boolean;
  oauth?: boolean;
  hardwareId?: string;
  appName?: string;
  appVersion?: string;
}

function offline(setup: Setup = {}): LicenseSpringCapability {
  clock = createManualClock(T0);
  return createLicenseSpringBackend({
    baseUrl,
    productCode: PRODUCT,
    auth: setup.oauth
      ? { kind: 'oauth', tokenUrl: `${baseUrl}/token`, ...OAUTH }
      : { kind: 'hmac', apiKey: API_KEY, sharedKey: SHARED_KEY },
    publicKeyPem,
    authorizationMethod: setup.user ? 'user' : 'license-key',
    http: createAxiosHttpClient(),
    clock,
    identity: { machineId: setup.hardwareId ?? HW, clientId: 'c', clientName: 'this computer' },
    ...(setup.appName === undefined ? {} : { appName: setup.appName }),
    ...(setup.appVersion === undefined ? {} : { appVersion: setup.appVersion }),
  }).licenseSpring;
}

type Body = Record<string, unknown>;

const hmac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('base64');
const rsa = (text: string, key: KeyObject = privateKey) =>
  sign('sha256', Buffer.from(text), key).toString('base64');
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (text: string) => JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as Body;

/** An activation object as the portal returns it, for this computer unless overridden. */
function licence(overrides: Body = {}): Body {
  return {
    id: 1700000000000201,
    license_key: KEY,
    license_type: 'perpetual',
    is_trial: false,
    validity_period: '2012-06-07T00:00:00.000Z',
    start_date: null,
    max_activations: 2,
    times_activated: 1,
    allow_unlimited_activations: false,
    transfer_count: 0,
    max_transfers: 1,
    is_floating: false,
    is_floating_cloud: false,
    allow_offline_activation: true,
    customer: { email: 'it@acme.example', company_name: 'ACME' },
    product_details: { product_name: 'License Manager Pro', short_code: PRODUCT },
    product_features: [
      { id: 7, code: 'reports', name: 'Reports', feature_type: 'activation', expiry_date: null },
    ],
    active: true,
    device_id: 5,
    hardware_id: HW,
    request: 'activation',
    is_expired: false,
    ...overrides,
  };
}

interface Signer {
  secret?: string;
  signerId?: string;
  rsaKey?: KeyObject;
  date?: string;
}

/** Signs a licence object as contract §5.4/§5.6 describe: offline HMAC, v1 and embedded v2. */
function signed(body: Body, signer: Signer = {}): Body {
  const date = signer.date ?? FILE_DATE;
  const id = String(body.license_key ?? body.username);
  const offlineText = `licenseSpring\ndate: ${date}\n${id}\n${String(body.hardware_id)}\n${signer.signerId ?? API_KEY}`;
  const validity =
    typeof body.validity_period === 'string' ? new Date(body.validity_period).toISOString() : '';
  const v1Text = `${String(body.hardware_id)}#${id.split('|')[0]}#${validity}`.toLowerCase();
  const full: Body = {
    ...body,
    date,
    offline_signature: hmac(signer.secret ?? SHARED_KEY, offlineText),
    license_signature: rsa(v1Text, signer.rsaKey),
  };
  const { license_signature: _v1, ...v2Part } = full;
  return { ...full, license_signature_v2: rsa(JSON.stringify(v2Part), signer.rsaKey) };
}

const genuine = (overrides: Body = {}, signer?: Signer) =>
  encode(signed(licence(overrides), signer));

describe('licensespring offline request file', () => {
  it('is base64 JSON of {request, signature} with every field of the v2 schema', async () => {
    const text = await offline().offlineRequest(` ${KEY} `, 'activation');
    expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const file = decode(text);
    expect(Object.keys(file)).toEqual(['request', 'signature']);
    const request = file.request as Body;
    expect(request).toEqual({
      license_key: KEY,
      hardware_id: HW,
      product: PRODUCT,
      sdk_ver: 'license-manager-ts/1',
      app_name: 'license-manager',
      app_ver: '0.0.0',
      request_id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ) as unknown,
      request: 'activation',
      schema_version: 2,
      api_key: API_KEY,
      date: 'Tue Jun 7 2011 20:51:35 GMT+0000',
    });
    expect(file.signature).toBe(hmac(SHARED_KEY, JSON.stringify(request)));
  });

  it('dates the request by the injected clock, in UTC, zero-padding only the time', async () => {
    const capability = offline();
    clock.setSystemTime(Date.UTC(2030, 0, 5, 3, 4, 9));
    const request = decode(await capability.offlineRequest(KEY, 'deactivation')).request as Body;
    expect(request.date).toBe('Sat Jan 5 2030 03:04:09 GMT+0000');
    expect(request.request).toBe('deactivation');
  });

  it('gives every request its own request_id', async () => {
    const capability = offline();
    const ids = await Promise.all(
      [1, 2, 3].map(async () => {
        const file = decode(await capability.offlineRequest(KEY, 'activation'));
        return (file.request as Body).request_id;
      }),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('names the app as configured', async () => {
    const capability = offline({ appName: 'Acme CAD', appVersion: '4.2.1' });
    const request = decode(await capability.offlineRequest(KEY, 'activation')).request as Body;
    expect(request).toMatchObject({ app_name: 'Acme CAD', app_ver: '4.2.1' });
  });

  it('uses username for user products, and client_id signed with the client secret for OAuth', async () => {
    const file = decode(
      await offline({ user: true, oauth: true }).offlineRequest(USER, 'activation'),
    );
    const request = file.request as Body;
    expect(request).toMatchObject({ username: USER, client_id: OAUTH.clientId });
    expect(request).not.toHaveProperty('license_key');
    expect(request).not.toHaveProperty('api_key');
    expect(file.signature).toBe(hmac(OAUTH.clientSecret, JSON.stringify(request)));
    expect(file.signature).not.toBe(hmac(SHARED_KEY, JSON.stringify(request)));
  });

  it.each([
    ['an empty key', ''],
    ['a key with a line break inside', 'LSOF-4PRM\n7KQ2-9WXA'],
    ['a pasted paragraph', 'X'.repeat(300)],
  ])('refuses %s before producing anything', async (_, key) => {
    expect((await licensingFailure(offline().offlineRequest(key, 'activation'))).code).toBe(
      'invalid_input',
    );
  });

  it('refuses an unknown request kind', async () => {
    const kind = 'borrow' as unknown as 'activation';
    expect((await licensingFailure(offline().offlineRequest(KEY, kind))).code).toBe(
      'invalid_input',
    );
  });
});

describe('licensespring offline licence file: accepted', () => {
  it('maps a genuine file to the licence and names its key', async () => {
    const { licence: lic, key } = await offline().readOfflineResponse(genuine(), KEY);
    expect(key).toBe(KEY);
    expect(lic).toMatchObject({
      id: '1700000000000201',
      licenseType: 'perpetual',
      validUntil: Date.UTC(2012, 5, 7),
      active: true,
      enabled: true,
      expired: false,
      maxActivations: 2,
      timesActivated: 1,
      maxTransfers: 1,
      productName: 'License Manager Pro',
      customer: { email: 'it@acme.example', company: 'ACME' },
      features: [{ id: '7', code: 'reports', name: 'Reports', type: 'activation' }],
    });
  });

  it('accepts the {request: …} wrapping and line-wrapped base64', async () => {
    const wrapped = encode({ request: signed(licence()) });
    const lines = genuine().replace(/(.{76})/g, '$1\r\n');
    expect((await offline().readOfflineResponse(wrapped)).key).toBe(KEY);
    expect((await offline().readOfflineResponse(`${lines}\n`)).key).toBe(KEY);
  });

  it('decides expiry by the clock now, not by the day the portal made the file', async () => {
    const capability = offline();
    clock.setSystemTime(Date.UTC(2013, 0, 1));
    expect((await capability.readOfflineResponse(genuine())).licence.expired).toBe(true);
  });

  it('reads a user licence by its username, signed with the OAuth client secret', async () => {
    const body = licence({ license_key: null, username: USER, user: { id: 3, email: USER } });
    const file = encode(signed(body, { secret: OAUTH.clientSecret, signerId: OAUTH.clientId }));
    const read = await offline({ user: true, oauth: true }).readOfflineResponse(
      file,
      USER.toUpperCase(),
    );
    expect(read.key).toBe(USER);
  });
});

describe('licensespring offline licence file: refused', () => {
  const read = (text: string, setup?: Setup, expected?: string) =>
    licensingFailure(offline(setup).readOfflineResponse(text, expected));

  it('refuses a file over 1 MiB before decoding it, naming both sizes', async () => {
    const huge = genuine() + 'A'.repeat(1536 * 1024);
    const error = await read(huge);
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/The file is 1\.5 MiB.*at most 1\.0 MiB/);
  });

  it.each([
    ['text that is not base64', 'Hello, this is my licence!'],
    ['an empty file', '   \n'],
    ['base64 of plain text', Buffer.from('license: yes please').toString('base64')],
    ['base64 of a JSON array', encode([licence()])],
    ['JSON without the licence fields', encode({ hardware_id: HW, license_key: KEY })],
    ['a licence with a field of the wrong type', genuine({ max_activations: 'two' })],
  ])('refuses %s as not a licence file', async (_, text) => {
    const error = await read(text);
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/not a LicenseSpring licence file/);
  });

  it.each([0.5, 0.9])('says a file cut at %s of its length is incomplete', async (share) => {
    const text = genuine();
    for (const cut of [0, 1, 2, 3]) {
      const length = Math.floor(text.length * share) + cut;
      const error = await read(text.slice(0, length));
      expect(error.code, `cut at ${length}`).toBe('invalid_file');
      expect(error.message).toMatch(/incomplete.*cut short.*Download it again/);
    }
  });

  it('recognises its own request file, and the older flat request form', async () => {
    const request = await offline().offlineRequest(KEY, 'activation');
    const flat = encode({
      license_key: KEY,
      hardware_id: HW,
      api_key: API_KEY,
      date: FILE_DATE,
      signature: 'c2lnbmF0dXJl',
    });
    for (const text of [request, flat]) {
      const error = await read(text);
      expect(error.code).toBe('invalid_file');
      expect(error.message).toMatch(
        /This is the request file.*Upload it to the LicenseSpring offline portal.*import the file the portal gives back/,
      );
    }
  });

  it.each(['offline_signature', 'license_signature', 'license_signature_v2'])(
    'refuses a file whose %s is missing as tampered',
    async (field) => {
      const { [field]: _gone, ...rest } = signed(licence());
      const error = await read(encode(rest));
      expect(error.code).toBe('tampered');
      expect(error.message).toMatch(/is missing.*Nothing from it was used/);
    },
  );

  it.each<[string, (body: Body) => Body]>([
    ['a bumped activation limit', (b) => ({ ...b, max_activations: 99 })],
    ['a pushed-out validity', (b) => ({ ...b, validity_period: '2099-01-01T00:00:00.000Z' })],
    ['another date', (b) => ({ ...b, date: 'Thu Jun 9 2011 09:05:03 GMT+0000' })],
    ['this hardware id written over another', (b) => ({ ...b, hardware_id: HW })],
    [
      'an offline signature by another shared key',
      (b) => ({ ...b, offline_signature: hmac('x', 'y') }),
    ],
    ['a damaged licence signature', (b) => ({ ...b, license_signature: 'not*base64' })],
  ])('refuses a genuine file altered by %s as tampered', async (_, alter) => {
    const original = signed(licence({ hardware_id: 'hw-other' }));
    const error = await read(encode(alter(original)), { hardwareId: 'hw-other' });
    expect(error.code).toBe('tampered');
    expect(error.message).toMatch(/does not match.*Download it again/);
  });

  it('refuses a file signed with another vendor key or another shared key as tampered', async () => {
    const byOtherRsa = genuine({}, { rsaKey: otherKey });
    const byOtherHmac = genuine({}, { secret: 'another-shared-key' });
    expect((await read(byOtherRsa)).message).toMatch(/its licence signature does not match/);
    expect((await read(byOtherHmac)).message).toMatch(/its offline signature does not match/);
  });

  it('refuses a genuine file made for another computer as wrong_machine', async () => {
    const error = await read(genuine({ hardware_id: 'hw-other-computer' }));
    expect(error.code).toBe('wrong_machine');
    expect(error.message).toMatch(/another computer\. Generate a request file on this computer/);
  });

  it('refuses a genuine file for another product as wrong_product, naming both', async () => {
    const other = genuine({ product_details: { product_name: 'Other', short_code: 'lmoem' } });
    const error = await read(other);
    expect(error.code).toBe('wrong_product');
    expect(error.message).toMatch(/"lmoem".*"lmpro"/);
    const flatProduct = licence({ product: 'lmteam' });
    delete flatProduct.product_details;
    expect((await read(encode(signed(flatProduct)))).code).toBe('wrong_product');
  });

  it('refuses a genuine file for another licence key as invalid_key, masking both keys', async () => {
    const error = await read(genuine(), {}, 'LSZZ-1111-2222-3333');
    expect(error.code).toBe('invalid_key');
    expect(error.message).toMatch(/another licence key/);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('LSZZ-1111-2222-3333');
  });

  it('gives each refusal its own code for the same genuine file', async () => {
    const file = genuine();
    expect((await read(file, { hardwareId: 'hw-else' })).code).toBe('wrong_machine');
    expect((await read(file, {}, 'LSZZ-1111-2222-3333')).code).toBe('invalid_key');
    await expect(offline().readOfflineResponse(file, KEY)).resolves.toMatchObject({ key: KEY });
  });
});
