import type { Clock } from '../../shared/clock';
import type {
  HubCertificate,
  HubCodeChange,
  HubImportResult,
  HubList,
  HubsChanged,
  HubView,
  ParsedHubDraft,
} from '../../shared/hubs-model';
import { checkLicenceCode } from '../licensing/backends/mobiusflow';
import type { Text, Wording } from '../../shared/text';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError } from '../licensing/licensing-error';
import type { SecretStore } from '../store/secret-store';
import { createChangeBatcher } from './change-batcher';
import { createFleetRefresher } from './fleet-refresh';
import { createHubClients } from './hub-clients';
import type { HubNetwork } from './hub-transport';
import { writeInventoryCsv } from './hub-csv';
import { createHubInventory } from './hub-inventory';
import { keepLicence, toLicenceView } from './hub-licence';
import { hubLabel, sessionKey, toHubView } from './hub-records';
import { writeHubReport } from './hub-report';
import { createHubStore } from './hub-store';
import { createHubTrust } from './hub-trust';
/**
 * The engineer's fleet of MobiusFlow hubs: the inventory (a JSON file plus secrets), CSV import,
 * export and the hand-over report, fleet refreshes with progress events, trust on first use for
 * self-signed certificates, and changing a hub's licence code. Electron-free: the app, the CLI and
 * the tests all use it as it is.
 */

export interface HubServiceDeps {
  /** e.g. `<dataDir>/<product>.hubs.json` */
  file: string;
  secrets: SecretStore;
  clock: Clock;
  /** Per request; a hub gets twice this for a whole refresh, sign-in included. Default 10 s. */
  httpTimeoutMs?: number;
  /** Hubs refreshed at once. Default 16, at most 64. */
  maxConcurrency?: number;
  /** The app's proxy resolver and CA bundle, for hubs without a pinned certificate. */
  network?: HubNetwork;
}

export interface HubRefreshOptions {
  /** The hubs to refresh (inventory ids); all when absent. */
  readonly ids?: readonly string[];
  readonly concurrency?: number;
  /** Told how long each hub took (the CLI prints the slowest). Not for IPC. */
  readonly onHubDone?: (id: string, elapsedMs: number) => void;
}

export interface HubService {
  /** Set once a damaged inventory file was moved aside: the app and the CLI warn about it. */
  readonly recovery: Wording | undefined;
  list(): HubList;
  find(ref: string): HubView;
  add(draft: ParsedHubDraft): Promise<HubView>;
  update(id: string, draft: ParsedHubDraft): Promise<HubView>;
  remove(id: string): Promise<HubList>;
  importCsv(csv: string): Promise<HubImportResult>;
  exportCsv(): string;
  reportCsv(): string;
  refresh(options?: HubRefreshOptions): Promise<HubList>;
  certificate(id: string): Promise<HubCertificate>;
  trust(id: string, fingerprint: string): Promise<HubView>;
  setCode(id: string, code: string): Promise<HubCodeChange>;
  onChange(listener: (event: HubsChanged) => void): () => void;
  close(): Promise<void>;
}

const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 64;
/** At most 4 change events a second reach the renderer during a refresh. */
const EVENT_INTERVAL_MS = 250;

const invalid = (message: Text): LicensingError => new LicensingError('invalid_input', message);

