/**
 * Child process of the kill-loop test (bundled by crash-child.ts, never imported by a test). It
 * opens the real stores of one kind (`files` or `electron`) in the folder given, says `ready`,
 * then writes the next version of every document as fast as it can until it is killed. After each
 * write returns it acknowledges the version on stdout (`s12`) with a synchronous write, so the
 * parent knows the last version that was completely saved when the kill came. A third argument
 * stops it after that many rounds instead (the warm-up run that fills the code cache).
 */
import { writeSync } from 'node:fs';
import { electronSubjects, fileSubjects, type CrashSubject } from './crash-documents';

const say = (line: string): void => void writeSync(1, `${line}\n`);

async function main(kind: string | undefined, dir: string | undefined, rounds = Infinity) {
  if (!dir || (kind !== 'files' && kind !== 'electron'))
    throw new Error('usage: crash-state-writer files|electron <folder>');
  const subjects: CrashSubject[] =
    kind === 'files' ? fileSubjects(dir) : await electronSubjects(dir);
  const writers = subjects.map((subject) => ({
    tag: subject.tag,
    write: subject.writer(),
    version: subject.load().version,
  }));
  say('ready');
  for (let round = 0; round < rounds; round += 1) {
    for (const writer of writers) {
      writer.version += 1;
      writer.write(writer.version);
      say(`${writer.tag}${writer.version}`);
    }
  }
}

main(process.argv[2], process.argv[3], Number(process.argv[4] ?? Infinity)).catch(
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
