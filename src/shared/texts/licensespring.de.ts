import type { Translation } from '../text';
import type { licensespringEn } from './licensespring.en';

export const licensespringDe: Translation<typeof licensespringEn> = {};
