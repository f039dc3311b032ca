import { SORT_KEYS, type SortKey } from '../../lib/hubs/fleet-sort';

/**
 * The fleet table's columns in screen order, each by what it sorts by (every sort key is a column). Their headers (a short
 * label, and what the header button says to screen readers) are in the catalogue under
 * `fleet.table.columns`; the widths live in hubs.css (`--fleet-columns`), in the same order.
 */
export const FLEET_COLUMNS: readonly SortKey[] = SORT_KEYS;

/** Fixed, so the visible rows are a matter of arithmetic (lib/virtual-rows.ts). Match hubs.css. */
export const ROW_HEIGHT = 52;
/** Rows rendered beyond each edge of the view, so a fast scroll shows rows already painted. */
export const OVERSCAN = 8;
