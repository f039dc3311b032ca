import type { Translation } from '../text';
import type { flecsEn } from './flecs.en';

export const flecsDe: Translation<typeof flecsEn> = {};
