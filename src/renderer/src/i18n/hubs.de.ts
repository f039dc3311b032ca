import type { HubsMessages } from './hubs.en';

export const hubsDe: HubsMessages = {};
