import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import type { Text, Wording } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { store } from '../../shared/texts/store.en';

/**
 * Words a store is given by its caller: a text (store.licenceState()), or English of the caller's
 * own, which then keeps every sentence about that store English.
 */
export type StoreWords = string | Text;

/** A sentence about a store: its text when every word in it is ours, otherwise its English. */
export const sayAbout = (words: readonly StoreWords[], text: Text): Text | string =>
  words.every((word) => typeof word !== 'string') ? text : inEnglish(text);

/**
 * What every store says after moving a damaged file aside. One wording for all of them (the CLI's
 * JSON files, the app's electron-store file, the hub inventory), because the person reads it in
 * the app's banner and on the CLI's stderr: what happened, where the damaged copy is kept, what to
 * expect now, and what to do. English for the stderr and the log; the text for the screens, when
 * every word in it is ours.
 */
function recoveryWording(details: {
  /** store.licenceState(), store.hubInventory() */
  readonly what: StoreWords;
  /** store.notJson(), store.unexpectedContent() */
  readonly why: Text;
  /** Where the damaged copy now is. */
  readonly aside: string;
  /** What the person should expect now (store.licenceStateRecovered()). */
  readonly afterRecovery: StoreWords;
}): Wording {
  const { what, afterRecovery } = details;
  const text = store.recovered(details);
  const said = sayAbout([what, afterRecovery], text);
  return typeof said === 'string' ? { message: said } : { message: inEnglish(text), text };
}

/** A stored document's text judged against what this version writes: why not, as a text. */
export type JsonVerdict<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: Text };

export function judgeJson<T>(text: string, schema: z.ZodType<T>): JsonVerdict<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, why: store.notJson() };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, why: store.unexpectedContent() };
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
  details: { readonly what: StoreWords; readonly why: Text; readonly afterRecovery: StoreWords },
): Wording | undefined {
  const aside = asidePath(file, now);
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return recoveryWording({ ...details, aside });
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
