import { inEnglish } from '../../src/shared/texts/english';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  toActivationRecord,
  toLsConsumption,
  toLsFeature,
  toLsLicence,
  toLsProduct,
} from '../../src/main/licensing/backends/licensespring-mapping';
import {
  consumptionReply,
  featureWire,
  licenceWire,
  productReply,
} from '../../src/main/licensing/backends/licensespring-wire';
import { parseReply } from '../../src/main/licensing/backends/wire-helpers';
import { licensingFailure } from '../support/licensing-failure';

/** The wire shapes of contract §5.5 and the vendor reference, mapped to the domain types. */

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const parse = <S extends z.ZodType>(schema: S, body: unknown) =>
  parseReply(schema, body, 'api.example');

/** The feature-check reference sample (shared/backends/reference/004), field for field. */
const REFERENCE_FEATURE = {
  id: 1698664358119314,
  code: 'f0',
  name: 'f0',
  feature_type: 'activation',
  expiry_date: null,
  metadata: {},
  is_floating: false,
  is_floating_cloud: true,
  floating_timeout: 120,
  floating_users: 8,
  floating_in_use_devices: 1,
  license_id: 1698662161371339,
};

const licence = {
  id: 1700000000000101,
  license_key: 'LSND-7K2Q-M4XD-9PWA',
  license_type: 'time-limited',
  is_trial: false,
  validity_period: '2027-01-15T09:00:00.000Z',
  start_date: '2026-01-01',
  max_activations: 3,
  times_activated: 1,
  allow_unlimited_activations: false,
  transfer_count: 0,
  max_transfers: 2,
  is_floating: false,
  is_floating_cloud: false,
  allow_grace_period: false,
  grace_period: 24,
  enable_maintenance_period: true,
  maintenance_period: '2026-06-30T00:00:00.000Z',
  customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@x.example', company_name: '' },
  product_details: { product_name: 'License Manager Pro' },
  product_features: [REFERENCE_FEATURE],
  license_active: true,
  license_enabled: true,
  is_expired: false,
  license_signature: 'ignored here',
};

