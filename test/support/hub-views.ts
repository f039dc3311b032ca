import type { HubLicenceView } from '../../src/shared/hubs-model';

/** A hub's licence as the hubs screen gets it: a valid, active production licence, 100 of 500 used. */
export const licence = (change: Partial<HubLicenceView> = {}): HubLicenceView => ({
  codeLabel: 'ac04…6557',
  type: 'production',
  isValid: true,
  isActive: true,
  size: 500,
  used: 100,
  objectCount: 12,
  isObjectBased: false,
  pointsPerObject: 0,
  useCustomPointsMap: false,
  reportedAt: 1_700_000_000_000,
  ...change,
});
