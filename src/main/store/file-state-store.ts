import { createLockedJsonFile } from './locked-json-file';
import {
  emptyState,
  persistedStateSchema,
  STATE_RECOVERY,
  type PersistedState,
  type StateStore,
} from './persisted-state';

/**
 * The state document as a JSON file (see locked-json-file.ts): atomic writes, a lock around
 * read-modify-write, and a damaged file moved aside (`state.json.corrupt-<time>`) so the state
 * starts empty instead of the app failing to start.
 */
export function createFileStateStore(file: string, now: () => number = Date.now): StateStore {
  const json = createLockedJsonFile<PersistedState>({
    file,
    schema: persistedStateSchema,
    ...STATE_RECOVERY,
    now,
  });

  const update = (change: (state: PersistedState) => void): PersistedState =>
    json.update((current) => {
      const state = current ?? emptyState();
      change(state);
      return state;
    });

  return {
    location: file,
    get recovery() {
      return json.recovery;
    },
    // The first read creates the document, so the installation id is the same in every process.
    load: () => json.read() ?? update(() => undefined),
    update,
  };
}
