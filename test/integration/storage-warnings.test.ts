import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../src/main/store/secret-store';
import { hubDraftSchema } from '../../src/shared/hubs-model';
import { appInfoSchema } from '../../src/shared/model';
import { NO_PROFILES, openInstallation } from '../support/core-harness';
import { inGerman } from '../support/in-german';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

// No backend is needed to open the stores: the core starts without any profile.
const config = NO_PROFILES;

const DAMAGED_STATE = '{"version":1,"clientId":';
const DAMAGED_HUBS = JSON.stringify({ version: 1, hubs: [{ id: 'hub-1' }] });

/** The warnings also reach a German screen in German; the English (CLI, log) stays as it was. */
describe('a damaged state file is detected, kept aside for support, and reported', () => {
  const tempDir = useTempDir();
  const open = (dataDir: string, more: { secrets?: SecretStore; machine?: string } = {}) =>
    openInstallation({ clock: createManualClock(Date.UTC(2026, 0, 5)), dataDir, config, ...more });
  /** What the renderer receives: the answer of `app:info` through the IPC contract. */
  const appInfoOverIpc = async (core: Awaited<ReturnType<typeof open>>['core']) => {
    const answer = await core.dispatch('app:info', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return appInfoSchema.parse(answer.value);
  };

  it('app info names both damaged files and where each copy is kept', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'state.json'), DAMAGED_STATE);
    writeFileSync(join(dataDir, 'hubs.json'), DAMAGED_HUBS);
    const { core } = await open(dataDir);
    try {
      const { storageWarnings } = await appInfoOverIpc(core);
      const aside = readdirSync(dataDir).filter((name) => name.includes('.corrupt-'));
      const stateAside = aside.find((name) => name.startsWith('state.json.corrupt-'));
      const hubsAside = aside.find((name) => name.startsWith('hubs.json.corrupt-'));
      expect(stateAside && hubsAside).toBeTruthy();
      // Kept byte for byte, never silently replaced.
      expect(readFileSync(join(dataDir, String(stateAside)), 'utf8')).toBe(DAMAGED_STATE);
      expect(readFileSync(join(dataDir, String(hubsAside)), 'utf8')).toBe(DAMAGED_HUBS);
      expect(storageWarnings).toHaveLength(2);
      expect(storageWarnings).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            `licence state was damaged (not valid JSON) and was moved to ${join(dataDir, String(stateAside))}.`,
          ),
          expect.stringContaining(
            `hub inventory was damaged (unexpected content) and was moved to ${join(dataDir, String(hubsAside))}.`,
          ),
        ]),
      );
      for (const warning of storageWarnings) expect(warning).toMatch(/contact support/);
    } finally {
      await core.close();
    }
  });

  it('says nothing when the files are whole, or after the damage was reported', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    expect((await appInfoOverIpc(first.core)).storageWarnings).toEqual([]);
    await first.core.close();

    writeFileSync(join(dataDir, 'state.json'), DAMAGED_STATE);
    const damaged = await open(dataDir);
    expect((await appInfoOverIpc(damaged.core)).storageWarnings).toHaveLength(1);
    await damaged.core.close();

    // The next start reads the fresh file; the copy stays aside, the warning was given once.
    const next = await open(dataDir);
    expect((await appInfoOverIpc(next.core)).storageWarnings).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    await next.core.close();
  });

  /** An installation whose sealed hub secrets were cut short, started again on this machine. */
  const reopenWithDamagedHubSecrets = async (dataDir: string, machine?: string) => {
    const first = await open(dataDir);
    await first.core.hubs.importCsv(
      'name,host,hid,username,password\nHub 1,hub-1.example,00A1F3,admin,correct horse\n',
    );
    await first.core.close();
    const sealed = join(dataDir, 'hubs-secrets.sealed.json');
    const damaged = readFileSync(sealed, 'utf8').slice(0, 40); // a write cut short
    writeFileSync(sealed, damaged);
    // The same keychain, as a restart on this machine would find it.
    const { core } = await open(dataDir, { secrets: first.secrets, machine });
    return { core, sealed, damaged };
  };

  it('names damaged hub secrets at start, keeps the copy, and still saves new ones', async () => {
    const dataDir = tempDir();
    const { core, sealed, damaged } = await reopenWithDamagedHubSecrets(dataDir);
    try {
      const aside = readdirSync(dataDir).filter((name) => name.includes('.corrupt-'));
      expect(aside).toEqual([expect.stringMatching(/^hubs-secrets\.sealed\.json\.corrupt-\d+$/)]);
      expect(readFileSync(join(dataDir, String(aside[0])), 'utf8')).toBe(damaged);
      expect((await appInfoOverIpc(core)).storageWarnings).toEqual([
        expect.stringContaining(
          `sealed secrets file (hubs-secrets) was damaged (not valid JSON) and was moved to ${join(dataDir, String(aside[0]))}. The secrets it held (hub passwords) have to be entered again.`,
        ),
      ]);
      // A password entered again is sealed into a fresh file; the damaged copy stays aside.
      const [hub] = core.hubs.list().hubs;
      const draft = { name: 'Hub 1', host: 'hub-1.example', hid: '00A1F3', username: 'admin' };
      await core.hubs.update(
        String(hub?.id),
        hubDraftSchema.parse({ ...draft, password: 'battery staple' }),
      );
      expect(JSON.parse(readFileSync(sealed, 'utf8'))).toMatchObject({ version: 1 });
      expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toEqual(aside);
    } finally {
      await core.close();
    }
  });

  it('reports an inventory damaged while the app runs, once it is read again', async () => {
    const dataDir = tempDir();
    const { core } = await open(dataDir);
    try {
      await core.hubs.importCsv('name,host,hid\n'); // writes an (empty) inventory
      writeFileSync(join(dataDir, 'hubs.json'), 'null');
      expect(core.hubs.list().hubs).toEqual([]);
      expect((await appInfoOverIpc(core)).storageWarnings).toEqual([
        expect.stringMatching(/hub inventory was damaged .* moved to .*hubs\.json\.corrupt-/),
      ]);
    } finally {
      await core.close();
    }
  });

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
    // No machine id: the fingerprint falls back to the host name.
    const { core } = await reopenWithDamagedHubSecrets(tempDir(), '');
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
});
