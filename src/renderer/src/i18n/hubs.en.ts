import { messagesOf } from './messages';

/** The hubs area's words in English: the source every translation is checked against. */
export const hubsEn = {};

export type HubsMessages = typeof hubsEn;

/** The hubs area's words in the active language. */
export const tHubs = (): HubsMessages => messagesOf('hubs', hubsEn);
