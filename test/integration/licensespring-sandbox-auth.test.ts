import { describe, expect, it } from 'vitest';
import { parseAuthorizationParams, parseHttpDate } from '../../src/sandbox/licensespring/auth';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import { demoRoles } from '../../src/sandbox/licensespring/seed';
import {
  requestSigningString,
  signRequestDate,
  verifyRequestSignature,
} from '../../src/sandbox/licensespring/signatures';
import {
  errorBody,
  hmacDate,
  MINUTE,
  START,
  useSandbox,
  v2Valid,
  type Answer,
} from './licensespring-sandbox-rig';

/**
 * Request authentication of the LicenseSpring sandbox (contract 5.2): the documented HMAC test
 * vector, the 15-minute Date window, tolerant parsing of the Authorization header and every
 * documented refusal. OAuth: licensespring-sandbox-oauth.test.ts.
 */

const VECTOR = {
  sharedKey: 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja',
  date: 'Tue, 07 Jun 2011 20:51:35 GMT',
  signature: 'UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=',
};
const demo = licenseSpringDemo();
const HW = 'hw-auth-0001';

describe('LicenseSpring request signature (unit)', () => {
  it('signs the documented test vector', () => {
    expect(signRequestDate(VECTOR.sharedKey, VECTOR.date)).toBe(VECTOR.signature);
    expect(hmacDate(VECTOR.sharedKey, VECTOR.date)).toBe(VECTOR.signature); // the test's own signer
  });

  it('verifies the vector and refuses any change to key, date or signature', () => {
    const signing = requestSigningString([['date', VECTOR.date]]);
    expect(signing).toBe(`licenseSpring\ndate: ${VECTOR.date}`);
    expect(verifyRequestSignature(VECTOR.sharedKey, signing, VECTOR.signature)).toBe(true);
    expect(verifyRequestSignature(`${VECTOR.sharedKey}x`, signing, VECTOR.signature)).toBe(false);
    const otherDate = requestSigningString([['date', 'Tue, 07 Jun 2011 20:51:36 GMT']]);
    expect(verifyRequestSignature(VECTOR.sharedKey, otherDate, VECTOR.signature)).toBe(false);
    expect(verifyRequestSignature(VECTOR.sharedKey, signing, VECTOR.signature.slice(1))).toBe(
      false,
    );
    expect(verifyRequestSignature(VECTOR.sharedKey, signing, '')).toBe(false);
  });

  it('parses the SDK, docs and Python spellings of the Authorization header alike', () => {
    const expected = new Map([
      ['algorithm', 'hmac-sha256'],
      ['headers', 'date'],
      ['signature', 'c2ln'],
      ['apikey', 'k'],
    ]);
    for (const header of [
      'algorithm="hmac-sha256",headers="date",signature="c2ln",apikey="k"',
      'algorithm="hmac-sha256", headers="date", signature="c2ln", apikey="k"',
      'algorithm = "hmac-sha256" ,headers="date",  signature="c2ln",apiKey="k"',
    ]) {
      expect(parseAuthorizationParams(header)).toEqual(expected);
    }
    expect(parseAuthorizationParams('hmac k:sig')).toBeUndefined();
    expect(parseAuthorizationParams('a="1",a="2"')).toBeUndefined();
  });

  it('accepts only RFC 7231 dates', () => {
    expect(parseHttpDate(VECTOR.date)).toBe(Date.UTC(2011, 5, 7, 20, 51, 35));
    expect(parseHttpDate('2011-06-07T20:51:35Z')).toBeUndefined();
    expect(parseHttpDate('Tue, 7 Jun 2011 20:51:35 GMT')).toBeUndefined();
  });
});

