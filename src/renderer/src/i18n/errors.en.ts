import { messagesOf } from './messages';

/** The errors area's words in English: the source every translation is checked against. */
export const errorsEn = {};

export type ErrorsMessages = typeof errorsEn;

/** The errors area's words in the active language. */
export const tErrors = (): ErrorsMessages => messagesOf('errors', errorsEn);
