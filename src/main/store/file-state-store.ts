import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { LicensingError } from '../licensing/licensing-error';
import {
  emptyState,
  persistedStateSchema,
  type PersistedState,
  type StateStore,
} from './persisted-state';

/**
 * The state document as a JSON file, written atomically (temp file, fsync, rename) so a crash or
 * power loss leaves the old or the new file, never a torn one. A file that cannot be parsed is
 * moved aside (`state.json.corrupt-<time>`) rather than deleted, and the app starts empty.
 */
export function createFileStateStore(file: string, now: () => number = Date.now): StateStore {
  let recovery: string | undefined;
  let current: PersistedState | undefined;

  const quarantine = (why: string) => {
    const aside = `${file}.corrupt-${now()}`;
    renameSync(file, aside);
    recovery = `The saved licence state was damaged (${why}) and was moved to ${aside}. Activations will be re-checked with the server.`;
  };

  const read = (): PersistedState => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw new LicensingError('storage', `The licence state in ${file} cannot be read.`, {
        cause: error,
      });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      quarantine('not valid JSON');
      return emptyState();
    }
    const parsed = persistedStateSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    quarantine('unexpected content');
    return emptyState();
  };

  return {
    location: file,
    get recovery() {
      return recovery;
    },
    load() {
      current ??= read();
      return structuredClone(current);
    },
    save(state) {
      const text = `${JSON.stringify(state, null, 2)}\n`;
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        const fd = openSync(temp, 'w', 0o600);
        try {
          writeSync(fd, text);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, file);
      } catch (error) {
        throw new LicensingError(
          'storage',
          `The licence state could not be saved to ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check free disk space and permissions.`,
          { cause: error },
        );
      }
      current = structuredClone(state);
    },
  };
}
