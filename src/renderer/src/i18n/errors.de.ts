import type { ErrorsMessages } from './errors.en';

export const errorsDe: ErrorsMessages = {};
