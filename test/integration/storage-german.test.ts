import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createSafeStorageSecretStore } from '../../src/main/store/safe-storage-secret-store';
import { createSecretBundle } from '../../src/main/store/secret-bundle';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { appInfoSchema } from '../../src/shared/model';
import { renderText, type Text } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import { openInstallation } from '../support/core-harness';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * What this computer keeps, said in German on a German screen: damaged files moved aside, a weak
 * or missing keychain, a fingerprint on the host name, a file that cannot be read. The English
 * (CLI, log) stays as it was; the screens receive texts beside it.
 */

const config: VendorConfig = {
  productName: 'Test product',
  productId: 'test-product',
  demo: false,
  allowWeakSecretStore: false,
  profiles: [],
};

const inGerman = (text: Text | null | undefined): string | undefined =>
  text ? renderText(text, german, germanFormats('de-DE')) : undefined;

const refusalOf = async (action: () => unknown): Promise<LicensingError> => {
  try {
    await action();
  } catch (error) {
    if (error instanceof LicensingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe("this computer's stores, in German", () => {
  const tempDir = useTempDir();
  const open = (dataDir: string, machine?: string) =>
    openInstallation({
      clock: createManualClock(Date.UTC(2026, 0, 5)),
      dataDir,
      config,
      ...(machine === undefined ? {} : { machine }),
    });
  const appInfoOverIpc = async (core: Awaited<ReturnType<typeof open>>['core']) => {
    const answer = await core.dispatch('app:info', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return appInfoSchema.parse(answer.value);
  };

  it('a damaged licence state: the warning the banner shows, in German', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'state.json'), '{"version":1,"clientId":');
    const { core } = await open(dataDir);
    try {
      const info = await appInfoOverIpc(core);
      const aside = join(
        dataDir,
        String(readdirSync(dataDir).find((name) => name.startsWith('state.json.corrupt-'))),
      );
      expect(info.storageWarnings).toEqual([
        `The saved licence state was damaged (not valid JSON) and was moved to ${aside}. Activations will be re-checked with the server. Keep that file: if anything is missing, contact support and send it to them.`,
      ]);
      expect(inGerman(info.storageWarningTexts?.[0])).toBe(
        `Der gespeicherte Lizenzstatus war beschädigt (kein gültiges JSON) und wurde nach ${aside} verschoben. Die Aktivierungen werden erneut beim Server geprüft. Bewahren Sie diese Datei auf: Fehlt etwas, wenden Sie sich an den Support und schicken Sie ihm die Datei.`,
      );
    } finally {
      await core.close();
    }
  });

  it('damaged hub secrets, and a fingerprint on the host name', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    await first.core.hubs.importCsv(
      'name,host,hid,username,password\nHub 1,hub-1.example,00A1F3,admin,correct horse\n',
    );
    await first.core.close();
    const sealed = join(dataDir, 'hubs-secrets.sealed.json');
    writeFileSync(sealed, readFileSync(sealed, 'utf8').slice(0, 40));

    const { core } = await openInstallation({
      clock: createManualClock(Date.UTC(2026, 0, 5)),
      dataDir,
      config,
      secrets: first.secrets,
      machine: '', // no machine id: the fingerprint falls back to the host name
    });
    try {
      const info = await appInfoOverIpc(core);
      expect(inGerman(info.storageWarningTexts?.[0])).toMatch(
        /^Die versiegelte Datei mit vertraulichen Daten \(hubs-secrets\) war beschädigt \(kein gültiges JSON\) und wurde nach .*hubs-secrets\.sealed\.json\.corrupt-\d+ verschoben\. Die darin aufbewahrten vertraulichen Daten \(Passwörter der Hubs\) müssen erneut eingegeben werden\./,
      );
      expect(info.fingerprint.warning).toMatch(/derived from the host name/);
      expect(inGerman(info.fingerprint.warningText)).toBe(
        'Dieser Computer hat keine dauerhafte Geräte-ID (häufig in Containern), daher wird sein Gerätefingerabdruck aus dem Hostnamen abgeleitet. Wird der Computer umbenannt, sehen Lizenzserver einen neuen Computer.',
      );
    } finally {
      await core.close();
    }
  });

  it('a keyring that only obfuscates (basic_text): the warning and the refusal', async () => {
    const weak = createSafeStorageSecretStore(
      {
        isEncryptionAvailable: () => true,
        encryptString: (plain) => Buffer.from(plain),
        decryptString: (encrypted) => encrypted.toString(),
        getSelectedStorageBackend: () => 'basic_text',
      },
      { get: () => undefined, set: () => undefined, delete: () => undefined },
      { platform: 'linux', allowWeak: false },
    );
    expect(inGerman(weak.warningText)).toMatch(
      /^Es wurde kein Schlüsselbund des Betriebssystems gefunden, daher schützt Electron vertrauliche Daten mit einem eingebauten Schlüssel \(basic_text\)/,
    );
    const refused = await refusalOf(() => weak.set('licence-key:seats', 'KEY-1'));
    expect(refused.code).toBe('secret_store');
    expect(inGerman(refused.text)).toMatch(
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
    expect(inGerman(refused.text)).toBe(
      `Der gespeicherte Lizenzstatus in ${file} konnte nicht gelesen werden (EISDIR). Prüfen Sie den freien Speicherplatz und die Zugriffsrechte.`,
    );
  });

  it('a keychain entry that holds no bundle is named in German', async () => {
    const keychain = createMemorySecretStore();
    await keychain.set('hub-secrets', 'not a bundle');
    const refused = await refusalOf(() => createSecretBundle(keychain, 'hub-secrets').get('x'));
    expect(refused.message).toMatch(/^The secrets kept in the OS keychain entry "hub-secrets"/);
    expect(inGerman(refused.text)).toBe(
      'Die im Schlüsselbund-Eintrag „hub-secrets“ aufbewahrten vertraulichen Daten sind beschädigt (kein gültiges JSON); sie wurden unverändert gelassen. Entfernen Sie den Schlüsselbund-Eintrag „hub-secrets“, um neu zu beginnen (die Passwörter der Hubs müssen dann erneut eingegeben werden).',
    );
  });
});
