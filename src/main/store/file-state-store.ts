import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
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

/** A lock older than this was left by a crashed process. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;
/** A short synchronous wait while another process holds the lock (writes take milliseconds). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * The state document as a JSON file, written atomically (temp file, fsync, rename) so a crash or
 * power loss leaves the old or the new file, never a torn one. Writers take `state.json.lock`
 * (created exclusively) around read-modify-write. A file that cannot be parsed is moved aside
 * (`state.json.corrupt-<time>`) rather than deleted, and the state starts empty.
 */
export function createFileStateStore(file: string, now: () => number = Date.now): StateStore {
  let recovery: string | undefined;
  const lockFile = `${file}.lock`;

  const fail = (what: string, error: unknown): never => {
    throw new LicensingError(
      'storage',
      `The licence state in ${file} could not be ${what} (${errno(error) ?? 'error'}). Check free disk space and permissions.`,
      { cause: error },
    );
  };

  const quarantine = (why: string): void => {
    const aside = `${file}.corrupt-${now()}`;
    renameSync(file, aside);
    recovery = `The saved licence state was damaged (${why}) and was moved to ${aside}. Activations will be re-checked with the server.`;
  };

  /** The current document, or undefined when there is none yet. */
  const read = (): PersistedState | undefined => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return errno(error) === 'ENOENT' ? undefined : fail('read', error);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      quarantine('not valid JSON');
      return undefined;
    }
    const parsed = persistedStateSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    quarantine('unexpected content');
    return undefined;
  };

  const write = (state: PersistedState): void => {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch (error) {
      fail('saved', error);
    }
  };

  const withLock = <T>(action: () => T): T => {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    } catch (error) {
      fail('saved', error);
    }
    const deadline = now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        closeSync(openSync(lockFile, 'wx', 0o600));
        break;
      } catch (error) {
        if (errno(error) !== 'EEXIST') fail('saved', error);
        const age = (() => {
          try {
            return Date.now() - statSync(lockFile).mtimeMs;
          } catch {
            return 0;
          }
        })();
        if (age > STALE_LOCK_MS) unlinkSync(lockFile);
        else if (now() > deadline)
          fail('saved: another license-manager process holds the lock', error);
        else pause(10);
      }
    }
    try {
      return action();
    } finally {
      unlinkSync(lockFile);
    }
  };

  const update = (change: (state: PersistedState) => void): PersistedState =>
    withLock(() => {
      const state = read() ?? emptyState();
      change(state);
      write(state);
      return state;
    });

  return {
    location: file,
    get recovery() {
      return recovery;
    },
    // The first read creates the document, so the installation id is the same in every process.
    load: () => read() ?? update(() => undefined),
    update,
  };
}
