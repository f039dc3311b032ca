import { describe, expect, it } from 'vitest';
import {
  createSafeStorageSecretStore,
  type CiphertextStore,
  type SafeStorageLike,
} from '../../src/main/store/safe-storage-secret-store';
import { UndecryptableSecretError } from '../../src/main/store/secret-store';

/**
 * A stand-in for Electron's asynchronous safeStorage: reversible, but never the plaintext. As
 * Electron does, basic_text reports no encryption until told to use its hard-coded key
 * (electron#38873), and a ciphertext under an older key decrypts but asks to be encrypted again.
 */
const fakeSafeStorage = (backend: string, available = true) => {
  let plainText = false;
  const fake = {
    /** The current key; ciphertexts name the key they were made with. */
    key: 'k1',
    /** How many decryptions fail from now on (a keyring still locked, or replaced). */
    failingDecrypts: 0,
    failingEncrypts: false,
    isAsyncEncryptionAvailable: async () => available && (backend !== 'basic_text' || plainText),
    setUsePlainTextEncryption: (usePlainText: boolean) => void (plainText = usePlainText),
    encryptStringAsync: async (plain: string) => {
      if (fake.failingEncrypts) throw new Error('Encryption failed');
      return Buffer.from(`${fake.key}:${Buffer.from(plain).toString('hex')}`);
    },
    decryptStringAsync: async (encrypted: Buffer) => {
      if (fake.failingDecrypts > 0) {
        fake.failingDecrypts--;
        throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      }
      const [key, hex = ''] = encrypted.toString().split(':');
      return { shouldReEncrypt: key !== fake.key, result: Buffer.from(hex, 'hex').toString() };
    },
    getSelectedStorageBackend: () => backend,
  };
  return fake satisfies SafeStorageLike;
};

/** Which key of the stand-in made a stored (base64) ciphertext. */
const keyOf = (stored = '') => Buffer.from(stored, 'base64').toString().split(':')[0];

const memoryCiphertexts = (): CiphertextStore & { all: Map<string, string> } => {
  const all = new Map<string, string>();
  return {
    all,
    get: (name) => all.get(name),
    set: (name, value) => void all.set(name, value),
    delete: (name) => void all.delete(name),
  };
};

describe('safeStorage secret store', () => {
  it('keeps only ciphertext: the secret never appears in what is stored', async () => {
    const ciphertexts = memoryCiphertexts();
    const store = await createSafeStorageSecretStore(
      fakeSafeStorage('gnome_libsecret'),
      ciphertexts,
      { platform: 'linux', allowWeak: false },
    );
    await store.set('seat-token:seats', 'fltk_secret123456');
    expect(JSON.stringify([...ciphertexts.all])).not.toContain('fltk_secret123456');
    expect(await store.get('seat-token:seats')).toBe('fltk_secret123456');
    expect(store.protected).toBe(true);
    await store.delete('seat-token:seats');
    expect(await store.get('seat-token:seats')).toBeUndefined();
  });

  it('refuses Linux basic_text unless the vendor allows it, and says why', async () => {
    const untouched = fakeSafeStorage('basic_text');
    const refusing = await createSafeStorageSecretStore(untouched, memoryCiphertexts(), {
      platform: 'linux',
      allowWeak: false,
    });
    // Without the vendor's permission, Electron is never told to use its hard-coded key.
    expect(await untouched.isAsyncEncryptionAvailable()).toBe(false);
    expect(refusing.protected).toBe(false);
    expect(refusing.warning).toMatch(/basic_text/);
    await expect(refusing.set('k', 'v')).rejects.toMatchObject({ code: 'secret_store' });

    const allowed = await createSafeStorageSecretStore(
      fakeSafeStorage('basic_text'),
      memoryCiphertexts(),
      { platform: 'linux', allowWeak: true },
    );
    await allowed.set('k', 'v');
    expect(await allowed.get('k')).toBe('v');
    expect(allowed.protected).toBe(false);
  });

  it('does not treat macOS or Windows as weak', async () => {
    const mac = await createSafeStorageSecretStore(
      fakeSafeStorage('unknown'),
      memoryCiphertexts(),
      {
        platform: 'darwin',
        allowWeak: false,
      },
    );
    expect(mac.backend).toBe('keychain');
    expect(mac.protected).toBe(true);
  });

  it('keeps a secret it cannot decrypt, and reads it once the keyring can', async () => {
    const safe = fakeSafeStorage('kwallet5');
    const ciphertexts = memoryCiphertexts();
    const store = await createSafeStorageSecretStore(safe, ciphertexts, {
      platform: 'linux',
      allowWeak: false,
    });
    await store.set('licence-key:seats', 'ABCDE-12345');
    const sealed = ciphertexts.all.get('licence-key:seats');
    safe.failingDecrypts = 1; // the keyring is still locked at login
    const failed = store.get('licence-key:seats');
    await expect(failed).rejects.toMatchObject({
      code: 'secret_store',
      message: expect.stringMatching(/was kept; unlock the keyring and try again/),
    });
    // Told apart from a keyring that cannot be used: deactivating may go on without this one.
    await expect(failed).rejects.toBeInstanceOf(UndecryptableSecretError);
    expect(ciphertexts.all.get('licence-key:seats')).toBe(sealed);
    expect(await store.get('licence-key:seats')).toBe('ABCDE-12345');
  });

  it('stores a secret again under a rotated key, and a failure to do so fails no read', async () => {
    const safe = fakeSafeStorage('gnome_libsecret');
    const ciphertexts = memoryCiphertexts();
    const store = await createSafeStorageSecretStore(safe, ciphertexts, {
      platform: 'linux',
      allowWeak: false,
    });
    await store.set('licence-key:seats', 'ABCDE-12345');
    safe.key = 'k2';
    safe.failingEncrypts = true;
    expect(await store.get('licence-key:seats')).toBe('ABCDE-12345');
    expect(keyOf(ciphertexts.all.get('licence-key:seats'))).toBe('k1');

    safe.failingEncrypts = false;
    expect(await store.get('licence-key:seats')).toBe('ABCDE-12345');
    expect(keyOf(ciphertexts.all.get('licence-key:seats'))).toBe('k2');
  });

  it('does not let a re-encryption overwrite a secret set meanwhile', async () => {
    const safe = fakeSafeStorage('gnome_libsecret');
    const ciphertexts = memoryCiphertexts();
    const store = await createSafeStorageSecretStore(safe, ciphertexts, {
      platform: 'linux',
      allowWeak: false,
    });
    await store.set('seat-token:seats', 'old-token');
    safe.key = 'k2';
    const reading = store.get('seat-token:seats');
    await store.set('seat-token:seats', 'new-token');
    expect(await reading).toBe('old-token');
    expect(await store.get('seat-token:seats')).toBe('new-token');
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const store = await createSafeStorageSecretStore(
      fakeSafeStorage('gnome_libsecret', false),
      memoryCiphertexts(),
      { platform: 'linux', allowWeak: true },
    );
    await expect(store.set('k', 'v')).rejects.toMatchObject({ code: 'secret_store' });
  });
});
