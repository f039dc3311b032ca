import { randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';
import { createKeyringSecretStore } from '../../src/main/store/keyring-secret-store';

/** The OS keyring must be reachable here; `npm test` provides one on Linux (D-Bus + GNOME Keyring). */
async function keyringReachable(): Promise<string | undefined> {
  try {
    const probe = new AsyncEntry('license-manager:probe', randomUUID());
    await probe.setPassword('probe');
    await probe.deletePassword();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const unreachable = await keyringReachable();
if (unreachable) console.log(`keyring tests skipped: no OS keyring reachable (${unreachable}). Run them through \`npm test\`, which starts one on Linux.`);

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