describe('LicenseSpring sandbox: HMAC authentication over HTTP', () => {
  const rig = useSandbox();
  const check = (options = {}) =>
    rig.api.get('product_details', { product: rig.sandbox.productCode }, options);
  const expectError = (res: Answer, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual(errorBody(status, code));
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true); // errors are signed too
  };

  it('accepts a correctly signed request', async () => {
    const res = await check();
    expect(res.status).toBe(200);
    expect(res.body.short_code).toBe(rig.sandbox.productCode);
  });

  it('accepts the docs spacing and the apiKey spelling', async () => {
    const date = new Date(rig.clock.now()).toUTCString();
    const signature = hmacDate(rig.sandbox.sharedKey, date);
    const authorization = `algorithm="hmac-sha256", headers="date", signature="${signature}", apiKey="${rig.sandbox.apiKey}"`;
    expect((await check({ date, authorization })).status).toBe(200);
  });

  it('refuses a Date older than 15 minutes with 401 signature_mismatch naming the Date', async () => {
    const stale = new Date(START - 16 * MINUTE).toUTCString();
    const res = await check({ date: stale });
    expectError(res, 401, 'signature_mismatch');
    expect(res.body.message).toContain('Date');
  });

  it('accepts a Date 14 minutes old and refuses one 16 minutes ahead', async () => {
    expect((await check({ date: new Date(START - 14 * MINUTE).toUTCString() })).status).toBe(200);
    const ahead = await check({ date: new Date(START + 16 * MINUTE).toUTCString() });
    expectError(ahead, 401, 'signature_mismatch');
    expect(ahead.body.message).toContain('Date');
  });

  it('judges the window by the sandbox clock, not the wall clock', async () => {
    const date = new Date(START).toUTCString();
    rig.clock.advance(20 * MINUTE);
    expectError(await check({ date }), 401, 'signature_mismatch');
  });

  it('refuses a wrong signature with 401 signature_mismatch', async () => {
    const date = new Date(START).toUTCString();
    const authorization = `algorithm="hmac-sha256",headers="date",signature="${hmacDate('wrong-shared-key', date)}",apikey="${rig.sandbox.apiKey}"`;
    expectError(await check({ date, authorization }), 401, 'signature_mismatch');
  });

  it('refuses missing Date or Authorization with 400 missing_headers', async () => {
    expectError(await check({ date: null }), 400, 'missing_headers');
    expectError(await check({ authorization: null }), 400, 'missing_headers');
  });

  it('refuses an unknown API key with 400 invalid_api_key', async () => {
    expectError(await check({ apiKey: 'not-a-key' }), 400, 'invalid_api_key');
  });

  it.each([
    ['HMAC abc:def', 'authorization_invalid_headers'],
    ['algorithm="hmac-sha256",headers="date",apikey="k"', 'authorization_missing_params'],
    ['algorithm="hmac-sha1",headers="date",signature="x",apikey="k"', 'hmac_required'],
    [
      'algorithm="hmac-sha256",headers="host",signature="x",apikey="k"',
      'authorization_invalid_headers',
    ],
  ])('refuses the header %s with %s', async (authorization, code) => {
    expectError(await check({ authorization }), 400, code);
  });

  it('refuses a Date that is not RFC 7231', async () => {
    const date = new Date(START).toISOString();
    const authorization = `algorithm="hmac-sha256",headers="date",signature="${hmacDate(rig.sandbox.sharedKey, date)}",apikey="${rig.sandbox.apiKey}"`;
    expectError(await check({ date, authorization }), 400, 'authorization_invalid_headers');
  });

  it('refuses an API key not allowed for the product', async () => {
    const restricted = demoRoles().restrictedApiKey;
    expectError(await check({ apiKey: restricted }), 400, 'api_key_product_not_allowed');
    const allowed = await rig.api.get(
      'product_details',
      { product: rig.sandbox.userProductCode },
      { apiKey: restricted },
    );
    expect(allowed.status).toBe(200);
  });

  it('checks auth before looking at the licence', async () => {
    const res = await rig.api.post('activate_license', rig.api.key(demo.nodeLockedKey, HW), {
      apiKey: 'nope',
    });
    expectError(res, 400, 'invalid_api_key');
  });
});
