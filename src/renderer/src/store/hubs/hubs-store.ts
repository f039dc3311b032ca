import { create } from 'zustand';
import { createFleetSlice } from './fleet-slice';
import { createFlowRunner } from './flow-runner';
import { createHubSlice } from './hub-slice';
import { createListOrder } from './hub-merge';
import type { HubsState } from './hubs-state';
import { createTableSlice } from './table-slice';

/**
 * The engineer's hub inventory and fleet state. Hubs are kept by id with their order beside them,
 * so a `hubs:changed` event replaces the few hubs it names and the rows showing them re-render,
 * not the table. Passwords and licence codes are never put here: the forms that typed them hand
 * them straight to the core. Each action keeps its own outcome, shown beside its button.
 *
 * One store made of slices by concern: the inventory and the toolbar (fleet-slice), one hub's
 * panel (hub-slice) and the table's query and selection (table-slice). The fleet and hub slices
 * share the outcome runner and the order of whole-list answers.
 */
export const useHubsStore = create<HubsState>()((set, get) => {
  const shared = { flows: createFlowRunner(set, get), lists: createListOrder() };
  return {
    ...createFleetSlice(set, get, shared),
    ...createHubSlice(set, get, shared),
    ...createTableSlice(set),
  };
});
