import type { HubsTextMessages } from '../../i18n/hubs-text.en';
import { tHubs } from '../../i18n/hubs.en';

/**
 * The words of the hubs screen's helpers (this folder) in the active language. They live in the
 * catalogue, i18n/hubs-text.en.ts and its translations, so the fleet table, the side panel, the
 * chips and the announcements say the same thing the same way.
 */
export const hubsWords = (): HubsTextMessages => tHubs().text;
