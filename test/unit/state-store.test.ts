import { spawnSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHubStore } from '../../src/main/hubs/hub-store';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createLockedJsonFile } from '../../src/main/store/locked-json-file';
import type { PersistedState } from '../../src/main/store/persisted-state';
import { hubsVersion } from '../support/crash-documents';
import { useTempDir } from '../support/temp-dir';

/** Damaged files as they happen: a write cut off, bytes that are not text, a document from another version. */
const DAMAGED = [
  ['truncated JSON', '{"version":1,"clientId":'],
  ['garbage', '\u0000\u0001binary\uFFFD'],
  ['wrong shape', JSON.stringify({ version: 2, licences: [] })],
  ['valid JSON that is no document', 'null'],
] as const;

/** The pid of a process that has ended: what a crashed writer leaves in its lock. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
};

const licence = {
  licenseId: 'lic0A1B2C3D',
  mode: 'floating' as const,
  status: 'active' as const,
  keyLabel: 'ABCDE-•••••-•••••-VWXYZ',
  activeClients: 2,
  maxClients: 5,
  activatedAt: 1_700_000_000_000,
  lastCheckedAt: 1_700_000_000_000,
};

describe('file state store', () => {
  const tempDir = useTempDir();

  it('creates the document on first use, so every process sees one installation id', () => {
    const file = join(tempDir(), 'state.json');
    const state = createFileStateStore(file).load();
    expect(state.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(file)).toBe(true);
    expect(createFileStateStore(file).load().clientId).toBe(state.clientId);
  });

  it('round-trips an update', () => {
    const file = join(tempDir(), 'state.json');
    const next: PersistedState = createFileStateStore(file).update((state) => {
      state.licences.seats = licence;
    });
    expect(createFileStateStore(file).load()).toEqual(next);
  });

  it('never writes back a stale copy: two stores on one file see each other', () => {
    const file = join(tempDir(), 'state.json');
    const app = createFileStateStore(file);
    const cli = createFileStateStore(file);
    app.load();
    cli.update((state) => {
      state.licences.b = licence;
    });
    app.update((state) => {
      state.licences.a = licence;
    });
    expect(Object.keys(cli.load().licences).sort()).toEqual(['a', 'b']);
  });

  it('waits for a lock held by another writer and takes over a stale one', () => {
    const file = join(tempDir(), 'state.json');
    const store = createFileStateStore(file);
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    store.update((state) => {
      state.licences.seats = licence;
    });
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(store.load().licences.seats).toEqual(licence);
  });

  it('takes over at once a lock whose owner process has died, and removes its half-written temp', () => {
    const file = join(tempDir(), 'state.json');
    const store = createFileStateStore(file);
    store.load();
    const pid = deadPid();
    // Exactly what a writer killed mid-write leaves: a fresh lock naming it, and its temp file.
    writeFileSync(`${file}.lock`, `${pid}@${hostname()}`);
    writeFileSync(`${file}.${pid}.tmp`, '{"version":1,"cli');
    const started = Date.now();
    store.update((state) => void (state.licences.seats = licence));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(store.load().licences.seats).toEqual(licence);
    expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
  });

  it('on its first write removes a dead writer’s temp left with no lock, and spares a live one’s', () => {
    const file = join(tempDir(), 'state.json');
    createFileStateStore(file).load();
    const dead = deadPid();
    // A writer killed between removing a dead writer's lock and creating its own leaves that
    // temp with no lock to take over. A live writer's temp (it lost its lock to age) is its own.
    writeFileSync(`${file}.${dead}.tmp`, '{"version":1,"cli');
    writeFileSync(`${file}.${process.ppid}.tmp`, '{"version":1,"cli');
    const store = createFileStateStore(file);
    store.update((state) => void (state.licences.seats = licence));
    expect(readdirSync(join(file, '..')).sort()).toEqual([
      'state.json',
      `state.json.${process.ppid}.tmp`,
    ]);
  });

  it('clears what a breaker killed while breaking a dead lock left: its guard and owner file', () => {
    const file = join(tempDir(), 'state.json');
    const store = createFileStateStore(file);
    store.load();
    const pid = deadPid();
    for (const left of ['.lock', '.lock.break', `.lock.break.${pid}.tmp`, `.lock.${pid}.tmp`])
      writeFileSync(`${file}${left}`, `${pid}@${hostname()}`);
    // A guard of a live breaker, and a live claimant's owner file, are theirs.
    writeFileSync(`${file}.lock.${process.ppid}.tmp`, `${process.ppid}@${hostname()}`);
    store.update((state) => void (state.licences.seats = licence));
    expect(store.load().licences.seats).toEqual(licence);
    expect(readdirSync(join(file, '..')).sort()).toEqual([
      'state.json',
      `state.json.lock.${process.ppid}.tmp`,
    ]);
  });

  it('ends a write well when its lock went meanwhile, and leaves a lock that is not its own', () => {
    const file = join(tempDir(), 'state.json');
    const store = createFileStateStore(file);
    // Removed by another process (ours was judged stale while we were paused)...
    store.update((state) => {
      rmSync(`${file}.lock`);
      state.licences.a = licence;
    });
    // ...or removed and taken by it: its lock is not ours to remove.
    const other = `${process.ppid}@${hostname()}`;
    store.update((state) => {
      rmSync(`${file}.lock`);
      writeFileSync(`${file}.lock`, other);
      state.licences.b = licence;
    });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(other);
    expect(Object.keys(store.load().licences).sort()).toEqual(['a', 'b']);
  });

  it('waits for, and then gives up on, a fresh lock held by a live process', () => {
    const file = join(tempDir(), 'state.json');
    const store = createFileStateStore(file);
    const first = store.load();
    // Our parent is alive: its lock must be respected, however long the wait.
    writeFileSync(`${file}.lock`, `${process.ppid}@${hostname()}`);
    const started = Date.now();
    expect(() => store.update(() => undefined)).toThrow(
      expect.objectContaining({
        code: 'storage',
        message: expect.stringMatching(/holds the lock/),
      }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(existsSync(`${file}.lock`)).toBe(true);
    expect(store.load()).toEqual(first);
  }, 15_000);

  it('writes its owner into the lock while it holds it', () => {
    const file = join(tempDir(), 'state.json');
    let seen = '';
    createFileStateStore(file).update(() => void (seen = readFileSync(`${file}.lock`, 'utf8')));
    expect(seen).toBe(`${process.pid}@${hostname()}`);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('writes atomically with owner-only permissions and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'state.json');
    createFileStateStore(file).update(() => undefined);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('hands out copies: changing a loaded state does not change the store', () => {
    const store = createFileStateStore(join(tempDir(), 'state.json'));
    store.load().licences.seats = licence;
    expect(store.load().licences).toEqual({});
  });

  it.each(DAMAGED)('quarantines a damaged file (%s) and starts empty', (_label, content) => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, content);
    const store = createFileStateStore(file, () => 42);
    expect(store.recovery).toBeUndefined();
    expect(store.load().licences).toEqual({});
    // Kept for support byte for byte, and said so with the place it went to.
    expect(readFileSync(`${file}.corrupt-42`)).toEqual(Buffer.from(content));
    expect(store.recovery?.message).toContain('damaged');
    expect(store.recovery?.message).toContain(`${file}.corrupt-42`);
    expect(store.recovery?.message).toMatch(/re-checked with the server\. .*contact support/);
    // Never silently replaced: the fresh document is a new file beside the one kept aside.
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.corrupt-42']);
  });

  it('keeps both copies of two damages in the same millisecond (a frozen clock)', () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const [first, second] = [Buffer.from(DAMAGED[0][1]), Buffer.from(DAMAGED[1][1])];
    writeFileSync(file, first);
    createFileStateStore(file, () => 42).load();
    writeFileSync(file, second);
    const store = createFileStateStore(file, () => 42);
    store.load();
    expect(readFileSync(`${file}.corrupt-42`)).toEqual(first);
    expect(readFileSync(`${file}.corrupt-42-1`)).toEqual(second);
    expect(store.recovery?.message).toContain(`moved to ${file}.corrupt-42-1.`);
  });

  it('does not move aside a good document another process wrote after the damage was seen', () => {
    const dir = tempDir();
    const file = join(dir, 'doc.json');
    writeFileSync(file, '{"n":"damaged"}');
    // The schema check is the moment between our read and our rename: another process uses it
    // to quarantine the damaged file and write a fresh, good one.
    let raced = false;
    const schema = z.custom<{ n: number }>((value) => {
      const good = typeof (value as { n?: unknown }).n === 'number';
      if (!good && !raced) {
        raced = true;
        writeFileSync(file, '{"n":1}');
      }
      return good;
    });
    const json = createLockedJsonFile({ file, schema, what: 'test document', afterRecovery: '' });
    expect(json.read()).toEqual({ n: 1 });
    expect(json.recovery).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['doc.json']);
  });

  it('an undamaged file is never quarantined or reported', () => {
    const file = join(tempDir(), 'state.json');
    createFileStateStore(file).update((state) => void (state.licences.seats = licence));
    const again = createFileStateStore(file);
    expect(again.load().licences.seats).toEqual(licence);
    expect(again.recovery).toBeUndefined();
  });

  it('reports a write it cannot make as a storage error and keeps the old file', () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const first = createFileStateStore(file).load();
    const blocker = join(dir, 'blocked');
    writeFileSync(blocker, 'a file where a folder should be');
    const blocked = createFileStateStore(join(blocker, 'state.json'));
    expect(() => blocked.update(() => undefined)).toThrow(
      expect.objectContaining({ code: 'storage' }),
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });
});

describe('hub inventory file', () => {
  const tempDir = useTempDir();

  it.each(DAMAGED)('quarantines a damaged inventory (%s) and starts empty', (_label, content) => {
    const dir = tempDir();
    const file = join(dir, 'hubs.json');
    writeFileSync(file, content);
    const store = createHubStore(file, () => 42);
    expect(store.records()).toEqual([]);
    expect(readFileSync(`${file}.corrupt-42`)).toEqual(Buffer.from(content));
    expect(store.recovery?.message).toContain(`${file}.corrupt-42`);
    expect(store.recovery?.message).toMatch(/hub inventory was damaged.*import them from a CSV/);
    // The first edit writes a new inventory; the damaged one stays aside.
    store.mutate((document) => void (document.hubs = hubsVersion(1).hubs));
    expect(readdirSync(dir).sort()).toEqual(['hubs.json', 'hubs.json.corrupt-42']);
    expect(createHubStore(file, () => 43).records()).toEqual(hubsVersion(1).hubs);
  });

  it('a record of the wrong shape inside valid JSON is damage too, not silently dropped', () => {
    const dir = tempDir();
    const file = join(dir, 'hubs.json');
    const content = JSON.stringify({ version: 1, hubs: [{ ...hubsVersion(0).hubs[0], port: 0 }] });
    writeFileSync(file, content);
    const store = createHubStore(file, () => 7);
    expect(store.records()).toEqual([]);
    expect(store.recovery?.message).toMatch(/unexpected content/);
    expect(readFileSync(`${file}.corrupt-7`, 'utf8')).toBe(content);
  });
});
