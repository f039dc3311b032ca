import { activationEn } from './activation.en';
import type { Catalogues } from './catalogues';
import { commonEn } from './common.en';
import { diagnosticsEn } from './diagnostics.en';
import { enirisEn } from './eniris.en';
import { errorsEn } from './errors.en';
import { hubsEn } from './hubs.en';
import { licensespringEn } from './licensespring.en';
import { offlineEn } from './offline.en';
import { seatsEn } from './seats.en';

/**
 * Every area's English in one object, for the checks that hold each translation against it (the
 * app itself never loads this: each screen imports only its own area).
 */
export const en: Catalogues = {
  common: commonEn,
  errors: errorsEn,
  diagnostics: diagnosticsEn,
  activation: activationEn,
  seats: seatsEn,
  offline: offlineEn,
  licensespring: licensespringEn,
  eniris: enirisEn,
  hubs: hubsEn,
};
