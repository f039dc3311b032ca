import { commonDe } from './common.de';
import { errorsDe } from './errors.de';
import { diagnosticsDe } from './diagnostics.de';
import { activationDe } from './activation.de';
import { seatsDe } from './seats.de';
import { offlineDe } from './offline.de';
import { licensespringDe } from './licensespring.de';
import { enirisDe } from './eniris.de';
import { hubsDe } from './hubs.de';
import type { Catalogues } from './catalogues';

/** German, every area: one chunk, loaded before the first paint when the OS language is German. */
export const de: Catalogues = {
  common: commonDe,
  errors: errorsDe,
  diagnostics: diagnosticsDe,
  activation: activationDe,
  seats: seatsDe,
  offline: offlineDe,
  licensespring: licensespringDe,
  eniris: enirisDe,
  hubs: hubsDe,
};

/** The core's sentences (errors, warnings, verdicts from main), in the same chunk. */
export { german as coreDe, germanFormats as coreFormatsDe } from '../../../shared/texts/german';
