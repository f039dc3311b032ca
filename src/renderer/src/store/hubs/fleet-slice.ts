import type { AppError } from '../../../../shared/errors';
import type { HubImportResult } from '../../../../shared/hubs-model';
import { call } from '../../api';
import { laterProgress } from '../../lib/hubs/fleet-refresh';
import { chunkCsv, fileLine } from '../../lib/hubs/inventory-csv';
import { failed, succeeded, type GetHubs, type SetHubs, type SliceShared } from './flow-runner';
import { mergeHubs, replaceHubs } from './hub-merge';
import {
  DEFAULT_CONCURRENCY,
  IDLE,
  IDLE_FLEET_FLOWS,
  NO_PROGRESS,
  type HubsState,
} from './hubs-state';

/**
 * The inventory and what the toolbar does with it: load it, take in pushed changes, refresh the
 * fleet, add a hub, import and export CSV files.
 */

/**
 * A large file goes to the core in pieces of about this many characters: every piece stays well
 * under what the browser host takes in one request (64 KiB, JSON escaping included), and the
 * screen can say how far the import has got (each hub's password is a keychain write).
 */
const IMPORT_PIECE_CHARS = 16_000;

type FleetSlice = Pick<
  HubsState,
  | 'load'
  | 'byId'
  | 'ids'
  | 'progress'
  | 'concurrency'
  | 'fleetFlows'
  | 'importing'
  | 'loadFleet'
  | 'applyChanges'
  | 'refreshAll'
  | 'addHub'
  | 'importCsv'
  | 'importFailed'
  | 'exportCsv'
  | 'setConcurrency'
  | 'dismissFleet'
>;

export function createFleetSlice(
  set: SetHubs,
  get: GetHubs,
  { flows, lists }: SliceShared,
): FleetSlice {
  const { setFleetFlow, runFleet } = flows;
  return {
    load: { status: 'loading' },
    byId: {},
    ids: [],
    progress: NO_PROGRESS,
    concurrency: DEFAULT_CONCURRENCY,
    fleetFlows: IDLE_FLEET_FLOWS,

    async loadFleet() {
      const seq = lists.next();
      const before = get().load;
      if (before.status !== 'loaded') set({ load: { status: 'loading' } });
      const result = await call('hubs:list', {});
      if (!lists.isLatest(seq)) return;
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

    async addHub(draft) {
      const result = await runFleet('add', () => call('hubs:add', { hub: draft }), succeeded);
      if (!result?.ok) return undefined;
      set((state) => ({ ...mergeHubs(state, [result.value], true), selectedId: result.value.id }));
      return result.value;
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

    setConcurrency(concurrency) {
      set({ concurrency });
    },
    dismissFleet(flow) {
      setFleetFlow(flow, IDLE);
    },
  };
}
