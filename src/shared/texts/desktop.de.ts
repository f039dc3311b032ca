import type { Translation } from '../text';
import type { desktopEn } from './desktop.en';

export const desktopDe: Translation<typeof desktopEn> = {};
