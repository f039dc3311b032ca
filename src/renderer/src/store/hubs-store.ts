import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type {
  FleetProgress,
  HubCertificate,
  HubCodeChange,
  HubDraft,
  HubImportResult,
  HubList,
  HubsChanged,
  HubView,
} from '../../../shared/hubs-model';
import type { Result } from '../../../shared/result';
import { call } from '../api';
import { tHubs } from '../i18n/hubs.en';
import { fresherHub, laterProgress } from '../lib/hubs/fleet-refresh';
import { DEFAULT_SORT, nextSort, type SortKey } from '../lib/hubs/fleet-sort';
import {
  fleetView,
  searchText,
  type FleetFilter,
  type FleetQuery,
  type FleetView,
} from '../lib/hubs/fleet-view';
import { chunkCsv, fileLine } from '../lib/hubs/inventory-csv';
import type { Outcome } from './eniris-store';

/**
 * The engineer's hub inventory and fleet state. Hubs are kept by id with their order beside them,
 * so a `hubs:changed` event replaces the few hubs it names and the rows showing them re-render,
 * not the table. Passwords and licence codes are never put here: the forms that typed them hand
 * them straight to the core. Each action keeps its own outcome, shown beside its button.
 */

// One action's outcome, carrying what the core answered: the same shape as the Eniris screen's.
export type { Outcome };

const IDLE = { status: 'idle' } as const;

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

/**
 * A large file goes to the core in pieces of about this many characters: every piece stays well
 * under what the browser host takes in one request (64 KiB, JSON escaping included), and the
 * screen can say how far the import has got (each hub's password is a keychain write).
 */
const IMPORT_PIECE_CHARS = 16_000;

export type FleetLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'loaded'; readonly reloadError?: AppError };

const IDLE_HUB_FLOWS: HubFlows = {
  refresh: IDLE,
  save: IDLE,
  remove: IDLE,
  certificate: IDLE,
  trust: IDLE,
  setCode: IDLE,
};

const IDLE_FLEET_FLOWS: FleetFlows = {
  refreshAll: IDLE,
  add: IDLE,
  import: IDLE,
  export: IDLE,
  report: IDLE,
};

const NO_PROGRESS: FleetProgress = { running: false, total: 0, done: 0, failed: 0 };

/** How many hubs a refresh-all asks at once unless the engineer picks another number. */
export const DEFAULT_CONCURRENCY = 8;

