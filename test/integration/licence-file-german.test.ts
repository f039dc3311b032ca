import { describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { signLicence } from '../../src/main/offline/licence-file';
import type { LicenceTerms } from '../../src/main/offline/licence-terms';
import { generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { fileLicenceViewSchema } from '../../src/shared/offline-model';
import { renderText, type Text } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import { openInstallation } from '../support/core-harness';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * What the core says about licence files reaches a German screen in German: a refused file, and
 * the sentence under a licence's state, both through the core as the app runs it.
 */

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 23, 9);
const vendor = generateVendorKeyPair();
const formats = germanFormats('de-DE');
const inGerman = (text: Text | undefined) =>
  text === undefined ? undefined : renderText(text, german, formats);

const config: VendorConfig = {
  productName: 'Studio',
  productId: 'acme-studio',
  demo: false,
  allowWeakSecretStore: false,
  profiles: [
    {
      id: 'studio',
      kind: 'licence-file',
      label: 'Studio licence',
      productCode: 'acme-studio',
      publicKey: vendor.publicKeyPem,
      expiryWarningDays: 14,
    },
  ],
};

describe('licence files in German', () => {
  const tempDir = useTempDir();

  const install = async () => {
    const clock = createManualClock(START);
    const { core } = await openInstallation({
      clock,
      dataDir: tempDir(),
      secrets: createMemorySecretStore(),
      config,
    });
    const sign = (terms: Partial<LicenceTerms> = {}) =>
      signLicence(
        vendor.privateKeyPem,
        {
          product: 'acme-studio',
          licensee: { name: 'Ada Lovelace' },
          features: ['export'],
          expiresAt: START + 20 * DAY,
          fingerprint: core.fingerprint.id,
          ...terms,
        },
        clock.now(),
      );
    return { core, clock, sign };
  };

  it('refuses an altered file and one for another computer in German', async () => {
    const { core, sign } = await install();
    const altered = sign().replace('export', 'exPort');
    const tampered = await licensingFailure(core.licenceFiles.import('studio', altered));
    expect(tampered.code).toBe('tampered');
    expect(tampered.message).toMatch(/^This licence file was altered after it was signed/);
    expect(inGerman(tampered.toAppError().text)).toBe(
      'Diese Lizenzdatei wurde nach dem Signieren verändert: Ihre Signatur passt nicht zu ihrem Inhalt. Fordern Sie beim Anbieter eine neue Kopie an und bearbeiten Sie die Datei nicht.',
    );

    const other = 'ab'.repeat(32);
    const elsewhere = await licensingFailure(
      core.licenceFiles.import('studio', sign({ fingerprint: other })),
    );
    expect(elsewhere.code).toBe('wrong_machine');
    expect(inGerman(elsewhere.text)).toBe(
      `Diese Lizenz wurde für einen anderen Computer ausgestellt. Senden Sie dem Anbieter den Gerätefingerabdruck dieses Computers (${core.fingerprint.id}), um eine Lizenz für ihn zu erhalten.`,
    );

    const notOurs = await licensingFailure(core.licenceFiles.import('studio', 'QUJDRA'.repeat(8)));
    expect(inGerman(notOurs.text)).toBe(
      'Dies ist keine Lizenzdatei: Die Datei sieht aus wie eine LicenseSpring-Lizenz (Base64-Text). Importieren Sie sie stattdessen im LicenseSpring-Profil.',
    );
  });

  it("says a licence's state in German, with German dates, across IPC", async () => {
    const { core, clock, sign } = await install();
    await core.licenceFiles.import('studio', sign());
    clock.setSystemTime(START + 10 * DAY);
    const expiring = fileLicenceViewSchema.parse(await core.licenceFiles.status('studio'));
    expect(expiring.licence?.state).toBe('expiring');
    expect(expiring.licence?.message).toBe(
      'This licence expires on 2026-12-13, in 10 days. Ask the vendor for a renewed licence file in time.',
    );
    expect(inGerman(expiring.licence?.text)).toBe(
      'Diese Lizenz läuft am 13.12.2026 ab, in 10 Tagen. Fordern Sie rechtzeitig eine verlängerte Lizenzdatei beim Anbieter an.',
    );

    // The clock wound back three days: suspended, and the record's time in the user's region.
    clock.setSystemTime(START + 7 * DAY);
    const suspended = await core.licenceFiles.status('studio');
    expect(suspended.licence?.state).toBe('suspended');
    expect(inGerman(suspended.licence?.text)).toBe(
      `Die Uhr dieses Computers liegt 3 Tage hinter der spätesten Zeit, die er bereits angezeigt hat (${formats.instant(START + 10 * DAY)}). Offline-Lizenzen sind gesperrt, bis die Uhr richtig gestellt ist. Ist sie das bereits, verbinden Sie sich einmal mit dem Lizenzserver.`,
    );
  });
});
