import { statSync } from 'node:fs';
import { createLockedJsonFile } from '../store/locked-json-file';
import type { Wording } from '../../shared/text';
import { store } from '../../shared/texts/store.en';
import {
  emptyHubDocument,
  hubDocumentSchema,
  type HubDocument,
  type HubRecord,
} from './hub-records';

/**
 * The hub inventory in memory, backed by its JSON file (atomic, locked, quarantined when damaged).
 * Edits by the engineer are written at once (`mutate`). Refresh results are many and small, so
 * they are applied in memory at once and written together by `flush` (once a second at most,
 * and at the end of a run): a 1,000-hub refresh writes the file a handful of times, not 1,000.
 * The app and the CLI may share the file: every write is a read-modify-write under the lock, and
 * a file changed by another process is re-read before the next `records()`.
 */

interface Patch {
  readonly id: string;
  /** Applied only while this holds: a hub edited meanwhile keeps its edit, not a stale result. */
  readonly guard: (record: HubRecord) => boolean;
  readonly change: (record: HubRecord) => void;
}

export interface HubStore {
  readonly location: string;
  readonly recovery: Wording | undefined;
  records(): readonly HubRecord[];
  get(id: string): HubRecord | undefined;
  /** Read the file, apply pending patches and `change`, write: all under the lock. */
  mutate<T>(change: (document: HubDocument) => T): T;
  /** Change one record in memory now; it reaches the file with the next flush or mutate. */
  patch(id: string, guard: Patch['guard'], change: Patch['change']): void;
  readonly pending: boolean;
  flush(): void;
}

type Stamp = string | undefined;

export function createHubStore(file: string, now: () => number): HubStore {
  const json = createLockedJsonFile<HubDocument>({
    file,
    schema: hubDocumentSchema,
    what: store.hubInventory(),
    afterRecovery: store.hubInventoryRecovered(),
    now,
  });
  const stampOf = (): Stamp => {
    try {
      const stat = statSync(file);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return undefined;
    }
  };

  let document = json.read() ?? emptyHubDocument();
  let stamp = stampOf();
  let patches: Patch[] = [];

  const applyPatches = (target: HubDocument, list: readonly Patch[]): void => {
    for (const patch of list) {
      const record = target.hubs.find((hub) => hub.id === patch.id);
      if (record && patch.guard(record)) patch.change(record);
    }
  };

  const reloadIfChanged = (): void => {
    const current = stampOf();
    if (current === stamp) return;
    document = json.read() ?? emptyHubDocument();
    applyPatches(document, patches);
    stamp = stampOf();
  };

  const mutate = <T>(change: (target: HubDocument) => T): T => {
    const written = patches;
    let result: T | undefined;
    document = json.update((current) => {
      const next = current ?? emptyHubDocument();
      applyPatches(next, written);
      result = change(next);
      return next;
    });
    patches = patches.filter((patch) => !written.includes(patch));
    stamp = stampOf();
    return result as T;
  };

  return {
    location: file,
    get recovery() {
      return json.recovery;
    },
    records() {
      reloadIfChanged();
      return document.hubs;
    },
    get(id) {
      reloadIfChanged();
      return document.hubs.find((hub) => hub.id === id);
    },
    mutate,
    patch(id, guard, change) {
      const patch: Patch = { id, guard, change };
      patches.push(patch);
      applyPatches(document, [patch]);
    },
    get pending() {
      return patches.length > 0;
    },
    flush() {
      if (patches.length > 0) mutate(() => undefined);
    },
  };
}
