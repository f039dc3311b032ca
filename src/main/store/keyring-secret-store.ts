import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { inEnglish } from '../../shared/texts/english';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';
import type { SecretStore } from './secret-store';

const UNAVAILABLE = store.keyringUnavailable();

/**
 * Secrets in the OS keyring (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
 * for the CLI and the browser host. Entries are namespaced by product and data folder so two
 * installations (or two test runs) never read each other's secrets. Opening probes the keyring
 * once, so the UI can say up front that secrets cannot be kept instead of failing on first use.
 */
export async function openKeyringSecretStore(
  productId: string,
  dataDir: string,
): Promise<SecretStore> {
  const service = `license-manager:${productId}`;
  const scope = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const entry = (name: string) => new AsyncEntry(service, `${scope}:${name}`);
  const guard = async <T>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (cause) {
      throw new LicensingError('secret_store', UNAVAILABLE, { cause });
    }
  };
  const usable = await guard(async () => {
    const probe = entry(`probe-${randomUUID()}`);
    await probe.setPassword('probe');
    await probe.deletePassword();
    return true;
  }).catch(() => false);

  return {
    backend: 'os-keyring',
    protected: usable,
    ...(usable ? {} : { warning: inEnglish(UNAVAILABLE), warningText: UNAVAILABLE }),
    get: (name) => guard(async () => (await entry(name).getPassword()) ?? undefined),
    set: (name, value) => guard(() => entry(name).setPassword(value)),
    delete: (name) => guard(async () => void (await entry(name).deletePassword())),
  };
}
