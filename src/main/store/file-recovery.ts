import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';

/**
 * What every store says after moving a damaged file aside. One wording for all of them (the CLI's
 * JSON files, the app's electron-store file, the hub inventory), because the person reads it in
 * the app's banner and on the CLI's stderr: what happened, where the damaged copy is kept, what to
 * expect now, and what to do.
 */
export function recoveryMessage(details: {
  /** "licence state", "hub inventory" */
  readonly what: string;
  /** "not valid JSON", "unexpected content" */
  readonly why: string;
  /** Where the damaged copy now is. */
  readonly aside: string;
  /** What the person should expect now ("Activations will be re-checked with the server."). */
  readonly afterRecovery: string;
}): string {
  return (
    `The saved ${details.what} was damaged (${details.why}) and was moved to ${details.aside}. ` +
    `${details.afterRecovery} Keep that file: if anything is missing, contact support and send it to them.`
  );
}

/** A stored document's text judged against what this version writes. */
export type JsonVerdict<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly why: 'not valid JSON' | 'unexpected content' };

export function judgeJson<T>(text: string, schema: z.ZodType<T>): JsonVerdict<T> {
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
}

/**
 * Where a damaged `file` is kept: beside it, stamped with the time, and never a name already taken
 * (a rename would replace it), so a second damage in the same millisecond, or under a test's
 * frozen clock, keeps the first copy too. Callers move the file while no other process can (under
 * its lock, or the app's single-instance lock), so the name found free stays free.
 */
function asidePath(file: string, now: () => number): string {
  const stamped = `${file}.corrupt-${now()}`;
  let aside = stamped;
  for (let copy = 1; existsSync(aside); copy += 1) aside = `${stamped}-${copy}`;
  return aside;
}

/**
 * Moves a damaged `file` aside (see asidePath) and returns what to tell the person, or undefined
 * when the file is gone already. Any other failure is thrown as it is: it must not pass for
 * "no document", which would let the next write replace the damaged file.
 */
export function moveAside(
  file: string,
  now: () => number,
  details: { readonly what: string; readonly why: string; readonly afterRecovery: string },
): string | undefined {
  const aside = asidePath(file, now);
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return recoveryMessage({ ...details, aside });
}

/**
 * Removes the half-written temp files a writer killed mid-write left beside `file`: the names
 * `<file's name><suffix>` where `isLeftover(suffix)`. Only the caller knows when no live writer
 * can own one (it holds the file's lock, or the app's single-instance lock).
 */
export function removeLeftoverTemps(file: string, isLeftover: (suffix: string) => boolean): void {
  const prefix = basename(file);
  try {
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith(prefix) && isLeftover(name.slice(prefix.length)))
        unlinkSync(join(dirname(file), name));
    }
  } catch {
    // Tidying up only: a leftover that cannot be removed does no harm to the document.
  }
}
