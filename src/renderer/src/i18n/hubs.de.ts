import { hubsFleetDe } from './hubs-fleet.de';
import type { HubsMessages } from './hubs.en';
import { hubsPanelDe } from './hubs-panel.de';
import { hubsTextDe } from './hubs-text.de';

export const hubsDe: HubsMessages = {
  text: hubsTextDe,
  fleet: hubsFleetDe,
  panel: hubsPanelDe,
};
