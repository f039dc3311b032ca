import { describe, expect, it } from 'vitest';
import { DAY, errorBody, START, useSandbox, v1Valid, v2Valid } from './licensespring-sandbox-rig';

/**
 * product_details and trial_key in the LicenseSpring sandbox (contract 5.5): the product shape
 * and its include flags, one trial per device, the trial clock starting at first activation, and
 * trials of user-based products.
 */

const KEY_PATTERN = /^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/;

describe('LicenseSpring sandbox: product_details', () => {
  const rig = useSandbox();

  it('answers the product shape, signed', async () => {
    const res = await rig.api.get('product_details', { product: rig.sandbox.productCode });
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(res.body).toEqual({
      product_id: expect.any(Number) as unknown,
      product_name: 'License Manager Pro',
      short_code: rig.sandbox.productCode,
      authorization_method: 'license-key',
      allow_trial: true,
      trial_days: 14,
      floating_timeout: 30,
      allow_overages: true,
      max_overages: 10,
      prevent_vm: false,
      metadata: { edition: 'pro' },
    });
  });

  it('adds latest_version and custom_fields only when asked', async () => {
    const res = await rig.api.get('product_details', {
      product: rig.sandbox.productCode,
      include_latest_version: 'true',
      include_custom_fields: 'true',
    });
    expect(res.body).toMatchObject({ latest_version: '2.4.1', custom_fields: [] });
    const user = await rig.api.get('product_details', { product: rig.sandbox.userProductCode });
    expect(user.body.authorization_method).toBe('user');
    expect((await rig.api.get('product_details', {})).body).toEqual(
      errorBody(400, 'missing_parameters'),
    );
  });
});

describe('LicenseSpring sandbox: trial_key', () => {
  const rig = useSandbox();
  const trial = (hw: string, product = rig.sandbox.productCode, extra = {}) =>
    rig.api.get('trial_key', { product, hardware_id: hw, ...extra });

  it('issues a trial key per device and the same key again on a second call', async () => {
    const first = await trial('hw-t1');
    expect(first.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, first)).toBe(true);
    expect(first.body).toMatchObject({
      license_key: expect.stringMatching(KEY_PATTERN) as unknown,
      is_trial: true,
      active: false,
      enabled: true,
      trial_days: 14,
      license_type: 'time-limited',
      max_activations: 1,
      times_activated: 0,
      validity_period: null,
    });
    const again = await trial('hw-t1');
    expect(again.body.license_key).toBe(first.body.license_key);
    expect(again.body.id).toBe(first.body.id);
    const other = await trial('hw-t2');
    expect(other.body.license_key).not.toBe(first.body.license_key);
  });

  it('starts the trial clock at first activation and expires it after trial_days', async () => {
    const key = (await trial('hw-t1')).body.license_key as string;
    rig.clock.advance(DAY);
    const activated = await rig.api.post('activate_license', rig.api.key(key, 'hw-t1'));
    expect(activated.status).toBe(200);
    const end = new Date(START + 15 * DAY).toISOString();
    expect(activated.body).toMatchObject({ is_trial: true, validity_period: end });
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-t1', key, activated.body)).toBe(true);
    expect((await trial('hw-t1')).body).toMatchObject({ validity_period: end, times_activated: 1 });

    rig.clock.advance(14 * DAY);
    const expired = await rig.api.get('check_license', rig.api.key(key, 'hw-t1'));
    expect(expired.body).toEqual(errorBody(400, 'trial_expired'));
  });

  it('refuses a product without trials and a missing hardware_id', async () => {
    expect((await trial('hw-t1', 'lmoem')).body).toEqual(errorBody(400, 'trial_not_allowed'));
    const noHw = await rig.api.get('trial_key', { product: rig.sandbox.productCode });
    expect(noHw.body).toEqual(errorBody(400, 'missing_hardware_id'));
  });

  it('creates a user for a user-based product, who can then activate', async () => {
    const product = rig.sandbox.userProductCode;
    expect((await trial('hw-u', product)).body).toEqual(errorBody(400, 'email_missing'));
    const res = await trial('hw-u', product, { email: 'newcomer@ls-demo.example' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      license_key: null,
      trial_days: 7,
      license_user: { email: 'newcomer@ls-demo.example', is_initial_password: true },
    });
    const password = (res.body.license_user as { password: string }).password;
    expect(password.length).toBeGreaterThan(8);
    const activated = await rig.api.post('activate_license', {
      hardware_id: 'hw-u',
      product,
      username: 'newcomer@ls-demo.example',
      password,
    });
    expect(activated.status).toBe(200);
    expect(activated.body.validity_period).toBe(new Date(START + 7 * DAY).toISOString());
  });
});
