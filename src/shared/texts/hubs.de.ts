import type { Translation } from '../text';
import type { hubsEn } from './hubs.en';

export const hubsDe: Translation<typeof hubsEn> = {};
