import { inEnglish } from '../../shared/texts/english';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';
import type { SecretStore } from './secret-store';

/** The part of Electron's safeStorage we use; injected so this file never loads Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' | 'gnome_libsecret' | 'kwallet*' | 'unknown'. */
  getSelectedStorageBackend?(): string;
  /** Linux only: lets basic_text encrypt with its hard-coded key (until then it reports none). */
  setUsePlainTextEncryption?(usePlainText: boolean): void;
}

/** Where the ciphertexts are kept (electron-store in the app): base64 strings by name. */
export interface CiphertextStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

const WEAK_WARNING = store.weakKeyring();

/**
 * Secrets encrypted with safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux), ciphertext kept beside the non-secret state. On Linux without a keyring,
 * Electron silently uses a hard-coded key: that is refused unless the vendor allowed it.
 */
export function createSafeStorageSecretStore(
  safeStorage: SafeStorageLike,
  ciphertexts: CiphertextStore,
  options: { platform: NodeJS.Platform; allowWeak: boolean },
): SecretStore {
  const backend =
    options.platform === 'linux'
      ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown')
      : options.platform === 'darwin'
        ? 'keychain'
        : 'dpapi';
  const weak = options.platform === 'linux' && WEAK_BACKENDS.has(backend);
  // Electron says encryption is unavailable on basic_text until it is told to use the hard-coded
  // key, so the vendor's permission has to be passed on before asking.
  if (weak && options.allowWeak) safeStorage.setUsePlainTextEncryption?.(true);
  const usable = safeStorage.isEncryptionAvailable() && (!weak || options.allowWeak);

  const refuse = (): never => {
    throw new LicensingError(
      'secret_store',
      weak ? store.weakKeyringRefused() : store.secureStorageUnavailable(),
    );
  };

  return {
    backend,
    protected: usable && !weak,
    ...(weak ? { warning: inEnglish(WEAK_WARNING), warningText: WEAK_WARNING } : {}),
    async get(name) {
      const stored = ciphertexts.get(name);
      if (stored === undefined) return undefined;
      if (!usable) refuse();
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch (cause) {
        // Keyring changed, profile copied to another user: the secret is gone, not the app.
        ciphertexts.delete(name);
        throw new LicensingError('secret_store', store.cannotDecrypt(), { cause });
      }
    },
    async set(name, value) {
      if (!usable) refuse();
      ciphertexts.set(name, safeStorage.encryptString(value).toString('base64'));
    },
    async delete(name) {
      ciphertexts.delete(name);
    },
  };
}
