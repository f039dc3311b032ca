import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKeyringSecretStore } from '../../src/main/store/keyring-secret-store';
import { keyringUnavailable } from '../support/keyring';

const unreachable = await keyringUnavailable();
if (unreachable) console.log(`keyring tests skipped: ${unreachable}.`);
else
  console.log(
    'keyring-missing test skipped: a working OS keyring is reachable here, so its absence cannot be shown.',
  );

describe.skipIf(unreachable !== undefined)('OS keyring secret store', () => {
  it('stores, reads and deletes a secret in the OS keyring', async () => {
    const store = await openKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    expect(store.protected).toBe(true);
    expect(await store.get('seat-token:seats')).toBeUndefined();
    await store.set('seat-token:seats', 'fltk_abcdef123456');
    expect(await store.get('seat-token:seats')).toBe('fltk_abcdef123456');
    await store.delete('seat-token:seats');
    expect(await store.get('seat-token:seats')).toBeUndefined();
  });

  it('keeps two data folders apart', async () => {
    const a = await openKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    const b = await openKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    await a.set('licence-key:seats', 'KEY-A');
    expect(await b.get('licence-key:seats')).toBeUndefined();
    await a.delete('licence-key:seats');
  });
});

describe.skipIf(unreachable === undefined)('OS keyring secret store without a keyring', () => {
  it('says up front that secrets cannot be kept, and refuses to store them', async () => {
    const store = await openKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    expect(store.protected).toBe(false);
    expect(store.warning).toMatch(/keyring is not available/);
    await expect(store.set('k', 'v')).rejects.toMatchObject({ code: 'secret_store' });
  });
});
