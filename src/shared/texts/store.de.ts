import type { Translation } from '../text';
import type { storeEn } from './store.en';

export const storeDe: Translation<typeof storeEn> = {};
