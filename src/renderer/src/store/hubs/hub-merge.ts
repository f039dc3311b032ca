import type { HubList, HubView } from '../../../../shared/hubs-model';
import { fresherHub, laterProgress } from '../../lib/hubs/fleet-refresh';
import type { HubsState } from './hubs-state';

/**
 * How hubs from the core enter the store: a few at a time (events, answers to one action) or as a
 * whole list, without a view older than the one on screen taking its place.
 */

type Patch = Partial<Pick<HubsState, 'byId' | 'ids' | 'progress' | 'selectedId'>>;

/**
 * The hubs merged in, new ids appended. Pushed and listed views are kept only if not older than
 * the one shown; `answer` marks the core's reply to the engineer's own change (an edit may drop a
 * licence read from the old address), which always wins.
 */
export function mergeHubs(state: HubsState, hubs: readonly HubView[], answer = false): Patch {
  if (hubs.length === 0) return {};
  let byId: Record<string, HubView> | undefined;
  let added: string[] | undefined;
  for (const incoming of hubs) {
    const current = (byId ?? state.byId)[incoming.id];
    const kept = answer ? incoming : fresherHub(current, incoming);
    if (kept === current) continue;
    byId ??= { ...state.byId };
    byId[incoming.id] = kept;
    if (!current) (added ??= []).push(incoming.id);
  }
  return {
    ...(byId ? { byId } : {}),
    ...(added ? { ids: [...state.ids, ...added] } : {}),
  };
}

/** A whole list from the core: its order and membership win, each hub still the fresher view. */
export function replaceHubs(state: HubsState, list: HubList): Patch {
  const byId: Record<string, HubView> = {};
  for (const hub of list.hubs) byId[hub.id] = fresherHub(state.byId[hub.id], hub);
  const selectedId = state.selectedId !== null && byId[state.selectedId] ? state.selectedId : null;
  return {
    byId,
    ids: list.hubs.map((hub) => hub.id),
    progress: laterProgress(state.progress, list.progress),
    selectedId,
  };
}

/**
 * Only the latest whole-list answer may replace the inventory: a `hubs:list` sent before a
 * removal or an import and answered after it would bring removed hubs back. Each list asked for,
 * and each change answered with one, takes the next number; a list whose number is no longer the
 * latest arrived late.
 */
export function createListOrder() {
  let latest = 0;
  return {
    next: (): number => (latest += 1),
    isLatest: (seq: number): boolean => seq === latest,
  };
}
export type ListOrder = ReturnType<typeof createListOrder>;
