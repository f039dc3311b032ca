import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { signLicence } from '../../src/main/offline/licence-file';
import type { LicenceTerms } from '../../src/main/offline/licence-terms';
import { generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { fileLicenceViewSchema } from '../../src/shared/offline-model';
import { everythingOnDisk, openInstallation } from '../support/core-harness';
import { formatsDe, inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 23, 9);
const vendor = generateVendorKeyPair();

const config = (publicKey = vendor.publicKeyPem): VendorConfig => ({
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
      publicKey,
      expiryWarningDays: 14,
    },
  ],
});

/** Licence files through the core as the app runs it; what it says also in German, across IPC. */
describe('licence files through the core', () => {
  const tempDir = useTempDir();

  const install = async (options: { machine?: string } = {}) => {
    const clock = createManualClock(START);
    const secrets = createMemorySecretStore();
    const dataDir = tempDir();
    const { core } = await openInstallation({
      clock,
      dataDir,
      secrets,
      config: config(),
      machine: options.machine,
    });
    const sign = (terms: Partial<LicenceTerms> = {}, issuedAt = clock.now()) =>
      signLicence(
        vendor.privateKeyPem,
        {
          product: 'acme-studio',
          licensee: { name: 'Ada Lovelace', email: 'ada@example.com' },
          features: ['export', 'render'],
          expiresAt: START + 60 * DAY,
          fingerprint: core.fingerprint.id,
          ...terms,
        },
        issuedAt,
      );
    const stateFile = join(dataDir, 'state.json');
    return { core, clock, secrets, dataDir, sign, stateFile };
  };

  it('imports a signed, node-locked file and shows what it grants', async () => {
    const { core, sign, dataDir, secrets } = await install();
    const text = sign();
    const view = await core.licenceFiles.import('studio', text);
    expect(view.licence).toMatchObject({
      licensee: { name: 'Ada Lovelace', email: 'ada@example.com' },
      features: ['export', 'render'],
      expiresAt: START + 60 * DAY,
      nodeLocked: true,
      state: 'valid',
      importedAt: START,
    });
    // The file is kept as a secret, and verified again from there on every read.
    expect([...secrets.entries.values()]).toContain(text);
    const signature = (JSON.parse(text) as { signature: string }).signature;
    expect(everythingOnDisk(dataDir)).not.toContain(signature);
    expect((await core.licenceFiles.status('studio')).licence?.id).toBe(view.licence?.id);
    await core.close();
  });

  it('warns ahead of expiry, grants grace only when the licence does, then expires', async () => {
    const { core, clock, sign } = await install();
    await core.licenceFiles.import('studio', sign({ expiresAt: START + 20 * DAY, graceDays: 3 }));
    const stateAt = async (at: number) => {
      clock.setSystemTime(at);
      return (await core.licenceFiles.status('studio')).licence;
    };
    expect((await stateAt(START + 5 * DAY))?.state).toBe('valid');
    const expiring = await stateAt(START + 10 * DAY);
    expect(expiring?.state).toBe('expiring');
    expect(expiring?.message).toContain('in 10 days');
    const grace = await stateAt(START + 21 * DAY);
    expect(grace?.state).toBe('grace');
    expect(grace?.message).toContain('2026-12-16');
    expect((await stateAt(START + 23 * DAY + 1))?.state).toBe('expired');
    await core.close();

    const other = await install();
    await other.core.licenceFiles.import('studio', other.sign({ expiresAt: START + 20 * DAY }));
    other.clock.setSystemTime(START + 20 * DAY + 1);
    // No grace was granted: expired the moment it ends.
    expect((await other.core.licenceFiles.status('studio')).licence?.state).toBe('expired');
    await other.core.close();
  });

  it('suspends the licence when the clock moves back, and recovers when it is right again', async () => {
    const { core, clock, sign } = await install();
    await core.licenceFiles.import('studio', sign());
    clock.setSystemTime(START + 3 * DAY);
    expect((await core.licenceFiles.status('studio')).licence?.state).toBe('valid');
    clock.setSystemTime(START + DAY);
    const suspended = (await core.licenceFiles.status('studio')).licence;
    expect(suspended?.state).toBe('suspended');
    expect(suspended?.message).toMatch(/clock is 2 days behind/);
    // A few minutes back is within tolerance (clocks are corrected by small steps all the time).
    clock.setSystemTime(START + 3 * DAY - 5 * 60_000);
    expect((await core.licenceFiles.status('studio')).licence?.state).toBe('valid');
    await core.close();
  });

  it('suspends the licence when the record of the latest time is edited by hand', async () => {
    const { core, clock, sign, stateFile } = await install();
    await core.licenceFiles.import('studio', sign());
    clock.setSystemTime(START + 10 * DAY);
    await core.licenceFiles.status('studio');
    clock.setSystemTime(START + DAY);
    // Someone winds the record back so the old date looks fine.
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.timeAnchor.latest = START;
    writeFileSync(stateFile, JSON.stringify(state));
    const view = (await core.licenceFiles.status('studio')).licence;
    expect(view?.state).toBe('suspended');
    expect(view?.message).toMatch(/altered/);
    // Importing the file again is the deliberate way back (the message says so).
    clock.setSystemTime(START + 10 * DAY);
    await core.licenceFiles.import('studio', sign());
    expect((await core.licenceFiles.status('studio')).licence?.state).toBe('valid');
    await core.close();
  });

  it('a clock earlier than the signed issue time is suspended, even with the record wiped', async () => {
    const { core, clock, sign, stateFile, secrets } = await install();
    await core.licenceFiles.import('studio', sign());
    // The record and its key both gone: the record would start afresh at whatever time it is.
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    delete state.timeAnchor;
    writeFileSync(stateFile, JSON.stringify(state));
    await secrets.delete('time-anchor-key');
    clock.setSystemTime(START - 30 * DAY);
    const view = (await core.licenceFiles.status('studio')).licence;
    expect(view?.state).toBe('suspended');
    expect(view?.message).toMatch(/before this licence was issued/);
    await core.close();
  });

  it('refuses every bad file with its own code and keeps what was imported before', async () => {
    const { core, sign, stateFile, clock } = await install();
    const good = sign();
    await core.licenceFiles.import('studio', good);
    const before = readFileSync(stateFile, 'utf8');
    const imported = await core.licenceFiles.status('studio');

    const otherVendor = generateVendorKeyPair();
    const tampered = JSON.parse(good) as { licence: string };
    tampered.licence = tampered.licence.replace('"render"', '"render-pro"');
    const refusals: [string, string][] = [
      [JSON.stringify(tampered), 'tampered'],
      [good.slice(0, good.length / 2), 'invalid_file'],
      ['x'.repeat(70 * 1024), 'invalid_file'],
      ['{"hello":"world"}', 'invalid_file'],
      ['\x89PNG\r\n\x1a\n', 'invalid_file'],
      [sign({ product: 'acme-cad' }), 'wrong_product'],
      [sign({ fingerprint: 'a'.repeat(64) }), 'wrong_machine'],
      [
        signLicence(
          otherVendor.privateKeyPem,
          { product: 'acme-studio', licensee: {}, features: [], expiresAt: null },
          clock.now(),
        ),
        'tampered',
      ],
      [sign({ expiresAt: START - DAY }, START - 30 * DAY), 'license_expired'],
      [sign({}, START + 5 * DAY), 'invalid_input'],
    ];
    for (const [text, code] of refusals) {
      const failure = await licensingFailure(core.licenceFiles.import('studio', text));
      expect({ code: failure.code, hasMessage: failure.message.length > 20 }).toEqual({
        code,
        hasMessage: true,
      });
    }
    expect(readFileSync(stateFile, 'utf8')).toBe(before);
    expect(await core.licenceFiles.status('studio')).toEqual(imported);
    await core.close();
  });

  it('a file for another computer is refused there', async () => {
    const first = await install({ machine: 'machine-a' });
    const second = await install({ machine: 'machine-b' });
    const failure = await licensingFailure(second.core.licenceFiles.import('studio', first.sign()));
    expect(failure.code).toBe('wrong_machine');
    expect(failure.message).toContain(second.core.fingerprint.id);
    await first.core.close();
    await second.core.close();
  });

  it('editing the state cannot extend a licence: the signed file is what counts', async () => {
    const { core, sign, stateFile, clock } = await install();
    await core.licenceFiles.import('studio', sign({ expiresAt: START + 2 * DAY }));
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.licenceFiles.studio.expiresAt = START + 900 * DAY;
    writeFileSync(stateFile, JSON.stringify(state));
    clock.setSystemTime(START + 3 * DAY);
    const view = (await core.licenceFiles.status('studio')).licence;
    expect(view).toMatchObject({ expiresAt: START + 2 * DAY, state: 'expired' });
    await core.close();
  });

  it('removes the file, after which nothing is licensed', async () => {
    const { core, sign, secrets } = await install();
    await core.licenceFiles.import('studio', sign());
    const view = await core.licenceFiles.remove('studio');
    expect(view.licence).toBeUndefined();
    expect(secrets.entries.has('licence-file:studio')).toBe(false);
    expect((await licensingFailure(core.licenceFiles.remove('studio'))).code).toBe('not_activated');
    await core.close();
  });

  it('refuses an altered file and one for another computer in German', async () => {
    const { core, sign } = await install();
    const altered = sign().replace('export', 'exPort');
    const tampered = await licensingFailure(core.licenceFiles.import('studio', altered));
    expect(tampered.code).toBe('tampered');
    expect(tampered.message).toMatch(/^This licence file was altered after it was signed/);
    expect(inGerman(tampered.toAppError())).toBe(
      'Diese Lizenzdatei wurde nach dem Signieren verändert: Ihre Signatur passt nicht zu ihrem Inhalt. Fordern Sie beim Anbieter eine neue Kopie an und bearbeiten Sie die Datei nicht.',
    );

    const other = 'ab'.repeat(32);
    const elsewhere = await licensingFailure(
      core.licenceFiles.import('studio', sign({ fingerprint: other })),
    );
    expect(elsewhere.code).toBe('wrong_machine');
    expect(inGerman(elsewhere)).toBe(
      `Diese Lizenz wurde für einen anderen Computer ausgestellt. Senden Sie dem Anbieter den Gerätefingerabdruck dieses Computers (${core.fingerprint.id}), um eine Lizenz für ihn zu erhalten.`,
    );

    const notOurs = await licensingFailure(core.licenceFiles.import('studio', 'QUJDRA'.repeat(8)));
    expect(inGerman(notOurs)).toBe(
      'Dies ist keine Lizenzdatei: Die Datei sieht aus wie eine LicenseSpring-Lizenz (Base64-Text). Importieren Sie sie stattdessen im LicenseSpring-Profil.',
    );
  });

  it("says a licence's state in German, with German dates, across IPC", async () => {
    const { core, clock, sign } = await install();
    await core.licenceFiles.import('studio', sign({ expiresAt: START + 20 * DAY }));
    clock.setSystemTime(START + 10 * DAY);
    const expiring = fileLicenceViewSchema.parse(await core.licenceFiles.status('studio'));
    expect(expiring.licence?.state).toBe('expiring');
    expect(expiring.licence?.message).toBe(
      'This licence expires on 2026-12-13, in 10 days. Ask the vendor for a renewed licence file in time.',
    );
    expect(inGerman(expiring.licence)).toBe(
      'Diese Lizenz läuft am 13.12.2026 ab, in 10 Tagen. Fordern Sie rechtzeitig eine verlängerte Lizenzdatei beim Anbieter an.',
    );

    // The clock wound back three days: suspended, and the record's time in the user's region.
    clock.setSystemTime(START + 7 * DAY);
    const suspended = await core.licenceFiles.status('studio');
    expect(suspended.licence?.state).toBe('suspended');
    expect(inGerman(suspended.licence)).toBe(
      `Die Uhr dieses Computers liegt 3 Tage hinter der spätesten Zeit, die er bereits angezeigt hat (${formatsDe.instant(START + 10 * DAY)}). Offline-Lizenzen sind gesperrt, bis die Uhr richtig gestellt ist. Ist sie das bereits, verbinden Sie sich einmal mit dem Lizenzserver.`,
    );
  });
});
