import type { Translation } from '../text';
import type { enirisEn } from './eniris.en';

export const enirisDe: Translation<typeof enirisEn> = {};
