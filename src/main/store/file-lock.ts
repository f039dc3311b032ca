import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * A lock file shared by several processes (the app and the CLI), for a read-modify-write of the
 * file beside it: `<file>.lock`, holding its owner `<pid>@<host>` from the moment it exists. A
 * process killed while holding it (crash, SIGKILL, power loss) leaves it behind; a lock whose
 * owner is a process of this host that no longer exists is taken over at once, so the next start
 * saves without waiting. Synchronous throughout: callers hold it for the milliseconds of a write.
 */

/** A lock older than this was left by a crashed process (when its owner cannot be checked). */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/** Written into the lock, so a lock left by a dead process is taken over at once. */
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
/** A short synchronous wait while another process holds the lock (writes take milliseconds). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Under the lock, whether a file named for `pid` (a writer's temp, a claimant's owner file) can
 * only be a crashed process's: its process is gone, or it bears our own pid (we make ours only
 * while we hold or claim the lock, and remove them before we go on: one already there is from a
 * crashed process whose pid we were given again).
 */
export const leftBehind = (pid: number): boolean =>
  Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || processIsGone(pid));

/**
 * Creates `path` holding our owner, or returns false when it exists. The owner is written into a
 * file of our own first, which is then linked to `path`: a link fails if the name exists, so
 * creating and owning are one step and no process ever sees a lock without its owner. (Created
 * with `wx` and written after, a lock is empty for a moment; a holder paused in that moment on a
 * loaded machine looks exactly like a process killed there, and one of the two gets it wrong.)
 */
function claim(path: string): boolean {
  const mine = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(mine, LOCK_OWNER, { mode: 0o600 });
    linkSync(mine, path);
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Removes `path` if it still names us: a holder paused past STALE_LOCK_MS lost it to another. */
function release(path: string): void {
  try {
    if (readFileSync(path, 'utf8') === LOCK_OWNER) unlinkSync(path);
  } catch {
    // Gone already (taken over and released). A lock we cannot remove is not worth failing a
    // write that succeeded: it is taken over at once when we are gone, or after STALE_LOCK_MS.
  }
}

/**
 * Whether the lock (or break guard) at `path` was left by a process that is gone. One whose owner
 * is a process of this host is judged by that process; one from another host (a shared folder),
 * or one we cannot read (empty: made by an older version, or its owner lost to a power cut), goes
 * by its age.
 */
function isStale(path: string): boolean {
  let owner: string;
  let age: number;
  try {
    owner = readFileSync(path, 'utf8');
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false; // gone meanwhile: simply try again
  }
  const at = owner.lastIndexOf('@');
  const pid = Number(owner.slice(0, at));
  if (at < 0 || owner.slice(at + 1) !== hostname() || !Number.isSafeInteger(pid) || pid <= 0)
    return age > STALE_LOCK_MS;
  // Our own pid on a lock we do not hold: a crashed process whose pid we were given again.
  if (pid === process.pid) return !heldHere.has(path);
  // Alive (or its pid reused), or not ours to signal: only age can tell.
  return processIsGone(pid) || age > STALE_LOCK_MS;
}

/**
 * Removes a stale lock, under the guard `<lock>.break`. Without it two processes could both find
 * the same dead owner, one remove the lock and take it, and the other then remove that live lock
 * and take it too: two writers, one update lost, and a holder whose lock is gone. Under the guard
 * the lock is judged again before it goes, and nothing but a guard holder or the lock's owner
 * removes a stale lock, so the lock judged is the lock removed (unless its owner was not dead but
 * paused past STALE_LOCK_MS, and comes back to release it in that moment). A guard is held for the
 * microseconds of that check; one left by a breaker that died is stale by the same rules as a
 * lock. Removing it is the one step left that trusts no other process to race it: for a live
 * lock to go, two processes would have to find the same dead guard within the same microseconds,
 * and then race again over the lock.
 */
function breakStale(lock: string): boolean {
  const guard = `${lock}.break`;
  if (!claim(guard)) {
    if (isStale(guard)) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (!isStale(lock)) return false;
    rmSync(lock, { force: true });
    return true;
  } finally {
    release(guard);
  }
}

/**
 * Takes `<file>.lock`, waiting up to LOCK_WAIT_MS for a live holder. `taken over` when a dead
 * holder's lock was found on the way: its half-written files may lie about. Errors other than
 * "held" are thrown as they are.
 */
export function takeLock(lock: string): 'taken' | 'taken over' | 'busy' {
  // Real time, like the lock's age: an injected clock (a test's frozen `now`) must not make the
  // wait endless.
  const deadline = Date.now() + LOCK_WAIT_MS;
  let tookOver = false;
  for (;;) {
    if (claim(lock)) {
      heldHere.add(lock);
      return tookOver ? 'taken over' : 'taken';
    }
    if (isStale(lock)) {
      tookOver = true;
      if (breakStale(lock)) continue;
    }
    if (Date.now() > deadline) return 'busy';
    pause(10);
  }
}

export function dropLock(lock: string): void {
  heldHere.delete(lock);
  release(lock);
}

/**
 * Under the lock, whether `<lock><suffix>` is what a crashed process left: a claimant's owner
 * file (`.<pid>.tmp`, `.break.<pid>.tmp`) or a break guard whose breaker died (`.break`).
 */
export function isLockLeftover(lock: string, suffix: string): boolean {
  if (suffix === '.break') return isStale(`${lock}${suffix}`);
  return leftBehind(Number(/^(?:\.break)?\.(\d+)\.tmp$/.exec(suffix)?.[1] ?? NaN));
}
