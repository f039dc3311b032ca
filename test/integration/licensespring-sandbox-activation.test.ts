import { describe, expect, it } from 'vitest';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import { demoRoles, licenseSpringDemoSeed } from '../../src/sandbox/licensespring/seed';
import {
  DAY,
  errorBody,
  START,
  useSandbox,
  v1Valid,
  v2Valid,
  type Body,
} from './licensespring-sandbox-rig';

/**
 * The node-locked lifecycle of the LicenseSpring sandbox (contract 5.9): activate, check and
 * deactivate with both response signatures verified, seats, transfers, expiry, trials, disabled
 * and not-yet-active licences, and user-based licences.
 */

const demo = licenseSpringDemo();
const roles = demoRoles();

describe('LicenseSpring sandbox: activate, check, deactivate', () => {
  const rig = useSandbox();
  const activate = (key: string, hw: string, extra: Body = {}) =>
    rig.api.post('activate_license', rig.api.key(key, hw, extra));
  const check = (key: string, hw: string, extra: Body = {}) =>
    rig.api.get('check_license', rig.api.key(key, hw, extra));
  const deactivate = (key: string, hw: string) =>
    rig.api.post('deactivate_license', rig.api.key(key, hw));

  it('activates with a licence object signed by both v1 and v2', async () => {
    const res = await activate(demo.nodeLockedKey, 'hw-a');
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-a', demo.nodeLockedKey, res.body)).toBe(true);
    expect(res.body).toMatchObject({
      license_key: demo.nodeLockedKey,
      license_type: 'time-limited',
      validity_period: new Date(START + 365 * DAY).toISOString(),
      max_activations: 3,
      times_activated: 1,
      transfer_count: 0,
      is_trial: false,
      active: true,
      hardware_id: 'hw-a',
      request: 'activation',
      is_expired: false,
      device_id: expect.any(Number) as unknown,
      product_details: { short_code: rig.sandbox.productCode, authorization_method: 'license-key' },
    });
    const features = res.body.product_features as Body[];
    expect(features.map((f) => f.code)).toEqual([
      demo.features.activation,
      demo.features.consumption,
      demo.features.floating,
    ]);
    // The exact bytes are JSON.stringify of the parsed body: the SDK re-stringifies before verifying.
    expect(JSON.stringify(res.json)).toBe(res.text);
  });

  it('checks an activated device with the check fields and both signatures', async () => {
    const activated = await activate(demo.nodeLockedKey, 'hw-a');
    const res = await check(demo.nodeLockedKey, 'hw-a');
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-a', demo.nodeLockedKey, res.body)).toBe(true);
    expect(res.body).toMatchObject({
      license_active: true,
      license_enabled: true,
      is_expired: false,
      is_borrowed: false,
      borrowed_until: null,
      device_id: activated.body.device_id,
    });
    expect(res.body).not.toHaveProperty('floating_in_use_devices');
  });

  it('answers device_not_found for a device that is not activated', async () => {
    const res = await check(demo.nodeLockedKey, 'hw-never');
    expect(res.body).toEqual(errorBody(400, 'device_not_found'));
  });

  it('binds at most max_activations devices; the same device may activate again', async () => {
    for (const hw of ['hw-a', 'hw-b', 'hw-c'])
      expect((await activate(demo.nodeLockedKey, hw)).status).toBe(200);
    const fourth = await activate(demo.nodeLockedKey, 'hw-d');
    expect(fourth.body).toEqual(errorBody(400, 'license_activated_max_times'));
    const again = await activate(demo.nodeLockedKey, 'hw-a');
    expect(again.status).toBe(200);
    expect(again.body.times_activated).toBe(3);
  });

  it('deactivates with the unsigned string body and frees the seat', async () => {
    for (const hw of ['hw-a', 'hw-b', 'hw-c']) await activate(demo.nodeLockedKey, hw);
    const res = await deactivate(demo.nodeLockedKey, 'hw-a');
    expect(res.status).toBe(200);
    expect(res.text).toBe('"license_deactivated"');
    expect(res.signature).toBeNull();
    expect((await check(demo.nodeLockedKey, 'hw-a')).body).toEqual(
      errorBody(400, 'device_not_found'),
    );
    expect((await check(demo.nodeLockedKey, 'hw-b')).body.times_activated).toBe(2);
    expect((await deactivate(demo.nodeLockedKey, 'hw-a')).body).toEqual(
      errorBody(400, 'device_not_found'),
    );
    const d = await activate(demo.nodeLockedKey, 'hw-d');
    expect(d.status).toBe(200);
    expect(d.body.transfer_count).toBe(1); // hw-a left, hw-d came: a transfer
  });

  it('reports is_expired on check after validity and refuses new activations', async () => {
    await activate(demo.nodeLockedKey, 'hw-a');
    rig.clock.advance(366 * DAY);
    const res = await check(demo.nodeLockedKey, 'hw-a');
    expect(res.status).toBe(200);
    expect(res.body.is_expired).toBe(true);
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-a', demo.nodeLockedKey, res.body)).toBe(true);
    expect((await activate(demo.nodeLockedKey, 'hw-b')).body).toEqual(
      errorBody(400, 'license_expired'),
    );
    expect((await activate(demo.expiredKey, 'hw-a')).body).toEqual(
      errorBody(400, 'license_expired'),
    );
  });

  it('answers trial_expired once a trial is past its validity', async () => {
    const activated = await activate(demo.trialKey, 'hw-a');
    expect(activated.body).toMatchObject({
      is_trial: true,
      validity_period: new Date(START + 14 * DAY).toISOString(),
    });
    rig.clock.advance(14 * DAY - 1000);
    expect((await check(demo.trialKey, 'hw-a')).status).toBe(200);
    rig.clock.advance(1000);
    expect((await check(demo.trialKey, 'hw-a')).body).toEqual(errorBody(400, 'trial_expired'));
    expect((await activate(demo.trialKey, 'hw-b')).body).toEqual(errorBody(400, 'trial_expired'));
  });

  it('refuses a disabled licence and one that has not started yet', async () => {
    expect((await activate(roles.disabledKey, 'hw-a')).body).toEqual(
      errorBody(400, 'license_not_enabled'),
    );
    const early = await activate(roles.notYetActiveKey, 'hw-a');
    expect(early.body).toEqual(errorBody(400, 'license_not_active'));
    rig.clock.advance(10 * DAY);
    expect((await activate(roles.notYetActiveKey, 'hw-a')).status).toBe(200);
  });

  it('narrows by license_id and refuses blacklisted devices', async () => {
    const ok = await activate(demo.nodeLockedKey, 'hw-a', { license_id: 1700000000000101 });
    expect(ok.status).toBe(200);
    const wrong = await activate(demo.nodeLockedKey, 'hw-a', { license_id: 1700000000000102 });
    expect(wrong.body).toEqual(errorBody(400, 'license_not_found'));
    const black = await activate(demo.nodeLockedKey, 'blacklisted-device-0001');
    expect(black.body).toEqual(errorBody(400, 'blacklisted'));
  });
});

