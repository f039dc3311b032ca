import { describe, expect, it } from 'vitest';
import {
  createSafeStorageSecretStore,
  type CiphertextStore,
  type SafeStorageLike,
} from '../../src/main/store/safe-storage-secret-store';

/**
 * A stand-in for Electron's safeStorage: reversible, but never the plaintext. As Electron does,
 * basic_text reports no encryption until told to use its hard-coded key (electron#38873).
 */
const fakeSafeStorage = (
  backend: string,
  available = true,
): SafeStorageLike & { broken: boolean } => {
  let plainText = false;
  const fake = {
    broken: false,
    isEncryptionAvailable: () => available && (backend !== 'basic_text' || plainText),
    setUsePlainTextEncryption: (usePlainText: boolean) => void (plainText = usePlainText),
    encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (encrypted: Buffer) => {
      if (fake.broken)
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString',
        );
      return Buffer.from(encrypted.toString().slice(4), 'hex').toString();
    },
    getSelectedStorageBackend: () => backend,
  };
  return fake;
};

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
    const store = createSafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), ciphertexts, {
      platform: 'linux',
      allowWeak: false,
    });
    await store.set('seat-token:seats', 'fltk_secret123456');
    expect(JSON.stringify([...ciphertexts.all])).not.toContain('fltk_secret123456');
    expect(await store.get('seat-token:seats')).toBe('fltk_secret123456');
    expect(store.protected).toBe(true);
    await store.delete('seat-token:seats');
    expect(await store.get('seat-token:seats')).toBeUndefined();
  });

  it('refuses Linux basic_text unless the vendor allows it, and says why', async () => {
    const untouched = fakeSafeStorage('basic_text');
    const refusing = createSafeStorageSecretStore(untouched, memoryCiphertexts(), {
      platform: 'linux',
      allowWeak: false,
    });
    // Without the vendor's permission, Electron is never told to use its hard-coded key.
    expect(untouched.isEncryptionAvailable()).toBe(false);
    expect(refusing.protected).toBe(false);
    expect(refusing.warning).toMatch(/basic_text/);
    await expect(refusing.set('k', 'v')).rejects.toMatchObject({ code: 'secret_store' });

    const allowed = createSafeStorageSecretStore(
      fakeSafeStorage('basic_text'),
      memoryCiphertexts(),
      { platform: 'linux', allowWeak: true },
    );
    await allowed.set('k', 'v');
    expect(await allowed.get('k')).toBe('v');
    expect(allowed.protected).toBe(false);
  });

  it('does not treat macOS or Windows as weak', () => {
    const mac = createSafeStorageSecretStore(fakeSafeStorage('unknown'), memoryCiphertexts(), {
      platform: 'darwin',
      allowWeak: false,
    });
    expect(mac.backend).toBe('keychain');
    expect(mac.protected).toBe(true);
  });

  it('drops a secret that can no longer be decrypted and asks to activate again', async () => {
    const safe = fakeSafeStorage('kwallet5');
    const ciphertexts = memoryCiphertexts();
    const store = createSafeStorageSecretStore(safe, ciphertexts, {
      platform: 'linux',
      allowWeak: false,
    });
    await store.set('licence-key:seats', 'ABCDE-12345');
    safe.broken = true;
    await expect(store.get('licence-key:seats')).rejects.toMatchObject({
      code: 'secret_store',
      message: expect.stringMatching(/activate again/),
    });
    expect(ciphertexts.all.has('licence-key:seats')).toBe(false);
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const store = createSafeStorageSecretStore(
      fakeSafeStorage('gnome_libsecret', false),
      memoryCiphertexts(),
      { platform: 'linux', allowWeak: true },
    );
    await expect(store.set('k', 'v')).rejects.toMatchObject({ code: 'secret_store' });
  });
});
