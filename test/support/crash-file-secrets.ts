import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../../src/main/store/secret-store';

/**
 * A fake SecretStore kept in a JSON file, so secrets outlive a killed process the way the OS
 * keyring's do: the crash and quit tests restart an installation from its data folder. Nothing is
 * protected; tests only. Written to a temp file and renamed, so a kill never tears it.
 */
export function createFileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (entries: Record<string, string>): void => {
    writeFileSync(`${file}.tmp`, JSON.stringify(entries));
    renameSync(`${file}.tmp`, file);
  };
  return {
    backend: 'test-file',
    protected: true,
    get: async (name) => read()[name],
    set: async (name, value) => write({ ...read(), [name]: value }),
    delete: async (name) => {
      const { [name]: _removed, ...rest } = read();
      write(rest);
    },
  };
}
