import { messagesOf } from './messages';

/** The licensespring area's words in English: the source every translation is checked against. */
export const licensespringEn = {};

export type LicensespringMessages = typeof licensespringEn;

/** The licensespring area's words in the active language. */
export const tLicensespring = (): LicensespringMessages =>
  messagesOf('licensespring', licensespringEn);
