import { messagesOf } from './messages';

/** The offline area's words in English: the source every translation is checked against. */
export const offlineEn = {};

export type OfflineMessages = typeof offlineEn;

/** The offline area's words in the active language. */
export const tOffline = (): OfflineMessages => messagesOf('offline', offlineEn);
