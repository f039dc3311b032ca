/**
 * Child process of the lock-contention test (bundled by crash-child.ts, never imported by a test).
 * Adds 1 to a counter `rounds` times through the real locked JSON file, and after each update
 * leaves behind the lock a crashed writer would: one naming a process that has ended. So every
 * round has several processes find a dead owner's lock at once and break it, the race a lock
 * must survive. Any error (a LicensingError that gave up waiting, or a raw one) ends the child
 * with its stack on stderr and exit code 1.
 */
import { linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { createLockedJsonFile } from '../../src/main/store/locked-json-file';

function main(file: string | undefined, rounds: number, deadPid: number): void {
  if (!file || !Number.isSafeInteger(rounds) || !Number.isSafeInteger(deadPid))
    throw new Error('usage: lock-contender <file> <rounds> <dead pid>');
  const counter = createLockedJsonFile({
    file,
    schema: z.object({ n: z.number() }),
    what: 'counter',
    afterRecovery: '',
  });
  const planted = `${file}.planted-${process.pid}`;
  for (let round = 0; round < rounds; round += 1) {
    counter.update((current) => ({ n: (current?.n ?? 0) + 1 }));
    // Created whole and only where no lock is (a link fails if the name exists), so a live
    // holder's lock is never replaced: exactly what a writer killed while holding it leaves.
    writeFileSync(planted, `${deadPid}@${hostname()}`);
    try {
      linkSync(planted, `${file}.lock`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    unlinkSync(planted);
  }
}

try {
  main(process.argv[2], Number(process.argv[3]), Number(process.argv[4]));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
