import type { Translation } from '../text';
import type { netEn } from './net.en';

export const netDe: Translation<typeof netEn> = {};
