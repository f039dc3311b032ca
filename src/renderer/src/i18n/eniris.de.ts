import type { EnirisMessages } from './eniris.en';

export const enirisDe: EnirisMessages = {};
