import { describe, expect, it } from 'vitest';
import { licenseSpringDemo } from '../../src/sandbox/licensespring/server';
import {
  admin,
  errorBody,
  START,
  useSandbox,
  v1Valid,
  v2Valid,
  type Body,
} from './licensespring-sandbox-rig';

/**
 * The LicenseSpring sandbox's test back door: state, revoke, and tamper (forged signatures a
 * client must refuse). Not part of the vendor protocol.
 */

const demo = licenseSpringDemo();
const HW = 'hw-admin';

describe('LicenseSpring sandbox: admin', () => {
  const rig = useSandbox();
  const key = (licenseKey = demo.nodeLockedKey) => rig.api.key(licenseKey, HW);
  const check = () => rig.api.get('check_license', key());

  it('reports activations, floating slots and consumption totals', async () => {
    await rig.api.post('activate_license', key());
    await rig.api.post('activate_license', key(demo.floatingKey));
    await rig.api.post('activate_license', key(demo.consumptionKey));
    await rig.api.post('add_consumption', { ...key(demo.consumptionKey), consumptions: 7 });
    const { status, body } = await admin(rig.sandbox, 'state');
    expect(status).toBe(200);
    const licences = body.licenses as Body[];
    const byKey = (k: string) => licences.find((l) => l.license_key === k);
    expect(byKey(demo.nodeLockedKey)).toMatchObject({
      times_activated: 1,
      activations: [{ hardware_id: HW, activated_at: new Date(START).toISOString() }],
    });
    expect(byKey(demo.floatingKey)).toMatchObject({
      floating: { in_use: 1, capacity: 2, slots: [{ hardware_id: HW }] },
    });
    expect(byKey(demo.consumptionKey)).toMatchObject({ total_consumptions: 7 });
  });

  it('disables and restores a licence with revoke', async () => {
    await rig.api.post('activate_license', key());
    expect((await admin(rig.sandbox, 'revoke', { license_key: demo.nodeLockedKey })).status).toBe(
      200,
    );
    expect((await check()).body).toEqual(errorBody(400, 'license_not_enabled'));
    await admin(rig.sandbox, 'revoke', { license_key: demo.nodeLockedKey, revoked: false });
    expect((await check()).status).toBe(200);
    const unknown = await admin(rig.sandbox, 'revoke', { license_key: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(unknown.status).toBe(404);
  });

  it('forges the v2 header of the next reply only', async () => {
    await rig.api.post('activate_license', key());
    const armed = await admin(rig.sandbox, 'tamper', { what: 'v2', times: 1 });
    expect(armed.body).toEqual({ armed: [{ what: 'v2', times: 1 }] });
    const forged = await check();
    expect(forged.status).toBe(200);
    expect(forged.signature).not.toBeNull();
    expect(v2Valid(rig.sandbox.publicKeyPem, forged)).toBe(false);
    expect(v1Valid(rig.sandbox.publicKeyPem, HW, demo.nodeLockedKey, forged.body)).toBe(true);
    const honest = await check();
    expect(v2Valid(rig.sandbox.publicKeyPem, honest)).toBe(true);
  });

  it('forges license_signature (v1) while v2 still verifies, counting only replies that carry it', async () => {
    await rig.api.post('activate_license', key());
    await admin(rig.sandbox, 'tamper', { what: 'v1' });
    const product = await rig.api.get('product_details', { product: rig.sandbox.productCode });
    expect(v2Valid(rig.sandbox.publicKeyPem, product)).toBe(true); // no license_signature: untouched
    const forged = await check();
    expect(v2Valid(rig.sandbox.publicKeyPem, forged)).toBe(true);
    expect(v1Valid(rig.sandbox.publicKeyPem, HW, demo.nodeLockedKey, forged.body)).toBe(false);
    const honest = await check();
    expect(v1Valid(rig.sandbox.publicKeyPem, HW, demo.nodeLockedKey, honest.body)).toBe(true);
  });

  it('changes the body after signing', async () => {
    await rig.api.post('activate_license', key());
    const genuine = await check();
    await admin(rig.sandbox, 'tamper', { what: 'body', times: 2 });
    const forged = await check();
    expect(forged.body.validity_period).not.toBe(genuine.body.validity_period);
    expect(v2Valid(rig.sandbox.publicKeyPem, forged)).toBe(false);
    expect(v1Valid(rig.sandbox.publicKeyPem, HW, demo.nodeLockedKey, forged.body)).toBe(false);
    expect((await admin(rig.sandbox, 'state')).body.tamper).toEqual([{ what: 'body', times: 1 }]);
    await admin(rig.sandbox, 'tamper', { clear: true });
    expect(v2Valid(rig.sandbox.publicKeyPem, await check())).toBe(true);
  });

  it('never tampers with errors, and refuses a bad tamper request', async () => {
    await admin(rig.sandbox, 'tamper', { what: 'v2' });
    const error = await rig.api.get('check_license', rig.api.key(demo.nodeLockedKey, 'hw-none'));
    expect(error.status).toBe(400);
    expect(v2Valid(rig.sandbox.publicKeyPem, error)).toBe(true);
    expect((await admin(rig.sandbox, 'tamper', { what: 'all' })).status).toBe(400);
    expect((await admin(rig.sandbox, 'tamper', { what: 'v2', times: 0 })).status).toBe(400);
  });
});
