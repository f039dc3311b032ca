import type { Translation } from '../text';
import type { licensingEn } from './licensing.en';

export const licensingDe: Translation<typeof licensingEn> = {};
