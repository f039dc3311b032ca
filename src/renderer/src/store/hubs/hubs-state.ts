import type { AppError } from '../../../../shared/errors';
import type {
  FleetProgress,
  HubCertificate,
  HubCodeChange,
  HubDraft,
  HubImportResult,
  HubsChanged,
  HubView,
} from '../../../../shared/hubs-model';
import type { SortKey } from '../../lib/hubs/fleet-sort';
import type { FleetFilter, FleetQuery } from '../../lib/hubs/fleet-view';
import type { Outcome } from '../eniris-store';

/**
 * The shape of the hubs store (hubs-store.ts): what it holds, the outcome of each action, and the
 * values they start from. The slices beside this file fill it in.
 */

// One action's outcome, carrying what the core answered: the same shape as the Eniris screen's.
export type { Outcome };

export const IDLE = { status: 'idle' } as const;

/** What one hub's side panel can do. */
export interface HubFlows {
  readonly refresh: Outcome<HubView>;
  readonly save: Outcome<HubView>;
  /** Carries the removed hub's name: the hub itself is gone from the inventory. */
  readonly remove: Outcome<string>;
  readonly certificate: Outcome<HubCertificate>;
  readonly trust: Outcome<HubView>;
  readonly setCode: Outcome<HubCodeChange>;
}
export type HubFlowName = keyof HubFlows;

/** What the toolbar can do, for the whole inventory. */
export interface FleetFlows {
  readonly refreshAll: Outcome<FleetProgress>;
  readonly add: Outcome<HubView>;
  readonly import: Outcome<ImportOutcome>;
  readonly export: Outcome<null>;
  readonly report: Outcome<null>;
}
export type FleetFlowName = keyof FleetFlows;

/** What an import did, without the hubs (they are in the inventory now). */
export interface ImportOutcome extends Omit<HubImportResult, 'hubs'> {
  readonly fileName: string;
  /** The records the file holds. */
  readonly total: number;
  /** A piece of the file failed: the pieces before it are imported, the rest are not. */
  readonly stoppedBy?: AppError;
}

/** How far an import has got, in records of the file. */
export interface ImportProgress {
  readonly fileName: string;
  readonly done: number;
  readonly total: number;
}

export type FleetLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'loaded'; readonly reloadError?: AppError };

export const IDLE_HUB_FLOWS: HubFlows = {
  refresh: IDLE,
  save: IDLE,
  remove: IDLE,
  certificate: IDLE,
  trust: IDLE,
  setCode: IDLE,
};

export const IDLE_FLEET_FLOWS: FleetFlows = {
  refreshAll: IDLE,
  add: IDLE,
  import: IDLE,
  export: IDLE,
  report: IDLE,
};

export const NO_PROGRESS: FleetProgress = { running: false, total: 0, done: 0, failed: 0 };

/** How many hubs a refresh-all asks at once unless the engineer picks another number. */
export const DEFAULT_CONCURRENCY = 8;

export interface HubsState {
  readonly load: FleetLoad;
  readonly byId: Readonly<Record<string, HubView>>;
  /** Inventory order (as the core lists it). */
  readonly ids: readonly string[];
  readonly progress: FleetProgress;
  readonly query: FleetQuery;
  readonly concurrency: number;
  readonly selectedId: string | null;
  readonly fleetFlows: FleetFlows;
  readonly hubFlows: Readonly<Record<string, HubFlows>>;
  /** Set while an import runs. */
  readonly importing?: ImportProgress;

  loadFleet(): Promise<void>;
  /** Several `hubs:changed` events at once: the screen batches them per frame. */
  applyChanges(events: readonly HubsChanged[]): void;
  refreshAll(): Promise<void>;
  refreshHub(id: string): Promise<void>;
  addHub(draft: HubDraft): Promise<HubView | undefined>;
  updateHub(id: string, draft: HubDraft): Promise<HubView | undefined>;
  removeHub(id: string): Promise<boolean>;
  importCsv(csv: string, fileName: string): Promise<void>;
  /** An import refused before it reached the core (a file too large or unreadable). */
  importFailed(error: AppError): void;
  /** The CSV to download, or undefined when the core refused (the outcome says why). */
  exportCsv(kind: 'export' | 'report'): Promise<string | undefined>;
  checkCertificate(id: string): Promise<void>;
  trustCertificate(id: string, fingerprint: string): Promise<boolean>;
  /** The code goes to the core for this one call and is not kept anywhere here. */
  setCode(id: string, code: string): Promise<boolean>;
  select(id: string | null): void;
  setFilter(filter: FleetFilter): void;
  setSearch(search: string): void;
  sortBy(key: SortKey): void;
  setConcurrency(concurrency: number): void;
  dismiss(id: string, flow: HubFlowName): void;
  dismissFleet(flow: FleetFlowName): void;
}
