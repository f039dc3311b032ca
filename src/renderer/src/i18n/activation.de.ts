import type { ActivationMessages } from './activation.en';

export const activationDe: ActivationMessages = {};
