import { basename, dirname } from 'node:path';
import { createSealedFileSecretStore } from '../store/sealed-file-secret-store';
import { createSecretBundle } from '../store/secret-bundle';
import type { SecretStore } from '../store/secret-store';

/**
 * Where a fleet's thousands of hub secrets live: one sealed file beside the inventory, whose key
 * is in the keychain (`keys`), written in bursts. Thousands of keychain items would make a fleet
 * refresh crawl.
 */
export const openHubSecrets = (inventoryFile: string, keys: SecretStore): SecretStore =>
  createSecretBundle(
    createSealedFileSecretStore({ dir: dirname(inventoryFile), keys }),
    `${basename(inventoryFile, '.json')}-secrets`,
  );