interface HubsState {
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

type Patch = Partial<Pick<HubsState, 'byId' | 'ids' | 'progress' | 'selectedId'>>;

/**
 * The hubs merged in, new ids appended. Pushed and listed views are kept only if not older than
 * the one shown; `answer` marks the core's reply to the engineer's own change (an edit may drop a
 * licence read from the old address), which always wins.
 */
function mergeHubs(state: HubsState, hubs: readonly HubView[], answer = false): Patch {
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
function replaceHubs(state: HubsState, list: HubList): Patch {
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

const succeeded = <T>(value: T): Outcome<T> => ({ status: 'succeeded', value, at: Date.now() });
const failed = (error: AppError): Outcome<never> => ({ status: 'failed', error, at: Date.now() });

export const useHubsStore = create<HubsState>()((set, get) => {
  const setHubFlow = <F extends HubFlowName>(id: string, flow: F, outcome: HubFlows[F]): void =>
    set((state) => ({
      hubFlows: {
        ...state.hubFlows,
        [id]: { ...(state.hubFlows[id] ?? IDLE_HUB_FLOWS), [flow]: outcome },
      },
    }));

  const setFleetFlow = <F extends FleetFlowName>(flow: F, outcome: FleetFlows[F]): void =>
    set((state) => ({ fleetFlows: { ...state.fleetFlows, [flow]: outcome } }));

  const hubFlow = (id: string, flow: HubFlowName): Outcome<unknown> =>
    get().hubFlows[id]?.[flow] ?? IDLE;

  /** Runs one hub action; a second click while it is on its way is ignored. */
  const runHub = async <F extends HubFlowName, T>(
    id: string,
    flow: F,
    send: () => Promise<Result<T>>,
    outcome: (value: T) => HubFlows[F],
  ): Promise<Result<T> | undefined> => {
    if (hubFlow(id, flow).status === 'submitting') return undefined;
    setHubFlow(id, flow, { status: 'submitting' } as HubFlows[F]);
    const result = await send();
    setHubFlow(id, flow, result.ok ? outcome(result.value) : (failed(result.error) as HubFlows[F]));
    return result;
  };

  const runFleet = async <F extends FleetFlowName, T>(
    flow: F,
    send: () => Promise<Result<T>>,
    outcome: (value: T) => FleetFlows[F],
  ): Promise<Result<T> | undefined> => {
    if (get().fleetFlows[flow].status === 'submitting') return undefined;
    setFleetFlow(flow, { status: 'submitting' } as FleetFlows[F]);
    const result = await send();
    setFleetFlow(flow, result.ok ? outcome(result.value) : (failed(result.error) as FleetFlows[F]));
    return result;
  };

  // Only the latest whole-list answer may replace the inventory: a `hubs:list` sent before a
  // removal or an import and answered after it would bring removed hubs back.
  let listSeq = 0;
  // Per hub, only the latest certificate check may fill the panel.
  const certificateSeq = new Map<string, number>();

  const applyList = (list: HubList): void => {
    listSeq += 1;
    set((state) => replaceHubs(state, list));
  };

  return {
    load: { status: 'loading' },
    byId: {},
    ids: [],
    progress: NO_PROGRESS,
    query: { filter: 'all', search: '', sort: DEFAULT_SORT },
    concurrency: DEFAULT_CONCURRENCY,
    selectedId: null,
    fleetFlows: IDLE_FLEET_FLOWS,
    hubFlows: {},

    async loadFleet() {
      const seq = (listSeq += 1);
      const before = get().load;
      if (before.status !== 'loaded') set({ load: { status: 'loading' } });
      const result = await call('hubs:list', {});
      if (seq !== listSeq) return;
      if (result.ok) {
        set((state) => ({ ...replaceHubs(state, result.value), load: { status: 'loaded' } }));
      } else if (get().load.status === 'loaded') {
        set({ load: { status: 'loaded', reloadError: result.error } });
      } else {
        set({ load: { status: 'failed', error: result.error } });
      }
    },

    applyChanges(events) {
      if (events.length === 0) return;
      set((state) => {
        let progress = state.progress;
        for (const event of events) progress = laterProgress(progress, event.progress);
        const merged = mergeHubs(
          state,
          events.flatMap((event) => event.hubs),
        );
        return progress === state.progress ? merged : { ...merged, progress };
      });
    },

    async refreshAll() {
      if (get().progress.running) return;
      const concurrency = get().concurrency;
      const result = await runFleet(
        'refreshAll',
        () => call('hubs:refresh', { concurrency }),
        (list) => succeeded(list.progress),
      );
      if (result?.ok) {
        set((state) => ({
          ...mergeHubs(state, result.value.hubs),
          progress: laterProgress(state.progress, result.value.progress),
        }));
      }
    },

    async refreshHub(id) {
      const result = await runHub(
        id,
        'refresh',
        () => call('hubs:refresh', { ids: [id] }),
        (list) => {
          const hub = list.hubs.find((candidate) => candidate.id === id);
          return hub ? succeeded(hub) : IDLE;
        },
      );
      // A one-hub refresh has its own progress; the fleet's bar keeps showing the fleet's.
      if (result?.ok) set((state) => mergeHubs(state, result.value.hubs));
    },

    async addHub(draft) {
      const result = await runFleet('add', () => call('hubs:add', { hub: draft }), succeeded);
      if (!result?.ok) return undefined;
      set((state) => ({ ...mergeHubs(state, [result.value], true), selectedId: result.value.id }));
      return result.value;
    },

    async updateHub(id, draft) {
      const result = await runHub(
        id,
        'save',
        () => call('hubs:update', { id, hub: draft }),
        succeeded,
      );
      if (!result?.ok) return undefined;
      set((state) => mergeHubs(state, [result.value], true));
      return result.value;
    },

    async removeHub(id) {
      const name = get().byId[id]?.name ?? tHubs().fleet.announce.theHub;
      const result = await runHub(
        id,
        'remove',
        () => call('hubs:remove', { id }),
        () => succeeded(name),
      );
      if (!result?.ok) return false;
      applyList(result.value);
      return true;
    },

    async importCsv(csv, fileName) {
      if (get().fleetFlows.import.status === 'submitting') return;
      const pieces = chunkCsv(csv, IMPORT_PIECE_CHARS);
      const total = pieces.reduce((sum, piece) => sum + piece.lines.length, 0);
      setFleetFlow('import', { status: 'submitting' });
      set({ importing: { fileName, done: 0, total } });
      let added = 0;
      let updated = 0;
      const rejected: HubImportResult['rejected'][number][] = [];
      let stoppedBy: AppError | undefined;
      for (const piece of pieces) {
        const result = await call('hubs:import', { csv: piece.csv });
        if (!result.ok) {
          stoppedBy = result.error;
          break;
        }
        added += result.value.added;
        updated += result.value.updated;
        for (const line of result.value.rejected) {
          rejected.push({ ...line, line: fileLine(piece, line.line) });
        }
        set((state) => ({
          ...mergeHubs(state, result.value.hubs, true),
          importing: { fileName, done: (state.importing?.done ?? 0) + piece.lines.length, total },
        }));
      }
      set({ importing: undefined });
      // Nothing imported at all: a plain failure. Some pieces in: what they did, and why it stopped.
      if (stoppedBy && added + updated + rejected.length === 0) {
        setFleetFlow('import', failed(stoppedBy));
        return;
      }
      setFleetFlow(
        'import',
        succeeded({
          added,
          updated,
          rejected,
          fileName,
          total,
          ...(stoppedBy ? { stoppedBy } : {}),
        }),
      );
    },

    importFailed(error) {
      setFleetFlow('import', failed(error));
    },

    async exportCsv(kind) {
      const channel = kind === 'export' ? 'hubs:export' : 'hubs:report';
      const result = await runFleet(
        kind,
        () => call(channel, {}),
        () => succeeded(null),
      );
      return result?.ok ? result.value.csv : undefined;
    },

    async checkCertificate(id) {
      const seq = (certificateSeq.get(id) ?? 0) + 1;
      certificateSeq.set(id, seq);
      setHubFlow(id, 'certificate', { status: 'submitting' });
      const result = await call('hubs:certificate', { id });
      if (certificateSeq.get(id) !== seq) return;
      setHubFlow(id, 'certificate', result.ok ? succeeded(result.value) : failed(result.error));
    },

    async trustCertificate(id, fingerprint) {
      const result = await runHub(
        id,
        'trust',
        () => call('hubs:trust', { id, fingerprint }),
        succeeded,
      );
      if (!result?.ok) return false;
      set((state) => mergeHubs(state, [result.value], true));
      // The shown certificate is now the pinned one: ask again so the panel says so from the core.
      void get().checkCertificate(id);
      return true;
    },

    async setCode(id, code) {
      const result = await runHub(
        id,
        'setCode',
        () => call('hubs:set-code', { id, code }),
        succeeded,
      );
      if (!result?.ok) return false;
      set((state) => mergeHubs(state, [result.value.hub], true));
      return true;
    },

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
    setConcurrency(concurrency) {
      set({ concurrency });
    },
    dismiss(id, flow) {
      setHubFlow(id, flow, IDLE);
    },
    dismissFleet(flow) {
      setFleetFlow(flow, IDLE);
    },
  };
});

// ---------------------------------------------------------------------------------------------
// Memoised selectors: the table asks for its rows on every store change (every batch of refresh
// events); the work is redone only when the hubs or the query changed, and the arrays handed out
// are the same objects as long as their contents are, so the table skips re-rendering.

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
