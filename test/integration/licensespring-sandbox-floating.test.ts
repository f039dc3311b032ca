import { describe, expect, it } from 'vitest';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import {
  errorBody,
  HOUR,
  MINUTE,
  START,
  useSandbox,
  v2Valid,
  type Body,
} from './licensespring-sandbox-rig';

/**
 * Floating cloud in the LicenseSpring sandbox (contract 5.9) on a manual clock: licence slots
 * (2 users, 30-minute timeout, borrowable 24 h) and floating feature slots (1 user, 10 minutes).
 */

const demo = licenseSpringDemo();
const iso = (ms: number) => new Date(ms).toISOString();

describe('LicenseSpring sandbox: floating licence', () => {
  const rig = useSandbox();
  const key = (hw: string, extra: Body = {}) => rig.api.key(demo.floatingKey, hw, extra);
  const activate = (hw: string) => rig.api.post('activate_license', key(hw));
  const check = (hw: string) => rig.api.get('check_license', key(hw));
  const borrow = (hw: string, borrowedUntil: string | null) =>
    rig.api.post('floating/borrow', key(hw, { borrowed_until: borrowedUntil }));

  it('counts floating_in_use_devices and refuses a third device with how many and until when', async () => {
    expect((await activate('hw-a')).status).toBe(200);
    rig.clock.advance(5 * MINUTE);
    expect((await activate('hw-b')).status).toBe(200);
    const checked = await check('hw-b');
    expect(checked.body).toMatchObject({
      is_floating_cloud: true,
      floating_users: 2,
      floating_in_use_devices: 2,
    });

    const third = await activate('hw-c');
    expect(third.body).toEqual(errorBody(400, 'floating_not_available'));
    const message = third.body.message as string;
    expect(message).toContain('2 of 2');
    expect(message).toContain(iso(START + 30 * MINUTE)); // hw-a's slot, the earliest to lapse
  });

  it('lets a slot lapse floating_timeout minutes after the last check, not the first', async () => {
    await activate('hw-a');
    await activate('hw-b');
    rig.clock.advance(20 * MINUTE);
    await check('hw-a'); // hw-a refreshed, hw-b idle
    rig.clock.advance(10 * MINUTE); // hw-b's 30 minutes are up, hw-a has 20 left
    expect((await activate('hw-c')).status).toBe(200);
    const late = await check('hw-b');
    expect(late.body).toEqual(errorBody(400, 'floating_not_available'));
    expect(late.body.message).toContain(iso(START + 50 * MINUTE));
    expect((await check('hw-a')).body.floating_in_use_devices).toBe(2);
  });

  it('frees a slot on floating/release with an empty unsigned reply', async () => {
    await activate('hw-a');
    await activate('hw-b');
    const released = await rig.api.post('floating/release', key('hw-a'));
    expect(released.status).toBe(200);
    expect(released.text).toBe('');
    expect(released.signature).toBeNull();
    expect((await activate('hw-c')).status).toBe(200);
    // hw-a is still activated; its next check needs a slot again and there is none.
    expect((await check('hw-a')).body).toEqual(errorBody(400, 'floating_not_available'));
  });

  it('needs an activated device to check or release', async () => {
    expect((await check('hw-x')).body).toEqual(errorBody(400, 'device_not_found'));
    const res = await rig.api.post('floating/release', key('hw-x'));
    expect(res.body).toEqual(errorBody(400, 'device_not_found'));
  });

  it('borrows for max_borrow_time with borrowed_until null and keeps the slot past the timeout', async () => {
    const activated = await activate('hw-a');
    const res = await borrow('hw-a', null);
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(res.body).toEqual({
      borrowed_until: iso(START + 24 * HOUR),
      max_borrow_time: 24,
      device_id: activated.body.device_id,
      license_id: activated.body.id,
      company: { id: expect.any(Number) as unknown },
    });
    await activate('hw-b');
    rig.clock.advance(2 * HOUR); // far past the 30-minute timeout
    const checked = await check('hw-a');
    expect(checked.body).toMatchObject({
      is_borrowed: true,
      borrowed_until: iso(START + 24 * HOUR),
    });
    expect((await activate('hw-c')).status).toBe(200); // hw-b lapsed, hw-a still holds its slot
    rig.clock.advance(23 * HOUR);
    expect((await activate('hw-d')).status).toBe(200); // both borrow and refresh are over
  });

  it('accepts an explicit borrowed_until within the limit and refuses others', async () => {
    await activate('hw-a');
    const until = iso(START + 6 * HOUR);
    expect((await borrow('hw-a', until)).body.borrowed_until).toBe(until);
    for (const bad of [iso(START + 25 * HOUR), iso(START - MINUTE), 'tomorrow']) {
      expect((await borrow('hw-a', bad)).body).toEqual(errorBody(400, 'borrow_until_not_valid'));
    }
  });

  it('refuses to borrow a licence that is not floating', async () => {
    await rig.api.post('activate_license', rig.api.key(demo.consumptionKey, 'hw-a'));
    const res = await rig.api.post('floating/borrow', rig.api.key(demo.consumptionKey, 'hw-a'));
    expect(res.body).toEqual(errorBody(400, 'borrowing_not_allowed'));
  });
});

