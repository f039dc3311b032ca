import type { Text, Wording } from '../../shared/text';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';

/**
 * Where secrets live: licence keys, seat tokens, activation tokens. Never in the state file, never
 * in the renderer. The app backs this with Electron's safeStorage, the CLI and the browser host
 * with the OS keyring, tests with an in-memory fake.
 */
export interface SecretStore {
  /** Short name of the mechanism, e.g. "gnome-libsecret", "keychain", "os-keyring". */
  readonly backend: string;
  /** False when secrets are only obfuscated on this machine (e.g. Linux `basic_text`). */
  readonly protected: boolean;
  /** Why secrets are not safe here (English, for the CLI and the log), and as a text. */
  readonly warning?: string;
  readonly warningText?: Text;
  /**
   * Stores kept in files: what they found damaged and moved aside, for the UI to say so (read on
   * every call, like the state's `recovery`). Keychain-backed stores have nothing to say here.
   */
  readonly recoveries?: readonly Wording[];
  /** Where the entry `name` is kept, for messages that tell what to remove; absent: the keychain. */
  locate?(name: string): string;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Writes what is still waiting to be written (a bundle gathering a burst), before a quit. */
  flush?(): Promise<void>;
}

/**
 * A stored secret this computer can no longer decrypt: its keyring was replaced, or the profile
 * copied from another user. Unlike a keyring that is locked or missing (a plain 'secret_store'
 * error), nothing will bring it back: deactivating is the way out (licence-service.ts).
 */
export class UndecryptableSecretError extends LicensingError {
  constructor(cause: unknown) {
    super('secret_store', store.cannotDecrypt(), { cause });
  }
}

/** For tests and for the in-process sandbox demo: secrets that vanish with the process. */
export function createMemorySecretStore(): SecretStore & {
  readonly entries: ReadonlyMap<string, string>;
} {
  const entries = new Map<string, string>();
  return {
    backend: 'memory',
    protected: true,
    entries,
    get: async (name) => entries.get(name),
    set: async (name, value) => void entries.set(name, value),
    delete: async (name) => void entries.delete(name),
  };
}
