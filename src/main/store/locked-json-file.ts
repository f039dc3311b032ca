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
import type { z } from 'zod';
import { LicensingError } from '../licensing/licensing-error';
import { dropLock, isLockLeftover, leftBehind, takeLock } from './file-lock';
import type { Text, Wording } from '../../shared/text';
import { store } from '../../shared/texts/store.en';
import {
  judgeJson,
  moveAside,
  removeLeftoverTemps,
  sayAbout,
  type StoreWords,
} from './file-recovery';

/**
 * One JSON document in a file, shared by several processes (the app and the CLI): written
 * atomically (temp file, fsync, rename) so a crash or power loss leaves the old or the new file,
 * never a torn one; read-modify-write under `<file>.lock` (file-lock.ts) so one process never
 * writes back another's stale copy; and a file that cannot be parsed or does not fit the
 * schema is moved aside (`<file>.corrupt-<time>`) rather than deleted, so nothing is lost.
 */
export interface LockedJsonFileOptions<T> {
  readonly file: string;
  readonly schema: z.ZodType<T>;
  /** For messages: store.licenceState(), store.hubInventory() (English: messages stay English). */
  readonly what: StoreWords;
  /** Said after a damaged file was moved aside: what the person should expect now. */
  readonly afterRecovery: StoreWords;
  readonly now?: () => number;
}

export interface LockedJsonFile<T> {
  readonly location: string;
  /** Set once a damaged file was moved aside, for the UI, the CLI and the log to say so. */
  readonly recovery: Wording | undefined;
  /** The current document, or undefined when there is none yet (or it was just quarantined). */
  read(): T | undefined;
  /** Read, change and write back under the lock; returns what was written. */
  update(change: (current: T | undefined) => T): T;
}

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

export function createLockedJsonFile<T>(options: LockedJsonFileOptions<T>): LockedJsonFile<T> {
  const { file, schema, what } = options;
  const now = options.now ?? Date.now;
  const lockFile = `${file}.lock`;
  let recovery: Wording | undefined;
  /** Whether this instance has looked for dead writers' temp files yet. */
  let tidied = false;

  const fail = (verb: 'notRead' | 'notSaved' | 'notMovedAside', error: unknown): never => {
    const text = store[verb]({ what, file, code: errno(error) ?? 'error' });
    throw new LicensingError('storage', sayAbout([what], text), { cause: error });
  };

  const quarantine = (why: Text): void => {
    try {
      // Gone meanwhile (undefined): nothing of ours to keep, and nothing new to say.
      recovery =
        moveAside(file, now, { what, why, afterRecovery: options.afterRecovery }) ?? recovery;
    } catch (error) {
      fail('notMovedAside', error);
    }
  };

  const readText = (): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      return errno(error) === 'ENOENT' ? undefined : fail('notRead', error);
    }
  };

  /** Under the lock: the document, or undefined after moving a damaged one aside. */
  const readLocked = (): T | undefined => {
    const text = readText();
    if (text === undefined) return undefined;
    const judged = judgeJson(text, schema);
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
    const judged = judgeJson(text, schema);
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
      fail('notSaved', error);
    }
  };

  /** Under the lock: a writer's temp (`.<pid>.tmp`) or a claimant's file (`.lock…`) left by a crash. */
  const isLeftover = (suffix: string): boolean =>
    suffix.startsWith('.lock')
      ? isLockLeftover(lockFile, suffix.slice('.lock'.length))
      : leftBehind(Number(/^\.(\d+)\.tmp$/.exec(suffix)?.[1] ?? NaN));

  const withLock = <R>(action: () => R): R => {
    let taken: ReturnType<typeof takeLock> = 'busy';
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      taken = takeLock(lockFile);
    } catch (error) {
      fail('notSaved', error);
    }
    if (taken === 'busy')
      throw new LicensingError('storage', sayAbout([what], store.lockHeld({ what, file })));
    try {
      // A writer killed mid-write leaves its temp file behind, and every crash would add one. We
      // look on taking over a dead writer's lock, and also the first time we hold the lock at
      // all: a process killed between removing such a lock and creating its own leaves the temp
      // with no lock to take over.
      if (taken === 'taken over' || !tidied) removeLeftoverTemps(file, isLeftover);
      tidied = true;
      return action();
    } finally {
      dropLock(lockFile);
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