export function createHubService(deps: HubServiceDeps): HubService {
  const { secrets, clock } = deps;
  const httpTimeoutMs = deps.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const store = createHubStore(deps.file, () => clock.now());
  const clients = createHubClients({ secrets, clock, httpTimeoutMs, network: deps.network });
  const inventory = createHubInventory({ store, secrets, clients });
  const closing = new AbortController();
  const listeners = new Set<(event: HubsChanged) => void>();

  const list = (): HubList => ({
    hubs: store.records().map(toHubView),
    progress: fleet.progress(),
  });
  const viewOf = (id: string): HubView => toHubView(inventory.recordOf(id));
  const batcher = createChangeBatcher(clock, EVENT_INTERVAL_MS, (ids) => {
    const wanted = new Set(ids);
    const hubs = store
      .records()
      .filter((record) => wanted.has(record.id))
      .map(toHubView);
    const event: HubsChanged = { hubs, progress: fleet.progress() };
    for (const listener of listeners) listener(event);
  });
  const fleet = createFleetRefresher({
    store,
    clients,
    secrets,
    clock,
    // A whole refresh of one hub may need a sign-in and a retry: two requests' worth of time.
    hubDeadlineMs: 2 * httpTimeoutMs,
    changed: (ids) => batcher.mark(ids),
    signal: closing.signal,
    onRunEnd: () => batcher.flush(),
  });
  const trust = createHubTrust({
    store,
    clients,
    recordOf: inventory.recordOf,
    timeoutMs: httpTimeoutMs,
    signal: closing.signal,
  });

  /** Runs an action unless the service is closed, and announces the hubs it changed. */
  async function edit<T>(action: () => Promise<T>, changed: (result: T) => readonly string[]) {
    if (closing.signal.aborted) throw new LicensingError('internal', hubs.serviceClosed());
    const result = await action();
    batcher.mark(changed(result));
    return result;
  }

  return {
    get recovery() {
      return store.recovery;
    },
    list,

    find(ref) {
      const wanted = ref.trim();
      const byId = store.get(wanted);
      if (byId) return toHubView(byId);
      const matches = store
        .records()
        .filter((record) => record.hid.toLowerCase() === wanted.toLowerCase());
      if (matches.length === 1 && matches[0]) return toHubView(matches[0]);
      if (matches.length > 1) {
        throw invalid(
          hubs.hidAmbiguous({
            hid: wanted,
            count: matches.length,
            hubs: matches.map(hubLabel).join(', '),
          }),
        );
      }
      throw invalid(hubs.noHub({ ref: wanted.slice(0, 64) }));
    },

    add: async (draft) =>
      toHubView(
        await edit(
          () => inventory.add(draft),
          (record) => [record.id],
        ),
      ),

    update: async (id, draft) =>
      toHubView(
        await edit(
          () => inventory.update(id, draft),
          () => [id],
        ),
      ),

    async remove(id) {
      await edit(
        () => inventory.remove(id),
        () => [],
      );
      return list();
    },

    async importCsv(csv) {
      const result = await edit(
        () => inventory.importCsv(csv),
        ({ added, updated }) => [...added, ...updated],
      );
      return {
        added: result.added.length,
        updated: result.updated.length,
        rejected: result.rejected,
        hubs: list().hubs,
      };
    },

    exportCsv: () => writeInventoryCsv(store.records()),
    reportCsv: () => writeHubReport(store.records()),

    async refresh(options = {}) {
      const records = options.ids
        ? [...new Set(options.ids)].map(inventory.recordOf)
        : [...store.records()];
      const wanted = options.concurrency ?? deps.maxConcurrency ?? DEFAULT_CONCURRENCY;
      const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(wanted)));
      await edit(
        () => fleet.refresh(records, { concurrency, onHubDone: options.onHubDone }),
        () => [],
      );
      return list();
    },

    certificate: (id) => trust.certificate(id),

    trust: async (id, fingerprint) =>
      toHubView(
        await edit(
          () => trust.trust(id, fingerprint),
          () => [id],
        ),
      ),

    setCode: (id, rawCode) =>
      edit(
        async (): Promise<HubCodeChange> => {
          const code = checkLicenceCode(rawCode);
          const record = inventory.recordOf(id);
          const key = sessionKey(record);
          const client = clients.clientFor(record);
          await client.setLicence(record.hid, code, { signal: closing.signal });
          // The PUT echoes only the code: the read-back shows what the hub made of it.
          const licence = await client.getLicence(record.hid, { signal: closing.signal });
          const change = await keepLicence(secrets, record, licence, clock.now());
          store.mutate((document) => {
            const target = document.hubs.find((hub) => hub.id === id);
            if (target && sessionKey(target) === key) change(target);
          });
          return { hub: viewOf(id), before: record.licence, after: toLicenceView(licence) };
        },
        () => [id],
      ),

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      await fleet.idle();
      // Refresh tokens are written without being waited for, and may still be gathering.
      await secrets.flush?.();
      batcher.close();
      clients.close();
      listeners.clear();
      store.flush();
    },
  };
}