describe('licensespring wire mapping', () => {
  it('maps the reference feature-check sample', () => {
    const wire = parse(featureWire, REFERENCE_FEATURE);
    expect(toLsFeature(wire)).toEqual({
      id: '1698664358119314',
      code: 'f0',
      name: 'f0',
      type: 'activation',
      floating: { users: 8, timeoutMinutes: 120, inUse: 1 },
    });
  });

  it('reads the reference’s singular max_consumption on a consumption feature', () => {
    const wire = parse(featureWire, {
      ...REFERENCE_FEATURE,
      feature_type: 'consumption',
      is_floating_cloud: false,
      total_consumptions: 7,
      max_consumption: 50,
      allow_overages: false,
      max_overages: 0,
      allow_unlimited_consumptions: false,
      allow_negative_consumptions: false,
      reset_consumption: true,
      consumption_period: 'weekly',
      expiry_date: '2026-12-31T00:00:00.000Z',
    });
    expect(toLsFeature(wire)).toMatchObject({
      type: 'consumption',
      expiresAt: Date.UTC(2026, 11, 31),
      consumption: { total: 7, max: 50, resetPeriod: 'weekly' },
    });
    expect(toLsFeature(wire).floating).toBeUndefined();
  });

  it('maps a licence: grace and maintenance only when the vendor enabled them', () => {
    const wire = parse(licenceWire, licence);
    const mapped = toLsLicence(wire, { now: NOW, serverTime: NOW + 5 });
    expect(mapped).toMatchObject({
      id: '1700000000000101',
      licenseType: 'time-limited',
      validUntil: Date.UTC(2027, 0, 15, 9),
      startsAt: Date.UTC(2026, 0, 1),
      active: true,
      enabled: true,
      expired: false,
      maxActivations: 3,
      timesActivated: 1,
      maxTransfers: 2,
      maintenanceUntil: Date.UTC(2026, 5, 30),
      customer: { name: 'Ada Lovelace', email: 'ada@x.example' },
      productName: 'License Manager Pro',
      serverTime: NOW + 5,
    });
    expect(mapped.gracePeriodHours).toBeUndefined();
    expect(mapped.customer).not.toHaveProperty('company');
    expect(mapped.features).toHaveLength(1);
    const graced = toLsLicence(
      parse(licenceWire, {
        ...licence,
        allow_grace_period: true,
        enable_maintenance_period: false,
      }),
      { now: NOW },
    );
    expect(graced.gracePeriodHours).toBe(24);
    expect(graced.maintenanceUntil).toBeUndefined();
  });

  it('maps a floating cloud licence with borrowing, and a consumption licence', () => {
    const floating = toLsLicence(
      parse(licenceWire, {
        ...licence,
        is_floating_cloud: true,
        floating_users: 2,
        floating_timeout: 30,
        floating_in_use_devices: 1,
        can_borrow: true,
        max_borrow_time: 24,
        is_borrowed: true,
        borrowed_until: '2026-01-16T09:00:00.000Z',
      }),
      { now: NOW },
    );
    expect(floating.floating).toEqual({
      users: 2,
      timeoutMinutes: 30,
      inUse: 1,
      canBorrow: true,
      maxBorrowHours: 24,
      borrowedUntil: Date.UTC(2026, 0, 16, 9),
    });
    const metered = toLsLicence(
      parse(licenceWire, {
        ...licence,
        license_type: 'consumption',
        total_consumptions: 12,
        max_consumptions: 100,
        allow_overages: true,
        max_overages: 10,
        reset_consumption: false,
        consumption_period: 'monthly',
      }),
      { now: NOW },
    );
    expect(metered.consumption).toEqual({
      total: 12,
      max: 100,
      unlimited: false,
      allowOverages: true,
      maxOverages: 10,
      allowNegative: false,
    });
  });

  it('works out expiry from the server time when an activation answer does not say', () => {
    const { is_expired: _, ...withoutFlag } = licence;
    const wire = parse(licenceWire, withoutFlag);
    expect(toLsLicence(wire, { now: NOW }).expired).toBe(false);
    expect(toLsLicence(wire, { now: NOW, serverTime: Date.UTC(2028, 0, 1) }).expired).toBe(true);
  });

  it('makes an activation record, invalid with a reason when the licence cannot be used', () => {
    const wire = parse(licenceWire, licence);
    expect(toActivationRecord(toLsLicence(wire, { now: NOW }))).toEqual({
      licenseId: '1700000000000101',
      mode: 'activation',
      valid: true,
      expiresAt: Date.UTC(2027, 0, 15, 9),
      supportExpiresAt: Date.UTC(2026, 5, 30),
      activeClients: 1,
      maxClients: 3,
    });
    const disabled = toLsLicence(parse(licenceWire, { ...licence, license_enabled: false }), {
      now: NOW,
    });
    expect(toActivationRecord(disabled, 'user@x.example')).toMatchObject({
      valid: false,
      invalidReason: { id: 'licensespring.invalidDisabled' },
      issuedKey: 'user@x.example',
    });
    const unlimited = toLsLicence(
      parse(licenceWire, { ...licence, allow_unlimited_activations: true, max_activations: 0 }),
      { now: NOW },
    );
    expect(toActivationRecord(unlimited).maxClients).toBe(0);
    const expired = toLsLicence(parse(licenceWire, { ...licence, is_expired: true }), { now: NOW });
    const reason = toActivationRecord(expired).invalidReason;
    expect(typeof reason === 'object' && inEnglish(reason)).toMatch(/expired/);
  });

  it('maps product details and consumption replies', () => {
    expect(
      toLsProduct(
        parse(productReply, {
          product_id: 1,
          product_name: 'License Manager Team',
          short_code: 'lmteam',
          authorization_method: 'user',
          allow_trial: true,
          trial_days: 7,
          floating_timeout: 30,
        }),
      ),
    ).toEqual({
      name: 'License Manager Team',
      shortCode: 'lmteam',
      authorizationMethod: 'user',
      allowTrial: true,
      trialDays: 7,
      floatingTimeoutMinutes: 30,
    });
    expect(
      toLsConsumption(
        parse(consumptionReply, { id: 1, total_consumptions: 3, max_consumptions: 50 }),
      ),
    ).toMatchObject({ total: 3, max: 50, unlimited: false });
  });

  it.each([
    ['an unknown licence type', { ...licence, license_type: 'forever' }],
    ['an unreadable validity', { ...licence, validity_period: 'soon' }],
    ['no activation counts', { ...licence, times_activated: undefined }],
    ['a web page', '<html>Sign in to the Wi-Fi</html>'],
  ])('refuses %s as a protocol error', async (_, body) => {
    const error = await licensingFailure(Promise.resolve().then(() => parse(licenceWire, body)));
    expect(error.code).toBe('protocol');
  });
});
