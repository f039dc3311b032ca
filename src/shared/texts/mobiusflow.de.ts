import type { Translation } from '../text';
import type { mobiusflowEn } from './mobiusflow.en';

export const mobiusflowDe: Translation<typeof mobiusflowEn> = {};
