import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyState } from '../../src/main/store/persisted-state';
import { useTempDir } from '../support/temp-dir';

// electron-store runs outside Electron when given an absolute cwd; it only needs the module to load.
vi.mock('electron', () => ({ default: {} }));
const { createElectronStores } = await import('../../src/main/shell/electron-stores');

describe('electron-store backed stores (the app)', () => {
  const tempDir = useTempDir();

  it('round-trips the state and the ciphertexts across restarts', () => {
    const dir = tempDir();
    const first = createElectronStores(dir);
    const state = first.state.update((current) => Object.assign(current, emptyState()));
    first.ciphertexts.set('seat-token:seats', 'ZW5jcnlwdGVk');
    const again = createElectronStores(dir);
    expect(again.state.load()).toEqual(state);
    expect(again.ciphertexts.get('seat-token:seats')).toBe('ZW5jcnlwdGVk');
    again.ciphertexts.delete('seat-token:seats');
    expect(createElectronStores(dir).ciphertexts.get('seat-token:seats')).toBeUndefined();
  });

  /** The one file moved aside, byte for byte. */
  const keptAside = (dir: string): Buffer | undefined => {
    const aside = readdirSync(dir).filter((name) => name.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    return aside[0] === undefined ? undefined : readFileSync(join(dir, aside[0]));
  };

  it.each([
    ['truncated JSON', '{"state":{"version":1,"clientId":'],
    ['garbage', '\u0000\u0001binary\uFFFD'],
    ['an empty file', ''],
    ['a state of the wrong shape', JSON.stringify({ state: { version: 1, licences: [] } })],
    ['a state that is null', JSON.stringify({ state: null })],
  ])(
    'starts with %s moved aside and reported, instead of crashing (electron-store would throw)',
    (_label, content) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'state.json'), content);
      const stores = createElectronStores(dir);
      expect(stores.state.recovery?.message).toMatch(
        /damaged .* moved to .*state\.json\.corrupt-\d+/,
      );
      expect(stores.state.load().licences).toEqual({});
      expect(keptAside(dir)).toEqual(Buffer.from(content));
      stores.state.update(() => undefined);
      expect(existsSync(join(dir, 'state.json'))).toBe(true);
      // Reported once, by the start that found the damage; the next start finds a good file.
      expect(createElectronStores(dir).state.recovery).toBeUndefined();
    },
  );

  // conf reads a root that is not an object as an empty store, and keeps a `secrets` entry of any
  // shape, and its next write replaces either: the raw file is judged before conf sees it.
  it.each([
    ['a root that is null', 'null'],
    ['a root that is an array', '[]'],
    ['a root that is a number', '5'],
    ['ciphertexts of the wrong shape', JSON.stringify({ secrets: 5 })],
    ['a ciphertext that is not a string', JSON.stringify({ secrets: { 'licence-key:seats': 1 } })],
  ])('moves %s aside too', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), content);
    const stores = createElectronStores(dir);
    stores.ciphertexts.set('seat-token:seats', 'ZW5jcnlwdGVk');
    expect(stores.state.recovery?.message).toMatch(/damaged \(unexpected content\)/);
    expect(keptAside(dir)).toEqual(Buffer.from(content));
    expect(createElectronStores(dir).ciphertexts.get('seat-token:seats')).toBe('ZW5jcnlwdGVk');
  });

  it("says what to expect now and what to do, like the CLI's stores", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), '{"state":');
    const recovery = createElectronStores(dir).state.recovery?.message;
    expect(recovery).toMatch(/Activations will be re-checked with the server\./);
    expect(recovery).toMatch(/contact support and send it to them/);
  });

  it('removes the temp files a crash mid-write left, and nothing else', () => {
    const dir = tempDir();
    createElectronStores(dir).state.load();
    const leftovers = ['state.json.tmp-1764000000a1b2c3', 'state.json.tmp-0000000001ffffff'];
    const kept = [
      'state.json.corrupt-42',
      'state.json.tmp-notours',
      'other.json.tmp-1764000000a1b2c3',
    ];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(dir, name), '{"state":');
    const stores = createElectronStores(dir);
    expect(readdirSync(dir).sort()).toEqual([...kept, 'state.json'].sort());
    // A leftover is no damage: the good file is read as it is.
    expect(stores.state.recovery).toBeUndefined();
  });

  it('moves a state of the wrong shape aside (a downgrade), keeping the ciphertexts', () => {
    const dir = tempDir();
    const content = JSON.stringify({
      state: { version: 99 },
      secrets: { 'licence-key:seats': 'Y2lwaGVy' },
    });
    writeFileSync(join(dir, 'state.json'), content);
    const stores = createElectronStores(dir);
    expect(stores.state.load().licences).toEqual({});
    expect(stores.state.recovery?.message).toMatch(/unexpected content/);
    expect(keptAside(dir)?.toString('utf8')).toBe(content);
    expect(stores.ciphertexts.get('licence-key:seats')).toBe('Y2lwaGVy');
  });
});
