import type { OfflineMessages } from './offline.en';

export const offlineDe: OfflineMessages = {};
