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
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { LicensingError } from '../licensing/licensing-error';
import { asidePath, recoveryMessage, removeLeftoverTemps } from './file-recovery';

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

/** A lock older than this was left by a crashed process (when its owner cannot be checked). */
const STALE_LOCK_MS = 10_000;
/**
 * A lock still empty after this was left by a process killed between creating it and writing its
 * owner into it: a live one writes its owner in the same breath.
 */
const EMPTY_LOCK_STALE_MS = 1_000;
const LOCK_WAIT_MS = 5_000;

/** Written into the lock: `<pid>@<host>`, so a lock left by a dead process is taken over at once. */
const LOCK_OWNER = `${process.pid}@${hostname()}`;
/** Locks this process holds right now; a lock naming our own pid but absent here is a leftover. */
const heldHere = new Set<string>();

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;
/** True only when no process of this host has that pid any more. */
const processIsGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errno(error) === 'ESRCH';
  }
};
/**
 * Under the lock, a `<file>.<pid>.tmp` is a leftover when its writer is gone, or when it bears our
 * own pid (we write ours only inside the lock we now hold: one already there is a crashed
 * process's whose pid we were given again).
 */
const isLeftoverTemp = (suffix: string): boolean => {
  const pid = Number(/^\.(\d+)\.tmp$/.exec(suffix)?.[1] ?? NaN);
  return Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || processIsGone(pid));
};
/** A short synchronous wait while another process holds the lock (writes take milliseconds). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export function createLockedJsonFile<T>(options: LockedJsonFileOptions<T>): LockedJsonFile<T> {
  const { file, schema, what } = options;
  const now = options.now ?? Date.now;
  const lockFile = `${file}.lock`;
  let recovery: string | undefined;
  /** Whether this instance has looked for dead writers' temp files yet. */
  let tidied = false;

  const fail = (verb: string, error: unknown): never => {
    throw new LicensingError(
      'storage',
      `The ${what} in ${file} could not be ${verb} (${errno(error) ?? 'error'}). Check free disk space and permissions.`,
      { cause: error },
    );
  };

  const quarantine = (why: string): void => {
    const aside = asidePath(file, now);
    try {
      renameSync(file, aside);
    } catch (error) {
      // Gone meanwhile: nothing of ours to keep. Anything else must not pass for "no document".
      if (errno(error) === 'ENOENT') return;
      fail('moved aside', error);
    }
    recovery = recoveryMessage({ what, why, aside, afterRecovery: options.afterRecovery });
  };

  type Judged =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };
  const judge = (text: string): Judged => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, why: 'not valid JSON' };
    }
    const parsed = schema.safeParse(raw);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, why: 'unexpected content' };
  };

  const readText = (): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      return errno(error) === 'ENOENT' ? undefined : fail('read', error);
    }
  };

  /** Under the lock: the document, or undefined after moving a damaged one aside. */
  const readLocked = (): T | undefined => {
    const text = readText();
    if (text === undefined) return undefined;
    const judged = judge(text);
    if (judged.ok) return judged.value;
    quarantine(judged.why);
    return undefined;
  };

  /**
   * Reads need no lock (writes are atomic renames), but moving a damaged file aside does: between
   * our read and the rename another process may already have moved it aside and written a fresh
   * document, which a blind rename would then hide. So the damage is judged again under the lock.
   */
  const read = (): T | undefined => {
    const text = readText();
    if (text === undefined) return undefined;
    const judged = judge(text);
    return judged.ok ? judged.value : withLock(readLocked);
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

  /**
   * Why the pid check: a process killed while writing (crash, SIGKILL, power loss) leaves its lock
   * behind, and judged by age alone the next start could not save anything for ten seconds (every
   * update gave up after LOCK_WAIT_MS with "another process holds the lock"). A lock whose owner
   * is a process of this host that no longer exists is taken over at once; a lock from another
   * host (a shared folder), or one we cannot read, still goes by its age. Two processes breaking
   * the same stale lock in the same few microseconds could both go ahead: each write is still an
   * atomic rename, so the file stays whole; at worst one of the two updates is lost.
   */
  const lockIsStale = (): boolean => {
    let owner: string;
    try {
      owner = readFileSync(lockFile, 'utf8');
    } catch {
      return false; // gone meanwhile: simply try again
    }
    const age = lockAge();
    if (owner === '') return age > EMPTY_LOCK_STALE_MS;
    const at = owner.lastIndexOf('@');
    const pid = Number(owner.slice(0, at));
    if (at < 0 || owner.slice(at + 1) !== hostname() || !Number.isSafeInteger(pid) || pid <= 0)
      return age > STALE_LOCK_MS;
    // Our own pid on a lock we do not hold: a crashed process whose pid we were given again.
    if (pid === process.pid) return !heldHere.has(lockFile);
    // Alive (or its pid reused), or not ours to signal: only age can tell.
    return processIsGone(pid) || age > STALE_LOCK_MS;
  };

  const withLock = <R>(action: () => R): R => {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    } catch (error) {
      fail('saved', error);
    }
    // Real time, like the lock's age: an injected clock (a test's frozen `now`) must not make
    // the wait endless.
    const deadline = Date.now() + LOCK_WAIT_MS;
    let tookOver = false;
    for (;;) {
      try {
        const fd = openSync(lockFile, 'wx', 0o600);
        try {
          writeSync(fd, LOCK_OWNER);
        } catch (writeError) {
          closeSync(fd);
          unlinkSync(lockFile); // a disk too full for the owner: leave no empty lock behind
          throw writeError;
        }
        closeSync(fd);
        break;
      } catch (error) {
        if (errno(error) !== 'EEXIST') fail('saved', error);
        if (lockIsStale()) {
          // Another process may have taken it over first and removed it already: no matter.
          try {
            unlinkSync(lockFile);
          } catch (unlinkError) {
            if (errno(unlinkError) !== 'ENOENT') fail('saved', unlinkError);
          }
          tookOver = true;
        } else if (Date.now() > deadline)
          fail('saved: another license-manager process holds the lock', error);
        else pause(10);
      }
    }
    heldHere.add(lockFile);
    try {
      // A writer killed mid-write leaves its temp file behind, and every crash would add one. We
      // look on taking over a dead writer's lock, and also the first time we hold the lock at
      // all: a process killed between removing such a lock and creating its own leaves the temp
      // with no lock to take over.
      if (tookOver || !tidied) removeLeftoverTemps(file, isLeftoverTemp);
      tidied = true;
      return action();
    } finally {
      heldHere.delete(lockFile);
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
        const next = change(readLocked());
        write(next);
        return next;
      }),
  };
}
