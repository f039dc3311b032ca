import type { HubView } from '../../../../shared/hubs-model';
import {
  fleetView,
  searchText,
  type FleetFilter,
  type FleetQuery,
  type FleetView,
} from '../../lib/hubs/fleet-view';
import { useHubsStore } from './hubs-store';
import { IDLE_HUB_FLOWS, type HubFlows, type HubsState } from './hubs-state';

/**
 * Reading the hubs store. Memoised selectors: the table asks for its rows on every store change (every batch of refresh
 * events); the work is redone only when the hubs or the query changed, and the arrays handed out
 * are the same objects as long as their contents are, so the table skips re-rendering. And one hub's outcomes, for its panel.
 */

const textCache = new WeakMap<HubView, string>();
const cachedSearchText = (hub: HubView): string => {
  let text = textCache.get(hub);
  if (text === undefined) {
    text = searchText(hub);
    textCache.set(hub, text);
  }
  return text;
};

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, index) => id === b[index]);

const sameCounts = (a: FleetView['counts'], b: FleetView['counts']): boolean =>
  (Object.keys(a) as FleetFilter[]).every((filter) => a[filter] === b[filter]);

let memo:
  | {
      readonly byId: HubsState['byId'];
      readonly ids: HubsState['ids'];
      readonly query: FleetQuery;
      readonly view: FleetView;
    }
  | undefined;

/** The ids the table shows, in order, and the chips' counts. */
export function selectFleetView(state: HubsState): FleetView {
  if (memo && memo.byId === state.byId && memo.ids === state.ids && memo.query === state.query) {
    return memo.view;
  }
  const hubs: HubView[] = [];
  for (const id of state.ids) {
    const hub = state.byId[id];
    if (hub) hubs.push(hub);
  }
  const next = fleetView(hubs, state.query, cachedSearchText);
  const previous = memo?.view;
  const ids = previous && sameIds(previous.ids, next.ids) ? previous.ids : next.ids;
  const counts =
    previous && sameCounts(previous.counts, next.counts) ? previous.counts : next.counts;
  const view =
    previous && ids === previous.ids && counts === previous.counts ? previous : { ids, counts };
  memo = { byId: state.byId, ids: state.ids, query: state.query, view };
  return view;
}

/** One hub's outcomes, idle until it has any. */
export function useHubFlows(id: string): HubFlows {
  return useHubsStore((state) => state.hubFlows[id] ?? IDLE_HUB_FLOWS);
}

/** Site count for the header: how many different sites the inventory spans. */
export function selectSiteCount(state: HubsState): number {
  if (siteMemo?.byId === state.byId) return siteMemo.count;
  const sites = new Set<string>();
  for (const id of state.ids) {
    const site = state.byId[id]?.site.trim().toLowerCase();
    if (site) sites.add(site);
  }
  siteMemo = { byId: state.byId, count: sites.size };
  return sites.size;
}
let siteMemo: { readonly byId: HubsState['byId']; readonly count: number } | undefined;
