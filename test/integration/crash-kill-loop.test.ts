import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleChild, startChild, type ChildBundle } from '../support/crash-child';
import { electronSubjects, fileSubjects, type CrashSubject } from '../support/crash-documents';
import { seededRandom } from '../support/seeded-random';
import { useTempDir } from '../support/temp-dir';

// electron-store runs outside Electron when given an absolute cwd; it only needs the module to load.
vi.mock('electron', () => ({ default: {} }));

/**
 * Fault matrix F20: a crash or power loss during a store write leaves the old or the new file,
 * never a torn one, and never one the next start has to quarantine. A child process runs the real
 * stores, writing new versions in a tight loop; the parent kills it with SIGKILL at a random point
 * (0–15 ms after it starts writing), then loads every document with the real loader, as the next
 * start would. 1,000 kills in all, spread over a few lanes that run side by side (each its own
 * folder and seed) so the run stays short on a 2-core machine: a Node process needs ~60 ms of
 * CPU just to start.
 */

const SEED = 20_260_520;
const MAX_DELAY_MS = 15;
/** Three lanes for the CLI / browser-host files, one for the desktop app's electron-store file. */
const LANES = [
  { kind: 'files', kills: 300 },
  { kind: 'files', kills: 300 },
  { kind: 'files', kills: 300 },
  { kind: 'electron', kills: 100 },
] as const;

interface LaneResult {
  readonly kind: string;
  readonly kills: number;
  /** Kills that left a lock or a temp file behind: they landed inside a write. */
  readonly cutShort: number;
  readonly versionsWritten: number;
  /** What is left next to the documents once the lane is over. */
  readonly leftovers: readonly string[];
}

/** Lock and temp files next to a document: ours (`.lock`, `.<pid>.tmp`) and atomically's (`.tmp-…`). */
const sideFiles = (subjects: readonly CrashSubject[]): string[] =>
  subjects.flatMap((subject) =>
    readdirSync(dirname(subject.file)).filter((name) =>
      name.startsWith(`${basename(subject.file)}.`),
    ),
  );

/** The highest version the child acknowledged per document in this run. */
function acknowledged(lines: readonly string[]): Map<string, number> {
  const versions = new Map<string, number>();
  for (const line of lines) {
    const match = /^([a-z])(\d+)$/.exec(line);
    if (match?.[1] && match[2]) versions.set(match[1], Number(match[2]));
  }
  return versions;
}

describe('SIGKILL while the state is being written (F20)', () => {
  const tempDir = useTempDir();
  let writer: ChildBundle;

  beforeAll(async () => {
    const warmUpDir = tempDir();
    for (const subject of fileSubjects(warmUpDir)) subject.writer()(0);
    writer = await bundleChild(join(__dirname, '../support/crash-state-writer.ts'), {
      warmUp: ['files', warmUpDir, '50'],
    });
  }, 60_000);
  afterAll(() => writer?.remove());

  async function runLane(
    kind: 'files' | 'electron',
    kills: number,
    random: () => number,
  ): Promise<LaneResult> {
    const dir = tempDir();
    const subjects = kind === 'files' ? fileSubjects(dir) : await electronSubjects(dir);
    // Version 0 of every document, written by the real stores as a first start would.
    for (const subject of subjects) subject.writer()(0);
    const current = new Map(subjects.map((subject) => [subject.tag, 0]));
    let cutShort = 0;

    for (let kill = 1; kill <= kills; kill += 1) {
      const before = new Set(sideFiles(subjects));
      const child = startChild(writer, [kind, dir]);
      await child.waitForLine((line) => line === 'ready');
      await sleep(random() * MAX_DELAY_MS);
      child.process.kill('SIGKILL');
      const end = await child.ended;
      expect(end.signal, end.stderr).toBe('SIGKILL');

      const after = sideFiles(subjects);
      if (after.some((name) => name.endsWith('.lock') || !before.has(name))) cutShort += 1;
      const acked = acknowledged(child.lines);
      for (const subject of subjects) {
        const saved = acked.get(subject.tag) ?? current.get(subject.tag) ?? 0;
        const loaded = subject.load();
        const where = `${subject.name}, ${kind} lane, kill ${kill}`;
        expect(loaded.recovery, where).toBeUndefined();
        // The last version the child saw saved, or the one it was writing: nothing else.
        expect([saved, saved + 1], where).toContain(loaded.version);
        expect(loaded.document, where).toEqual(subject.expected(loaded.version));
        current.set(subject.tag, loaded.version);
      }
      expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    }
    // The next start saves at once although the last writer died holding the lock, and tidies
    // up what that writer left half-done (electron-store's temp files stay: see the report).
    const started = Date.now();
    for (const subject of subjects) subject.writer()(0);
    const firstSaveMs = Date.now() - started;
    if (kind === 'files') expect(firstSaveMs).toBeLessThan(1_000);
    return {
      kind,
      kills,
      cutShort,
      versionsWritten: [...current.values()].reduce((sum, version) => sum + version, 0),
      leftovers: sideFiles(subjects),
    };
  }

  it('1,000 kills at random points: every document loads as the old or the new version', async () => {
    const started = performance.now();
    const results = await Promise.all(
      LANES.map((lane, index) => runLane(lane.kind, lane.kills, seededRandom(SEED + index))),
    );
    const seconds = (performance.now() - started) / 1_000;

    expect(results.reduce((sum, lane) => sum + lane.kills, 0)).toBe(1_000);
    for (const lane of results) {
      // Proof that the kills land inside writes, not only between them.
      expect(lane.cutShort, `${lane.kind}: kills that cut a write short`).toBeGreaterThan(
        lane.kills / 10,
      );
      if (lane.kind === 'files') expect(lane.leftovers).toEqual([]);
    }
    console.info(
      `kill loop: ${results.length} lanes, ${seconds.toFixed(1)} s; ` +
        results
          .map(
            (lane) =>
              `${lane.kind}: ${lane.kills} kills, ${lane.cutShort} inside a write, ` +
              `${lane.versionsWritten} versions saved, ${lane.leftovers.length} files left over`,
          )
          .join('; '),
    );
  }, 480_000);
});
