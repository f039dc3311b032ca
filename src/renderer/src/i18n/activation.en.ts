import { messagesOf } from './messages';

/** The activation area's words in English: the source every translation is checked against. */
export const activationEn = {};

export type ActivationMessages = typeof activationEn;

/** The activation area's words in the active language. */
export const tActivation = (): ActivationMessages => messagesOf('activation', activationEn);
