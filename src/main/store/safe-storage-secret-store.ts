import { inEnglish } from '../../shared/texts/english';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';
import { UndecryptableSecretError, type SecretStore } from './secret-store';

/**
 * The part of Electron's safeStorage we use; injected so this file never loads Electron. Only the
 * asynchronous API: the synchronous one logs a deprecation warning in Electron 45 (which would
 * break `--cli ... --quiet`) and is gone in 46. Both read the same ciphertext.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the key was rotated, so the secret should be encrypted and stored again. */
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
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
 * Electron silently uses a hard-coded key: that is refused unless the vendor allowed it. Opened
 * once the app is ready: whether encryption is available is asked then, once.
 */
export async function createSafeStorageSecretStore(
  safeStorage: SafeStorageLike,
  ciphertexts: CiphertextStore,
  options: { platform: NodeJS.Platform; allowWeak: boolean },
): Promise<SecretStore> {
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
  const usable = (!weak || options.allowWeak) && (await safeStorage.isAsyncEncryptionAvailable());

  const refuse = (): never => {
    throw new LicensingError(
      'secret_store',
      weak ? store.weakKeyringRefused() : store.secureStorageUnavailable(),
    );
  };
  const encrypt = async (value: string) =>
    (await safeStorage.encryptStringAsync(value)).toString('base64');

  /** The key was rotated: store the secret again under the new one. */
  const reEncrypt = async (name: string, stored: string, value: string) => {
    try {
      const renewed = await encrypt(value);
      // A `set` or `delete` that came in meanwhile is newer: theirs stays.
      if (ciphertexts.get(name) === stored) ciphertexts.set(name, renewed);
    } catch {
      // Best effort: the old ciphertext still decrypts, and the next read tries again.
    }
  };

  return {
    backend,
    protected: usable && !weak,
    ...(weak ? { warning: inEnglish(WEAK_WARNING), warningText: WEAK_WARNING } : {}),
    async get(name) {
      const stored = ciphertexts.get(name);
      if (stored === undefined) return undefined;
      if (!usable) refuse();
      // A failure keeps the ciphertext: the keyring may still be locked (the app starts at
      // login), and a licence must not be lost to that. A later `set` overwrites it.
      const { result, shouldReEncrypt } = await safeStorage
        .decryptStringAsync(Buffer.from(stored, 'base64'))
        .catch((cause: unknown) => {
          throw new UndecryptableSecretError(cause);
        });
      if (shouldReEncrypt) await reEncrypt(name, stored, result);
      return result;
    },
    async set(name, value) {
      if (!usable) refuse();
      ciphertexts.set(name, await encrypt(value));
    },
    async delete(name) {
      ciphertexts.delete(name);
    },
  };
}
