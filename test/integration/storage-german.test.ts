import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createSafeStorageSecretStore } from '../../src/main/store/safe-storage-secret-store';
import { createSecretBundle } from '../../src/main/store/secret-bundle';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { basicTextSafeStorage } from '../support/every-backend';
import { inGerman } from '../support/in-german';
import { refusalOf } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/**
 * What this computer's stores refuse, said in German on a German screen: a weak keychain, a file
 * that cannot be read, a keychain entry that holds no bundle. The English (CLI, log) stays as it
 * was; the screens receive texts beside it. The warnings at start are in storage-warnings.
 */

describe("this computer's stores, in German", () => {
  const tempDir = useTempDir();
  it('a keyring that only obfuscates (basic_text): the warning and the refusal', async () => {
    const weak = await createSafeStorageSecretStore(
      basicTextSafeStorage(),
      { get: () => undefined, set: () => undefined, delete: () => undefined },
      { platform: 'linux', allowWeak: false },
    );
    expect(inGerman(weak.warningText)).toMatch(
      /^Es wurde kein Schlüsselbund des Betriebssystems gefunden, daher schützt Electron vertrauliche Daten mit einem eingebauten Schlüssel \(basic_text\)/,
    );
    const refused = await refusalOf(() => weak.set('licence-key:seats', 'KEY-1'));
    expect(refused.code).toBe('secret_store');
    expect(inGerman(refused)).toMatch(
      / Ihr Anbieter erlaubt nicht, Lizenzen auf diese Weise zu speichern\.$/,
    );
  });

  it('a state file that cannot be read names the file and what to check', async () => {
    const file = join(tempDir(), 'state.json');
    mkdirSync(file); // a folder where the file should be: reading it fails with EISDIR
    const refused = await refusalOf(() => createFileStateStore(file).load());
    expect(refused.code).toBe('storage');
    expect(refused.message).toBe(
      `The licence state in ${file} could not be read (EISDIR). Check free disk space and permissions.`,
    );
    expect(inGerman(refused)).toBe(
      `Der gespeicherte Lizenzstatus in ${file} konnte nicht gelesen werden (EISDIR). Prüfen Sie den freien Speicherplatz und die Zugriffsrechte.`,
    );
  });

  it('a keychain entry that holds no bundle is named in German', async () => {
    const keychain = createMemorySecretStore();
    await keychain.set('hub-secrets', 'not a bundle');
    const refused = await refusalOf(() => createSecretBundle(keychain, 'hub-secrets').get('x'));
    expect(refused.message).toMatch(/^The secrets kept in the OS keychain entry "hub-secrets"/);
    expect(inGerman(refused)).toBe(
      'Die im Schlüsselbund-Eintrag „hub-secrets“ aufbewahrten vertraulichen Daten sind beschädigt (kein gültiges JSON); sie wurden unverändert gelassen. Entfernen Sie den Schlüsselbund-Eintrag „hub-secrets“, um neu zu beginnen (die Passwörter der Hubs müssen dann erneut eingegeben werden).',
    );
  });
});
