import { renderText, type Library, type Text } from '../text';
import { englishFormats } from './formats';
import { commonEn } from './common.en';
import { netEn } from './net.en';
import { configEn } from './config.en';
import { storeEn } from './store.en';
import { licensingEn } from './licensing.en';
import { enirisEn } from './eniris.en';
import { mobiusflowEn } from './mobiusflow.en';
import { flecsEn } from './flecs.en';
import { seatsEn } from './seats.en';
import { licensespringEn } from './licensespring.en';
import { offlineEn } from './offline.en';
import { hubsEn } from './hubs.en';
import { desktopEn } from './desktop.en';
import { schemaEn } from './schema.en';
import { cliEn } from './cli.en';

/** Every area's English: what the core writes into messages, logs and the CLI. */
export const english: Library = {
  common: commonEn,
  net: netEn,
  config: configEn,
  store: storeEn,
  licensing: licensingEn,
  eniris: enirisEn,
  mobiusflow: mobiusflowEn,
  flecs: flecsEn,
  seats: seatsEn,
  licensespring: licensespringEn,
  offline: offlineEn,
  hubs: hubsEn,
  desktop: desktopEn,
  schema: schemaEn,
  cli: cliEn,
};

/** A text as the core writes it for logs and the CLI. Every id comes from a catalogue builder. */
export const inEnglish = (text: Text): string =>
  renderText(text, english, englishFormats) ?? text.id;
