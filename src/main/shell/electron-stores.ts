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
 * The app's state and ciphertexts in one electron-store file. The single-instance lock makes this
 * process its only writer. A damaged file is moved aside, never silently reset: electron-store
 * throws at construction on invalid JSON (default clearInvalidConfig is false), and a document of
 * the wrong shape (a downgrade, an edit) is quarantined the same way.
 */
export function createElectronStores(cwd: string): {
  state: StateStore;
  ciphertexts: CiphertextStore;
} {
  const file = join(cwd, 'state.json');
  let recovery: string | undefined;
  const quarantine = (why: string): void => {
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    recovery = `The saved licence state was damaged (${why}) and was moved to ${aside}.`;
  };

  let store: Store<Document>;
  try {
    store = new Store<Document>({ cwd, name: 'state', clearInvalidConfig: false });
  } catch {
    quarantine('not valid JSON');
    store = new Store<Document>({ cwd, name: 'state' });
  }
  if (store.has('state') && !persistedStateSchema.safeParse(store.get('state')).success) {
    const secrets = store.get('secrets');
    quarantine('unexpected content');
    store = new Store<Document>({ cwd, name: 'state' });
    // The ciphertexts are still good: keep them so a re-activation can reuse nothing stale.
    if (secrets) store.set('secrets', secrets);
  }

  const read = (): PersistedState | undefined => {
    const parsed = persistedStateSchema.safeParse(store.get('state'));
    return parsed.success ? parsed.data : undefined;
  };
  const update = (change: (state: PersistedState) => void): PersistedState => {
    const state = read() ?? emptyState();
    change(state);
    store.set('state', state);
    return state;
  };
  const state: StateStore = {
    location: store.path,
    get recovery() {
      return recovery;
    },
    load: () => read() ?? update(() => undefined),
    update,
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
