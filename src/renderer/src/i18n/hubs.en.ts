import { hubsFleetEn } from './hubs-fleet.en';
import { hubsPanelEn } from './hubs-panel.en';
import { hubsTextEn } from './hubs-text.en';
import { messagesOf } from './messages';

/**
 * The hubs area's words in English: the source every translation is checked against. In three
 * parts: the words of the helpers in lib/hubs/, the screen around the table, and one hub's panel and
 * forms.
 */
export const hubsEn = {
  text: hubsTextEn,
  fleet: hubsFleetEn,
  panel: hubsPanelEn,
};

export type HubsMessages = typeof hubsEn;

/** The hubs area's words in the active language. */
export const tHubs = (): HubsMessages => messagesOf('hubs', hubsEn);
