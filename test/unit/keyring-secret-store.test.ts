import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyringSecretStore } from '../../src/main/store/keyring-secret-store';
import { keyringUnavailable } from '../support/keyring';

const unreachable = await keyringUnavailable();
if (unreachable) console.log(`keyring tests skipped: ${unreachable}.`);

describe.skipIf(unreachable !== undefined)('OS keyring secret store', () => {
  it('stores, reads and deletes a secret in the OS keyring', async () => {
    const store = createKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    expect(await store.get('seat-token:seats')).toBeUndefined();
    await store.set('seat-token:seats', 'fltk_abcdef123456');
    expect(await store.get('seat-token:seats')).toBe('fltk_abcdef123456');
    await store.delete('seat-token:seats');
    expect(await store.get('seat-token:seats')).toBeUndefined();
  });

  it('keeps two data folders apart', async () => {
    const a = createKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    const b = createKeyringSecretStore('test-product', `/tmp/${randomUUID()}`);
    await a.set('licence-key:seats', 'KEY-A');
    expect(await b.get('licence-key:seats')).toBeUndefined();
    await a.delete('licence-key:seats');
  });
});