describe('LicenseSpring sandbox: user-based licences', () => {
  const rig = useSandbox();
  const identity = (extra: Body = {}) => ({
    hardware_id: 'hw-user',
    product: rig.sandbox.userProductCode,
    username: demo.username,
    ...extra,
  });

  it('activates with username and password; v1 signs the username', async () => {
    const res = await rig.api.post('activate_license', identity({ password: demo.password }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ license_key: null, user: { email: demo.username } });
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-user', demo.username, res.body)).toBe(true);
    const checked = await rig.api.get('check_license', identity());
    expect(checked.status).toBe(200);
    expect(v1Valid(rig.sandbox.publicKeyPem, 'hw-user', demo.username, checked.body)).toBe(true);
  });

  it('refuses a wrong or missing password and an unknown user', async () => {
    const wrong = await rig.api.post('activate_license', identity({ password: 'nope' }));
    expect(wrong.body).toEqual(errorBody(400, 'invalid_credentials'));
    const missing = await rig.api.post('activate_license', identity());
    expect(missing.body).toEqual(errorBody(400, 'missing_parameters'));
    const unknown = await rig.api.post(
      'activate_license',
      identity({ username: 'x@y.example', password: 'p' }),
    );
    expect(unknown.body).toEqual(errorBody(400, 'license_not_found'));
  });
});

function transferSeed(maxTransfers: number) {
  const seed = licenseSpringDemoSeed();
  return {
    ...seed,
    licenses: seed.licenses.map((l) =>
      l.licenseKey === demo.nodeLockedKey ? { ...l, maxActivations: 1, maxTransfers } : l,
    ),
  };
}

describe('LicenseSpring sandbox: transfers', () => {
  describe('with max_transfers 1', () => {
    const rig = useSandbox(() => transferSeed(1));
    const activate = (hw: string) =>
      rig.api.post('activate_license', rig.api.key(demo.nodeLockedKey, hw));
    const deactivate = (hw: string) =>
      rig.api.post('deactivate_license', rig.api.key(demo.nodeLockedKey, hw));

    it('counts a move to another device and refuses the second one', async () => {
      await activate('hw-a');
      await deactivate('hw-a');
      const b = await activate('hw-b');
      expect(b.body.transfer_count).toBe(1);
      await deactivate('hw-b');
      const c = await activate('hw-c');
      expect(c.body).toEqual(errorBody(400, 'license_transferred_max_times'));
      const back = await activate('hw-b'); // coming back is not a transfer
      expect(back.status).toBe(200);
      expect(back.body.transfer_count).toBe(1);
    });
  });

  describe('with max_transfers -1', () => {
    const rig = useSandbox(() => transferSeed(-1));

    it('never lets the licence leave its first device', async () => {
      const key = (hw: string) => rig.api.key(demo.nodeLockedKey, hw);
      await rig.api.post('activate_license', key('hw-a'));
      await rig.api.post('deactivate_license', key('hw-a'));
      expect((await rig.api.post('activate_license', key('hw-b'))).body).toEqual(
        errorBody(400, 'license_transferred_max_times'),
      );
      expect((await rig.api.post('activate_license', key('hw-a'))).status).toBe(200);
    });
  });
});
