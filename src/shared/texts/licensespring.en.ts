import { textsOf } from '../text';

export const licensespringEn = {};

export const licensespring = textsOf('licensespring', licensespringEn);
