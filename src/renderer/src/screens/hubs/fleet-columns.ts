import type { SortKey } from '../../lib/hubs-text';

/** One column of the fleet table: its header, what it sorts by, and its cell class. */
export interface FleetColumn {
  readonly key: SortKey;
  readonly label: string;
  /** Said by the header button to screen readers, when the short label is not enough. */
  readonly sortLabel: string;
  readonly className?: string;
}

/** In screen order; the widths live in hubs.css (`--fleet-columns`), in the same order. */
export const FLEET_COLUMNS: readonly FleetColumn[] = [
  { key: 'hub', label: 'Hub', sortLabel: 'hub name and site' },
  { key: 'hid', label: 'HID', sortLabel: 'hub id' },
  { key: 'host', label: 'Host', sortLabel: 'host' },
  { key: 'type', label: 'Licence', sortLabel: 'licence type' },
  { key: 'valid', label: 'Valid', sortLabel: 'validity' },
  { key: 'active', label: 'Active', sortLabel: 'activity' },
  { key: 'usage', label: 'Usage', sortLabel: 'usage' },
  { key: 'refreshed', label: 'Refreshed', sortLabel: 'last refresh' },
  { key: 'error', label: 'Error', sortLabel: 'error' },
];

/** Fixed, so the visible rows are a matter of arithmetic (lib/virtual-rows.ts). Match hubs.css. */
export const ROW_HEIGHT = 52;
/** Rows rendered beyond each edge of the view, so a fast scroll shows rows already painted. */
export const OVERSCAN = 8;
