import { messagesOf } from './messages';

/** The seats area's words in English: the source every translation is checked against. */
export const seatsEn = {};

export type SeatsMessages = typeof seatsEn;

/** The seats area's words in the active language. */
export const tSeats = (): SeatsMessages => messagesOf('seats', seatsEn);
