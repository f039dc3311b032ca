import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/** Where a damaged `file` is kept: beside it, stamped so a second damage never overwrites the first. */
export const asidePath = (file: string, now: () => number): string => `${file}.corrupt-${now()}`;

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
