import { messagesOf } from './messages';

/** The eniris area's words in English: the source every translation is checked against. */
export const enirisEn = {};

export type EnirisMessages = typeof enirisEn;

/** The eniris area's words in the active language. */
export const tEniris = (): EnirisMessages => messagesOf('eniris', enirisEn);
