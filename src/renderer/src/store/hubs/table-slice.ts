import { DEFAULT_SORT, nextSort } from '../../lib/hubs/fleet-sort';
import type { SetHubs } from './flow-runner';
import type { HubsState } from './hubs-state';

/** What the table shows: the filter chip, the search, the order, and the selected hub. */

type TableSlice = Pick<
  HubsState,
  'query' | 'selectedId' | 'select' | 'setFilter' | 'setSearch' | 'sortBy'
>;

export function createTableSlice(set: SetHubs): TableSlice {
  return {
    query: { filter: 'all', search: '', sort: DEFAULT_SORT },
    selectedId: null,

    select(id) {
      set({ selectedId: id });
    },
    setFilter(filter) {
      set((state) => ({ query: { ...state.query, filter } }));
    },
    setSearch(search) {
      set((state) => ({ query: { ...state.query, search } }));
    },
    sortBy(key) {
      set((state) => ({ query: { ...state.query, sort: nextSort(state.query.sort, key) } }));
    },
  };
}
