import type { HubView } from '../../../../shared/hubs-model';
import { assertNever } from '../assert-never';
import { compareHubs, type SortOrder } from './fleet-sort';
import { isNearlyFull, isUnreachable } from './hub-licence-text';
import { hubsWords as words } from './hubs-words';

/**
 * The fleet as the table shows it: the filter chips, the search box, and the rows they leave, in
 * the chosen order. Pure, so a fleet of 1,000 hubs is tested without a browser.
 */

export const FLEET_FILTERS = [
  'all',
  'invalid',
  'inactive',
  'nearlyFull',
  'unreachable',
  'errors',
] as const;
export type FleetFilter = (typeof FLEET_FILTERS)[number];
export type FilterCounts = Readonly<Record<FleetFilter, number>>;

export function filterLabel(filter: FleetFilter): string {
  return words().filter[filter];
}

export function matchesFilter(hub: HubView, filter: FleetFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'invalid':
      return hub.licence?.isValid === false;
    case 'inactive':
      return hub.licence?.isActive === false;
    case 'nearlyFull':
      return isNearlyFull(hub.licence);
    case 'unreachable':
      return isUnreachable(hub.lastError);
    case 'errors':
      return hub.lastError !== undefined;
    default:
      return assertNever(filter);
  }
}

/** What the search box looks in: name, site, hid and host, lower-cased once per hub version. */
export function searchText(hub: HubView): string {
  return `${hub.name}\n${hub.site}\n${hub.hid}\n${hub.host}`.toLowerCase();
}

/** The words typed, lower-cased; every one must appear ("site b 0a" finds hub 0A1F3 on Site B). */
export function searchTerms(query: string): readonly string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesSearch(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}

export interface FleetQuery {
  readonly filter: FleetFilter;
  readonly search: string;
  readonly sort: SortOrder;
}

export interface FleetView {
  /** The ids to show, in order. */
  readonly ids: readonly string[];
  /** Per chip, how many of the hubs matching the search it would show. */
  readonly counts: FilterCounts;
}

/**
 * Filters, counts and sorts in one pass over the fleet. `textOf` lets the caller cache each hub's
 * search text (the store keeps it per hub object), so typing in the search box stays cheap.
 */
export function fleetView(
  hubs: readonly HubView[],
  query: FleetQuery,
  textOf: (hub: HubView) => string = searchText,
): FleetView {
  const terms = searchTerms(query.search);
  const counts: Record<FleetFilter, number> = {
    all: 0,
    invalid: 0,
    inactive: 0,
    nearlyFull: 0,
    unreachable: 0,
    errors: 0,
  };
  const shown: HubView[] = [];
  for (const hub of hubs) {
    if (terms.length > 0 && !matchesSearch(textOf(hub), terms)) continue;
    for (const filter of FLEET_FILTERS) if (matchesFilter(hub, filter)) counts[filter] += 1;
    if (matchesFilter(hub, query.filter)) shown.push(hub);
  }
  shown.sort(compareHubs(query.sort));
  return { ids: shown.map((hub) => hub.id), counts };
}
