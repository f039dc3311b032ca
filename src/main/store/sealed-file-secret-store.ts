import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';
import { createLockedJsonFile, type LockedJsonFile } from './locked-json-file';
import type { SecretStore } from './secret-store';

const sealedSchema = z.object({
  version: z.literal(1),
  /** AES-256-GCM, base64: a fresh 12-byte nonce per write, the tag, and the ciphertext. */
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
type Sealed = z.infer<typeof sealedSchema>;

const KEY_BYTES = 32;
const SUFFIX = '.sealed.json';

/** The names of the sealed files in `dir` (none when it does not exist yet). */
const sealedFilesIn = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((entry) => entry.endsWith(SUFFIX))
      .map((entry) => entry.slice(0, -SUFFIX.length));
  } catch {
    return [];
  }
};

/**
 * Envelope encryption for large secrets: each value is sealed with AES-256-GCM in its own file
 * beside the state, under a random key that lives in the OS secret store. The keychain then holds
 * one small key instead of a fleet's worth of data (a keychain item of hundreds of kilobytes is
 * slow to write through the Secret Service), while nothing readable reaches the disk: without
 * the key from the keychain the file is noise, and a changed file fails authentication.
 *
 * A file that is no sealed document at all (torn, truncated, another version's) is moved aside
 * like the state (locked-json-file.ts) and said in `recoveries`. The files already there are
 * judged on opening, which needs no key, so the app says so at start (its banner reads the
 * warnings once) rather than at the first hub refresh, which would only find the passwords gone.
 */
export function createSealedFileSecretStore(options: {
  readonly dir: string;
  readonly keys: SecretStore;
}): SecretStore {
  const { keys } = options;
  const keyName = (name: string) => `sealing-key:${name}`;
  /** One per name for the life of the store, so a recovery it reports is kept, not dropped. */
  const files = new Map<string, LockedJsonFile<Sealed>>();
  const fileOf = (name: string): LockedJsonFile<Sealed> => {
    let file = files.get(name);
    if (!file) {
      file = createLockedJsonFile<Sealed>({
        file: join(options.dir, `${name}${SUFFIX}`),
        schema: sealedSchema,
        what: store.sealedFile({ name }),
        afterRecovery: store.sealedFileRecovered(),
      });
      files.set(name, file);
    }
    return file;
  };
  for (const entry of sealedFilesIn(options.dir)) fileOf(entry).read();

  // A key never changes once made: one keychain read per process, not one per write.
  const known = new Map<string, Buffer>();
  const keyOf = async (name: string, create: boolean): Promise<Buffer | undefined> => {
    const cached = known.get(name);
    if (cached) return cached;
    const stored = await keys.get(keyName(name));
    let key = stored ? Buffer.from(stored, 'base64') : undefined;
    if (!key && create) {
      key = randomBytes(KEY_BYTES);
      await keys.set(keyName(name), key.toString('base64'));
    }
    if (key) known.set(name, key);
    return key;
  };

  const unreadable = (name: string) =>
    new LicensingError(
      'secret_store',
      store.sealedUnreadable({ name, file: fileOf(name).location }),
    );

  return {
    backend: keys.backend,
    protected: keys.protected,
    warning: keys.warning,
    warningText: keys.warningText,
    get recoveries() {
      return [...files.values()].flatMap((file) => (file.recovery ? [file.recovery] : []));
    },
    locate: (name) => fileOf(name).location,
    async get(name) {
      const sealed = fileOf(name).read();
      if (!sealed) return undefined;
      const key = await keyOf(name, false);
      if (!key) throw unreadable(name);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        decipher.setAAD(Buffer.from(name));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([
          decipher.update(Buffer.from(sealed.data, 'base64')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw unreadable(name);
      }
    },
    async set(name, value) {
      const key = (await keyOf(name, true)) as Buffer;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name));
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      const sealed: Sealed = {
        version: 1,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      fileOf(name).update(() => sealed);
    },
    async delete(name) {
      // The file goes first: a key without a file is harmless, a file without its key is lost.
      rmSync(fileOf(name).location, { force: true });
      known.delete(name);
      await keys.delete(keyName(name));
    },
  };
}
