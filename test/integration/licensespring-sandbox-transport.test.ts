import { describe, expect, it } from 'vitest';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import {
  errorBody,
  MINUTE,
  useSandbox,
  v2Valid,
  type Answer,
  type Body,
} from './licensespring-sandbox-rig';

/**
 * The LicenseSpring sandbox's transport: the OAuth client-credentials flow and bearer tokens
 * (contract 5.3), the {status, code, message} envelope on routing and parameter errors, and
 * injected faults in the same envelope.
 */

const demo = licenseSpringDemo();
const HW = 'hw-transport-0001';

describe('LicenseSpring sandbox: OAuth', () => {
  const rig = useSandbox();

  async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(rig.sandbox.oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
  }
  const credentials = () => ({
    grant_type: 'client_credentials',
    client_id: rig.sandbox.oauth.clientId,
    client_secret: rig.sandbox.oauth.clientSecret,
  });

  it('serves the token URL on the same server and issues a Keycloak-shaped token', async () => {
    expect(rig.sandbox.oauth.tokenUrl).toBe(
      `${rig.sandbox.url}/auth/realms/user-portal/protocol/openid-connect/token`,
    );
    const res = await token(credentials());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) as unknown,
      expires_in: 480,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: expect.any(String) as unknown,
    });
    expect(res.headers.get('licensesignature')).toBeNull();
  });

  it('accepts client_secret_basic as well', async () => {
    const { clientId, clientSecret } = rig.sandbox.oauth;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const res = await token(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(200);
  });

  it('lets a bearer token stand in for the HMAC header until it expires', async () => {
    const bearer = (await token(credentials())).body.access_token as string;
    const call = () =>
      rig.api.post('activate_license', rig.api.key(demo.nodeLockedKey, HW), { bearer });
    const first = await call();
    expect(first.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, first)).toBe(true);

    rig.clock.advance(479_000);
    expect((await call()).status).toBe(200);
    rig.clock.advance(1_000);
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(errorBody(401, 'invalid_token'));
    expect(expired.body.message).toMatch(/expired/);
  });

  it('still requires a fresh Date header with a bearer token', async () => {
    const bearer = (await token(credentials())).body.access_token as string;
    const identity = rig.api.key(demo.nodeLockedKey, HW);
    const noDate = await rig.api.post('activate_license', identity, { bearer, date: null });
    expect(noDate.body).toEqual(errorBody(400, 'missing_headers'));
    const stale = new Date(rig.clock.now() - 16 * MINUTE).toUTCString();
    const old = await rig.api.post('activate_license', identity, { bearer, date: stale });
    expect(old.body).toEqual(errorBody(401, 'signature_mismatch'));
  });

  it('refuses an unknown bearer with 401 in the License API envelope', async () => {
    const res = await rig.api.get('product_details', { product: 'lmpro' }, { bearer: 'a.b.c' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(errorBody(401, 'invalid_token'));
  });

  it('answers OAuth errors for a wrong secret, an unknown client and a wrong grant', async () => {
    const wrongSecret = await token({ ...credentials(), client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toEqual({
      error: 'unauthorized_client',
      error_description: expect.any(String) as unknown,
    });
    const unknown = await token({ ...credentials(), client_id: 'nobody' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('invalid_client');
    const grant = await token({ ...credentials(), grant_type: 'password' });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
  });
});

describe('LicenseSpring sandbox: error envelope', () => {
  const rig = useSandbox();
  const expectError = (res: Answer, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(errorBody(status, code));
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
  };

  it('answers an unknown path with 404 not_found', async () => {
    expectError(await rig.api.get('no_such_route', {}), 404, 'not_found');
    const outside = await fetch(`${rig.sandbox.url}/api/v3/check_license`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual(errorBody(404, 'not_found'));
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await rig.api.get('activate_license', {});
    expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('refuses invalid JSON and a non-object body', async () => {
    const identity = rig.api.key(demo.nodeLockedKey, HW);
    const broken = await rig.api.post('activate_license', identity, { rawBody: '{"product": ' });
    expectError(broken, 400, 'invalid_json');
    const list = await rig.api.post('activate_license', identity, { rawBody: '[1,2]' });
    expectError(list, 400, 'validation_error');
  });

  it('names missing and mistyped parameters', async () => {
    const { productCode } = rig.sandbox;
    const noHw = await rig.api.post('activate_license', {
      product: productCode,
      license_key: demo.nodeLockedKey,
    });
    expectError(noHw, 400, 'missing_hardware_id');
    const noProduct = await rig.api.post('activate_license', {
      hardware_id: HW,
      license_key: demo.nodeLockedKey,
    });
    expectError(noProduct, 400, 'missing_parameters');
    expect(noProduct.body.message).toContain('product');
    const noKey = await rig.api.post('activate_license', { hardware_id: HW, product: productCode });
    expectError(noKey, 400, 'license_key_required');
    const badType = await rig.api.post(
      'activate_license',
      rig.api.key(demo.nodeLockedKey, HW, { license_id: 'x' }),
    );
    expectError(badType, 400, 'validation_error');
  });

  it('answers unknown_product and license_not_found', async () => {
    const product = await rig.api.post(
      'activate_license',
      rig.api.key(demo.nodeLockedKey, HW, { product: 'nope' }),
    );
    expectError(product, 400, 'unknown_product');
    const key = await rig.api.post('activate_license', rig.api.key('ZZZZ-ZZZZ-ZZZZ-ZZZZ', HW));
    expectError(key, 400, 'license_not_found');
    const otherProduct = await rig.api.get(
      'check_license',
      rig.api.key(demo.nodeLockedKey, HW, { product: 'lmoem' }),
    );
    expectError(otherProduct, 400, 'license_not_found');
  });

  it('answers injected 5xx faults in the same envelope with internal_error', async () => {
    rig.sandbox.faults.inject({ kind: 'status', status: 503, times: 1 });
    const res = await rig.api.get('product_details', { product: rig.sandbox.productCode });
    expect(res.status).toBe(503);
    expect(res.body).toEqual(errorBody(503, 'internal_error'));
    const after = await rig.api.get('product_details', { product: rig.sandbox.productCode });
    expect(after.status).toBe(200);
  });
});
