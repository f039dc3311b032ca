import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import {
  emptyState,
  persistedStateSchema,
  type PersistedState,
  type StateStore,
} from '../store/persisted-state';
import type { CiphertextStore } from '../store/safe-storage-secret-store';

interface Document {
  state?: unknown;
  secrets?: Record<string, string>;
}

/**
 * electron-store throws at construction when its file is damaged (default clearInvalidConfig is
 * false) and the app would not start: move the file aside and start empty instead.
 */
function openStore(cwd: string): { store: Store<Document>; recovery?: string } {
  try {
    return { store: new Store<Document>({ cwd, name: 'state', clearInvalidConfig: false }) };
  } catch (error) {
    const file = join(cwd, 'state.json');
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    return {
      store: new Store<Document>({ cwd, name: 'state' }),
      recovery: `The saved licence state was damaged (${(error as Error).name}) and was moved to ${aside}.`,
    };
  }
}

export function createElectronStores(cwd: string): {
  state: StateStore;
  ciphertexts: CiphertextStore;
} {
  const { store, recovery: openRecovery } = openStore(cwd);
  let recovery = openRecovery;
  let cached: PersistedState | undefined;
  const state: StateStore = {
    location: store.path,
    get recovery() {
      return recovery;
    },
    load() {
      if (!cached) {
        const parsed = persistedStateSchema.safeParse(store.get('state'));
        if (!parsed.success && store.has('state'))
          recovery = 'The saved licence state had unexpected content and was reset.';
        cached = parsed.success ? parsed.data : emptyState();
      }
      return structuredClone(cached);
    },
    save(next) {
      store.set('state', next);
      cached = structuredClone(next);
    },
  };
  const ciphertexts: CiphertextStore = {
    get: (name) => store.get('secrets')?.[name],
    set: (name, value) => store.set('secrets', { ...store.get('secrets'), [name]: value }),
    delete: (name) => {
      const { [name]: _removed, ...rest } = store.get('secrets') ?? {};
      store.set('secrets', rest);
    },
  };
  return { state, ciphertexts };
}
