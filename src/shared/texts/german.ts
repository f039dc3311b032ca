import type { Formats, Library } from '../text';
import { localFormats } from './formats';
import { commonDe } from './common.de';
import { netDe } from './net.de';
import { configDe } from './config.de';
import { storeDe } from './store.de';
import { licensingDe } from './licensing.de';
import { enirisDe } from './eniris.de';
import { mobiusflowDe } from './mobiusflow.de';
import { flecsDe } from './flecs.de';
import { seatsDe } from './seats.de';
import { licensespringDe } from './licensespring.de';
import { offlineDe } from './offline.de';
import { hubsDe } from './hubs.de';
import { desktopDe } from './desktop.de';
import { schemaDe } from './schema.de';

/** Every area's German, for the screens (the CLI's own refusals stay English: see cli.en.ts). */
export const german: Library = {
  common: commonDe,
  net: netDe,
  config: configDe,
  store: storeDe,
  licensing: licensingDe,
  eniris: enirisDe,
  mobiusflow: mobiusflowDe,
  flecs: flecsDe,
  seats: seatsDe,
  licensespring: licensespringDe,
  offline: offlineDe,
  hubs: hubsDe,
  desktop: desktopDe,
  schema: schemaDe,
};

/** Numbers and dates in the user's region, waits in German words. */
export const germanFormats = (intlTag: string): Formats =>
  localFormats(intlTag, { second: 'Sekunde', minute: 'Minute', hour: 'Stunde' }, 'n');
