import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { PersistedState } from '../../src/main/store/persisted-state';
import { useTempDir } from '../support/temp-dir';

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

  it.each([
    ['truncated JSON', '{"version":1,"clientId":'],
    ['garbage', '\u0000\u0001binary'],
    ['wrong shape', JSON.stringify({ version: 2, licences: [] })],
  ])('quarantines a damaged file (%s) and starts empty', (_label, content) => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, content);
    const store = createFileStateStore(file, () => 42);
    expect(store.load().licences).toEqual({});
    expect(store.recovery).toMatch(/damaged/);
    expect(readFileSync(`${file}.corrupt-42`, 'utf8')).toBe(content);
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
