import type { HubView } from '../../../../shared/hubs-model';
import { assertNever } from '../assert-never';
import { hubErrorLabel, usageRatio } from './hub-licence-text';

/** The order of the fleet table: its columns' keys, a click on a header, and the comparator. */

export const SORT_KEYS = [
  'hub',
  'hid',
  'host',
  'type',
  'valid',
  'active',
  'usage',
  'refreshed',
  'error',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_SORT: SortOrder = { key: 'hub', direction: 'ascending' };

/** The first click on a column: the fullest and the latest are what an engineer looks for. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'usage' || key === 'refreshed' ? 'descending' : 'ascending';
}

/** A click on a column header: the same column flips, another starts at its first direction. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type SortValue = string | number | undefined;

/** The value a column sorts by; undefined (never read, no error) always sorts last. */
function sortValue(hub: HubView, key: SortKey): SortValue {
  const licence = hub.licence;
  switch (key) {
    case 'hub':
      return `${hub.name}\u0000${hub.site}`;
    case 'hid':
      return hub.hid.toLowerCase();
    case 'host':
      return `${hub.host}\u0000${String(hub.port).padStart(5, '0')}`;
    case 'type':
      return licence?.type;
    // Problems first in ascending order: invalid (0) before valid (1).
    case 'valid':
      return licence === undefined ? undefined : Number(licence.isValid);
    case 'active':
      return licence === undefined ? undefined : Number(licence.isActive);
    case 'usage':
      return licence === undefined ? undefined : usageRatio(licence);
    case 'refreshed':
      return hub.lastRefreshAt;
    case 'error':
      return hub.lastError ? hubErrorLabel(hub.lastError.code) : undefined;
    default:
      return assertNever(key);
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A comparator for the order: missing values last whichever the direction, ties broken by name,
 * then by inventory id, so the order is total and rows never swap places between refreshes.
 */
export function compareHubs(order: SortOrder): (a: HubView, b: HubView) => number {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const left = sortValue(a, order.key);
    const right = sortValue(b, order.key);
    if (left === undefined || right === undefined) {
      if (left !== right) return left === undefined ? 1 : -1;
    } else {
      const byKey = compareValues(left, right);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
