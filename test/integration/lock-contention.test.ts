import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, startChild, type ChildBundle } from '../support/crash-child';
import { useTempDir } from '../support/temp-dir';

/**
 * Several processes break the same dead owner's lock at once, hundreds of times over: breaking it
 * must never remove the lock one of them has just taken in its place (two writers at once lose an
 * update), and releasing a lock must not fail once the write it guarded succeeded.
 */

const CONTENDERS = 6;
const ROUNDS = 100;

/** The pid of a process that has ended: what a crashed writer leaves in its lock. */
const deadPid = (): number =>
  Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout,
  );

describe('breaking a dead writer’s lock while others do the same', () => {
  const tempDir = useTempDir();
  let contender: ChildBundle;

  beforeAll(async () => {
    contender = await bundleChild(join(__dirname, '../support/lock-contender.ts'));
  }, 60_000);
  afterAll(() => contender?.remove());

  it('loses no update and fails no write', async () => {
    const dir = tempDir();
    const file = join(dir, 'counter.json');
    const dead = String(deadPid());
    const ends = await Promise.all(
      Array.from(
        { length: CONTENDERS },
        () => startChild(contender, [file, String(ROUNDS), dead]).ended,
      ),
    );
    for (const end of ends) expect(end.stderr).toBe('');
    expect(ends.map((end) => end.code)).toEqual(Array(CONTENDERS).fill(0));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: CONTENDERS * ROUNDS });
    // The last planted lock may still be there; nothing of the writers' own is.
    expect(readdirSync(dir).filter((name) => name !== 'counter.json.lock')).toEqual([
      'counter.json',
    ]);
  }, 30_000);
});
