import type { Translation } from '../text';
import type { configEn } from './config.en';

export const configDe: Translation<typeof configEn> = {};
