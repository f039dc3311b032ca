import type { Translation } from '../text';
import type { offlineEn } from './offline.en';

export const offlineDe: Translation<typeof offlineEn> = {};
