import type { LicensespringMessages } from './licensespring.en';

export const licensespringDe: LicensespringMessages = {};
