import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import { z } from 'zod';
import type { Text } from '../../shared/text';
import { store as says } from '../../shared/texts/store.en';
import { judgeJson, moveAside, removeLeftoverTemps } from '../store/file-recovery';
import {
  emptyState,
  persistedStateSchema,
  STATE_RECOVERY,
  type PersistedState,
  type StateStore,
} from '../store/persisted-state';
import type { CiphertextStore } from '../store/safe-storage-secret-store';

const ciphertextsSchema = z.record(z.string(), z.string());
type Ciphertexts = z.infer<typeof ciphertextsSchema>;

interface Document {
  state?: unknown;
  secrets?: Ciphertexts;
}

/**
 * The file's root as this version writes it. `state` is judged on its own afterwards, so that
 * good ciphertexts survive a state of the wrong shape (a downgrade).
 */
const documentSchema = z.object({
  state: z.unknown().optional(),
  secrets: ciphertextsSchema.optional(),
});

interface Damage {
  readonly why: Text;
  /** Ciphertexts still good enough to carry over into the fresh file. */
  readonly secrets?: Ciphertexts;
}

/**
 * Judges the raw file before electron-store sees it. electron-store (conf) throws on invalid
 * JSON, but reads a root that is not an object (`null`, `[]`) as an empty store and a `secrets`
 * entry of the wrong shape as whatever it is, and its next write replaces either: silently, with
 * nothing kept. So the whole document is checked here, and anything this version did not write
 * is moved aside.
 */
function judge(file: string): Damage | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No file yet is a first start. Any other read error is no verdict on the content: moving
    // the file aside would hide a permissions problem as "damage", so it surfaces as it is.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const document = judgeJson(text, documentSchema);
  if (!document.ok) return { why: document.why };
  const { state, secrets } = document.value;
  // JSON has no `undefined`: undefined means no state was saved yet, which is fine.
  if (state !== undefined && !persistedStateSchema.safeParse(state).success)
    return { why: says.unexpectedContent(), secrets };
  return undefined;
}

/**
 * The app's state and ciphertexts in one electron-store file. The single-instance lock makes this
 * process its only writer. A damaged file is moved aside (`state.json.corrupt-<time>`) and
 * reported through `state.recovery`, never silently reset.
 */
export function createElectronStores(cwd: string): {
  state: StateStore;
  ciphertexts: CiphertextStore;
} {
  const file = join(cwd, 'state.json');
  // electron-store writes through a temp file (`state.json.tmp-<10 digits><6 hex>`) that a crash
  // mid-write leaves behind, one more with every crash. The app holds the single-instance lock
  // before it opens its stores, so no other process can be writing one now: any found is a
  // leftover and safe to remove.
  removeLeftoverTemps(file, (suffix) => /^\.tmp-\d{10}[0-9a-f]{6}$/.test(suffix));

  const damage = judge(file);
  const recovery = damage && moveAside(file, Date.now, { ...STATE_RECOVERY, why: damage.why });
  // clearInvalidConfig stays false: the file was judged above, so a throw here is a real error
  // (permissions, a full disk), not damage to be wiped.
  const store = new Store<Document>({ cwd, name: 'state', clearInvalidConfig: false });
  // Only the state was damaged: the ciphertexts beside it are still good, so they are carried
  // over rather than dropped along with it.
  if (damage?.secrets) store.set('secrets', damage.secrets);

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
