import type { LsConsumptionMeter, LsLicenceDetails } from '../../src/shared/licensespring-model';

/** LicenseSpring views for the text tests (English and German): a meter and a whole licence. */

export const NOW = Date.UTC(2026, 2, 10, 9, 30);

export const meter = (change: Partial<LsConsumptionMeter> = {}): LsConsumptionMeter => ({
  total: 0,
  max: 100,
  unlimited: false,
  allowOverages: false,
  maxOverages: 0,
  allowNegative: false,
  ...change,
});

export const details = (change: Partial<LsLicenceDetails> = {}): LsLicenceDetails => ({
  profileId: 'ls',
  productName: 'Demo Studio',
  licenseType: 'consumption',
  isTrial: false,
  activations: { used: 1, max: 3, unlimited: false },
  transfers: { used: 0, max: 2, allowed: true },
  features: [
    {
      code: 'pool',
      name: 'Render pool',
      type: 'activation',
      expired: false,
      floating: { inUse: 2, max: 5, timeoutMinutes: 120, held: true },
    },
    {
      code: 'exports',
      name: 'Exports',
      type: 'consumption',
      expired: false,
      consumption: meter({ total: 47 }),
    },
  ],
  consumption: meter({ total: 12, max: 50 }),
  localCheck: { state: 'valid', message: 'The licence is valid.' },
  canConsume: true,
  checkedAt: NOW,
  ...change,
});
