import { describe, expect, it } from 'vitest';
import { periodStart } from '../../src/sandbox/licensespring/consumption';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import { licenseSpringDemoSeed } from '../../src/sandbox/licensespring/seed';
import { DAY, errorBody, START, useSandbox, v2Valid, type Body } from './licensespring-sandbox-rig';

/**
 * Consumption in the LicenseSpring sandbox (contract 5.5, 5.9): the licence counter (100 a month
 * plus 10 overages), negative consumptions, the monthly reset on a manual clock, and feature
 * consumption (50, no overages).
 */

const demo = licenseSpringDemo();
const HW = 'hw-meter';

describe('LicenseSpring sandbox: licence consumption', () => {
  const rig = useSandbox();
  const key = (extra: Body = {}) => rig.api.key(demo.consumptionKey, HW, extra);
  const add = (consumptions?: number) =>
    rig.api.post('add_consumption', key(consumptions === undefined ? {} : { consumptions }));
  const activate = () => rig.api.post('activate_license', key());

  it('adds consumptions and answers the contract shape, signed', async () => {
    await activate();
    const res = await add(30);
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(res.body).toEqual({
      id: 1700000000000103,
      total_consumptions: 30,
      max_consumptions: 100,
      allow_unlimited_consumptions: false,
      allow_negative_consumptions: false,
      allow_overages: true,
      max_overages: 10,
      reset_consumption: true,
      consumption_period: 'monthly',
      company: { id: expect.any(Number) as unknown },
    });
    expect((await add()).body.total_consumptions).toBe(31); // consumptions defaults to 1
  });

  it('allows overages up to max_overages, then refuses with consumption_limit_exceeded', async () => {
    await activate();
    expect((await add(100)).body.total_consumptions).toBe(100);
    expect((await add(10)).body.total_consumptions).toBe(110);
    const over = await add(1);
    expect(over.body).toEqual(errorBody(400, 'consumption_limit_exceeded'));
    expect(over.body.message).toContain('110');
    const checked = await rig.api.get('check_license', key());
    expect(checked.body.total_consumptions).toBe(110); // the refused call changed nothing
  });

  it('refuses negative consumptions on a licence that does not allow them', async () => {
    await activate();
    await add(5);
    const res = await add(-2);
    expect(res.body).toEqual(errorBody(400, 'negative_consumptions_not_allowed'));
    expect((await add(0)).body).toEqual(errorBody(400, 'validation_error'));
    expect((await add(1.5)).body).toEqual(errorBody(400, 'validation_error'));
  });

  it('resets the counter at the start of the next month', async () => {
    await activate();
    await add(100);
    rig.clock.setSystemTime(periodStart(START, 'monthly', 1) - 1000);
    expect((await add(10)).body.total_consumptions).toBe(110);
    rig.clock.advance(1000);
    const checked = await rig.api.get('check_license', key());
    expect(checked.body.total_consumptions).toBe(0);
    expect((await add(100)).body.total_consumptions).toBe(100);
  });

  it('needs an activated device and a consumption licence', async () => {
    expect((await add(1)).body).toEqual(errorBody(400, 'device_not_found'));
    await rig.api.post('activate_license', rig.api.key(demo.floatingKey, HW));
    const res = await rig.api.post(
      'add_consumption',
      rig.api.key(demo.floatingKey, HW, { consumptions: 1 }),
    );
    expect(res.body).toEqual(errorBody(400, 'not_consumption_license'));
  });
});

describe('LicenseSpring sandbox: negative consumptions when allowed', () => {
  const rig = useSandbox(() => {
    const seed = licenseSpringDemoSeed();
    return {
      ...seed,
      licenses: seed.licenses.map((l) =>
        l.licenseKey === demo.consumptionKey ? { ...l, allowNegativeConsumptions: true } : l,
      ),
    };
  });

  it('subtracts, but never below zero', async () => {
    const key = (consumptions: number) => rig.api.key(demo.consumptionKey, HW, { consumptions });
    await rig.api.post('activate_license', rig.api.key(demo.consumptionKey, HW));
    await rig.api.post('add_consumption', key(5));
    expect((await rig.api.post('add_consumption', key(-3))).body.total_consumptions).toBe(2);
    const below = await rig.api.post('add_consumption', key(-3));
    expect(below.body).toEqual(errorBody(400, 'validation_error'));
  });
});

describe('LicenseSpring sandbox: feature consumption', () => {
  const rig = useSandbox();
  const key = (extra: Body = {}) => rig.api.key(demo.nodeLockedKey, HW, extra);
  const add = (consumptions: number, feature = demo.features.consumption) =>
    rig.api.post('add_feature_consumption', key({ feature, consumptions }));

  it('adds to the feature counter and answers the contract shape', async () => {
    await rig.api.post('activate_license', key());
    const res = await add(20);
    expect(res.status).toBe(200);
    expect(v2Valid(rig.sandbox.publicKeyPem, res)).toBe(true);
    expect(res.body).toMatchObject({
      id: expect.any(Number) as unknown,
      license_id: 1700000000000101,
      total_consumptions: 20,
      max_consumptions: 50,
      allow_unlimited_consumptions: false,
      allow_negative_consumptions: false,
      allow_overages: false,
      max_overages: 0,
      reset_consumption: false,
      is_floating: false,
      is_floating_cloud: false,
      company: { id: expect.any(Number) as unknown },
    });
    const checked = await rig.api.get(
      'check_license_feature',
      key({ feature: demo.features.consumption }),
    );
    expect(checked.body).toMatchObject({
      feature_type: 'consumption',
      total_consumptions: 20,
      max_consumption: 50,
    });
  });

  it('refuses past max_consumption without overages', async () => {
    await rig.api.post('activate_license', key());
    expect((await add(50)).body.total_consumptions).toBe(50);
    expect((await add(1)).body).toEqual(errorBody(400, 'consumption_limit_exceeded'));
  });

  it('refuses consumption on an activation feature and an unknown feature', async () => {
    await rig.api.post('activate_license', key());
    expect((await add(1, demo.features.activation)).body).toEqual(
      errorBody(400, 'unsupported_product_feature'),
    );
    expect((await add(1, 'nope')).body).toEqual(errorBody(400, 'invalid_license_feature_code'));
  });
});

describe('consumption periods (unit)', () => {
  it('steps months in UTC and clamps to the last day', () => {
    const jan31 = Date.UTC(2030, 0, 31, 9);
    expect(periodStart(jan31, 'monthly', 1)).toBe(Date.UTC(2030, 1, 28, 9));
    expect(periodStart(jan31, 'monthly', 2)).toBe(Date.UTC(2030, 2, 31, 9));
    expect(periodStart(jan31, 'annually', 1)).toBe(Date.UTC(2031, 0, 31, 9));
    expect(periodStart(jan31, 'weekly', 2)).toBe(jan31 + 14 * DAY);
    expect(periodStart(jan31, 'daily', 3)).toBe(jan31 + 3 * DAY);
  });
});