describe('LicenseSpring sandbox: floating features', () => {
  const rig = useSandbox();
  const key = (hw: string, extra: Body = {}) => rig.api.key(demo.nodeLockedKey, hw, extra);
  const feature = (hw: string, code = demo.features.floating) =>
    rig.api.get('check_license_feature', key(hw, { feature: code }));

  it('answers the reference shape for a floating feature and takes its one slot', async () => {
    await rig.api.post('activate_license', key('hw-a'));
    const res = await feature('hw-a');
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'allow_negative_consumptions',
        'allow_overages',
        'allow_unlimited_consumptions',
        'code',
        'consumption_period',
        'expiry_date',
        'feature_type',
        'floating_in_use_devices',
        'floating_timeout',
        'floating_users',
        'id',
        'is_floating',
        'is_floating_cloud',
        'license_id',
        'max_consumption',
        'max_overages',
        'metadata',
        'name',
        'reset_consumption',
        'total_consumptions',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      code: demo.features.floating,
      feature_type: 'activation',
      is_floating: false,
      is_floating_cloud: true,
      floating_timeout: 10,
      floating_users: 1,
      floating_in_use_devices: 1,
      license_id: 1700000000000101,
    });
  });

  it('omits floating_in_use_devices on a plain feature and refuses unknown codes', async () => {
    await rig.api.post('activate_license', key('hw-a'));
    const plain = await feature('hw-a', demo.features.activation);
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('floating_in_use_devices');
    expect(plain.body).toMatchObject({
      feature_type: 'activation',
      max_consumption: 0,
      consumption_period: '',
    });
    const unknown = await feature('hw-a', 'no-such-feature');
    expect(unknown.body).toEqual(errorBody(400, 'invalid_license_feature_code'));
    expect(unknown.body.message).toContain("'no-such-feature'");
  });

  it('exhausts the feature slot, lapses it after floating_timeout, and releases it', async () => {
    await rig.api.post('activate_license', key('hw-a'));
    await rig.api.post('activate_license', key('hw-b'));
    await feature('hw-a');
    const busy = await feature('hw-b');
    expect(busy.body).toEqual(errorBody(400, 'floating_not_available'));
    expect(busy.body.message).toContain('1 of 1');
    expect(busy.body.message).toContain(iso(START + 10 * MINUTE));

    rig.clock.advance(10 * MINUTE);
    expect((await feature('hw-b')).status).toBe(200); // hw-a's slot lapsed
    expect((await feature('hw-a')).body.code).toBe('floating_not_available');

    const released = await rig.api.post(
      'floating/feature_release',
      key('hw-b', { feature: demo.features.floating }),
    );
    expect(released.status).toBe(200);
    expect(released.text).toBe('');
    expect((await feature('hw-a')).status).toBe(200);
  });

  it('borrows a feature slot past its timeout', async () => {
    await rig.api.post('activate_license', key('hw-a'));
    await rig.api.post('activate_license', key('hw-b'));
    const res = await rig.api.post(
      'floating/feature_borrow',
      key('hw-a', { feature: demo.features.floating, borrowed_until: null }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ borrowed_until: iso(START + 12 * HOUR), max_borrow_time: 12 });
    rig.clock.advance(11 * HOUR);
    expect((await feature('hw-b')).body.code).toBe('floating_not_available');
    rig.clock.advance(HOUR);
    expect((await feature('hw-b')).status).toBe(200);
  });

  it('frees feature slots when the device deactivates', async () => {
    await rig.api.post('activate_license', key('hw-a'));
    await rig.api.post('activate_license', key('hw-b'));
    await feature('hw-a');
    await rig.api.post('deactivate_license', key('hw-a'));
    expect((await feature('hw-b')).status).toBe(200);
  });
});
