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

  it('starts with a damaged file moved aside instead of crashing (electron-store would throw)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), '{"state":');
    const stores = createElectronStores(dir);
    expect(stores.state.recovery).toMatch(/damaged/);
    expect(stores.state.load().licences).toEqual({});
    const aside = readdirSync(dir).find((name) => name.startsWith('state.json.corrupt-'));
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe('{"state":');
    stores.state.update(() => undefined);
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
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
    expect(stores.state.recovery).toMatch(/unexpected content/);
    const aside = readdirSync(dir).find((name) => name.startsWith('state.json.corrupt-'));
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe(content);
    expect(stores.ciphertexts.get('licence-key:seats')).toBe('Y2lwaGVy');
  });
});
