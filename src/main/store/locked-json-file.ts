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
import type { z } from 'zod';
import { LicensingError } from '../licensing/licensing-error';

/**
 * One JSON document in a file, shared by several processes (the app and the CLI): written
 * atomically (temp file, fsync, rename) so a crash or power loss leaves the old or the new file,
 * never a torn one; read-modify-write under `<file>.lock` (created exclusively) so one process
 * never writes back another's stale copy; and a file that cannot be parsed or does not fit the
 * schema is moved aside (`<file>.corrupt-<time>`) rather than deleted, so nothing is lost.
 */
export interface LockedJsonFileOptions<T> {
  readonly file: string;
  readonly schema: z.ZodType<T>;
  /** For messages: "licence state", "hub inventory". */
  readonly what: string;
  /** Said after a damaged file was moved aside: what the person should expect now. */
  readonly afterRecovery: string;
  readonly now?: () => number;
}

export interface LockedJsonFile<T> {
  readonly location: string;
  /** Set once a damaged file was moved aside, for the UI to say so. */
  readonly recovery: string | undefined;
  /** The current document, or undefined when there is none yet (or it was just quarantined). */
  read(): T | undefined;
  /** Read, change and write back under the lock; returns what was written. */
  update(change: (current: T | undefined) => T): T;
}

/** A lock older than this was left by a crashed process. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;
/** A short synchronous wait while another process holds the lock (writes take milliseconds). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export function createLockedJsonFile<T>(options: LockedJsonFileOptions<T>): LockedJsonFile<T> {
  const { file, schema, what } = options;
  const now = options.now ?? Date.now;
  const lockFile = `${file}.lock`;
  let recovery: string | undefined;

  const fail = (verb: string, error: unknown): never => {
    throw new LicensingError(
      'storage',
      `The ${what} in ${file} could not be ${verb} (${errno(error) ?? 'error'}). Check free disk space and permissions.`,
      { cause: error },
    );
  };

  const quarantine = (why: string): void => {
    const aside = `${file}.corrupt-${now()}`;
    renameSync(file, aside);
    recovery = `The saved ${what} was damaged (${why}) and was moved to ${aside}. ${options.afterRecovery}`;
  };

  const read = (): T | undefined => {
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
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    quarantine('unexpected content');
    return undefined;
  };

  const write = (document: T): void => {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(document, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch (error) {
      fail('saved', error);
    }
  };

  const lockAge = (): number => {
    try {
      return Date.now() - statSync(lockFile).mtimeMs;
    } catch {
      return 0;
    }
  };

  const withLock = <R>(action: () => R): R => {
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
        if (lockAge() > STALE_LOCK_MS) unlinkSync(lockFile);
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

  return {
    location: file,
    get recovery() {
      return recovery;
    },
    read,
    update: (change) =>
      withLock(() => {
        const next = change(read());
        write(next);
        return next;
      }),
  };
}
