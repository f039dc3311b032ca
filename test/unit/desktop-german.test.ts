import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xdgAutostartLoginItem } from '../../src/main/desktop/login-item';
import { createStartAtLogin } from '../../src/main/desktop/start-at-login';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { AppError } from '../../src/shared/errors';
import { useCoreBehindHost } from '../support/core-behind-host';
import { inGerman } from '../support/in-german';
import { refusalOf } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/**
 * The desktop app's refusals reach a German screen in German: activation links and the
 * start-at-login setting, refused by a real core behind the real loopback browser host (the
 * page's own IPC door), and the Linux autostart file refused by the real file system.
 */

describe('the desktop refusals in German, through the core and the browser host', () => {
  const { post, invoke: ask } = useCoreBehindHost();
  const invoke = (channel: string, body: unknown = {}) =>
    ask(channel, body) as Promise<{
      ok: boolean;
      value?: { kind: string; error?: AppError };
      error?: AppError;
    }>;
  const refusedLink = async (url: string): Promise<AppError> => {
    await post('/link', { url });
    const taken = await invoke('link:take');
    expect(taken.value?.kind).toBe('refused');
    return taken.value?.error as AppError;
  };

  it('refuses a link for an unknown product, in German, the English unchanged', async () => {
    const error = await refusedLink('licensemgr://activate?key=ABCD-EFGH-IJKL&profile=nowhere');
    expect(error.message).toBe(
      'The activation link names a product this app does not know. Ask the sender for the link again, or type the key into the app.',
    );
    expect(inGerman(error)).toBe(
      'Der Aktivierungslink nennt ein Produkt, das diese App nicht kennt. Bitten Sie den Absender erneut um den Link, oder geben Sie den Schlüssel in der App ein.',
    );
  });

  it('says in German what an activation link looks like, and which part of one is wrong', async () => {
    expect(inGerman(await refusedLink('https://example.com/activate?key=X'))).toBe(
      'Dies ist kein Aktivierungslink (ein solcher sieht so aus: licensemgr://activate?key=IHR-SCHLÜSSEL). Bitten Sie den Absender erneut um den Link, oder geben Sie den Schlüssel in der App ein.',
    );
    expect(inGerman(await refusedLink('licensemgr://activate?key=A&key=B'))).toMatch(
      /^Der Aktivierungslink enthält das Feld „key“ zweimal\. Bitten Sie/,
    );
    expect(inGerman(await refusedLink('licensemgr://activate?key=%E0%A4%A'))).toMatch(
      /^Der Aktivierungslink ist beschädigt \(eine ungültige %-Kodierung\)\./,
    );
  });

  it('refuses start at login where the host cannot register the app, in German', async () => {
    const answer = await invoke('settings:set-start-at-login', { enabled: true });
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toMatch(/^Start at login is a setting of the installed desktop/);
    expect(inGerman(answer.error!)).toBe(
      '„Beim Anmelden starten“ ist eine Einstellung der installierten Desktop-App; ändern Sie sie dort. Diese Browseransicht und die Befehlszeile können die App nicht beim Betriebssystem eintragen.',
    );
  });
});

describe('the autostart file refused by the file system, in German', () => {
  const tempDir = useTempDir();

  it('names the file and the system error, and says what to check', async () => {
    const dir = tempDir();
    const autostart = join(dir, 'autostart');
    // A file where the folder should be: refused for every user, root included.
    writeFileSync(autostart, 'not a folder');
    const setting = createStartAtLogin({
      state: createFileStateStore(join(dir, 'state.json')),
      loginItem: xdgAutostartLoginItem({
        dir: autostart,
        fileName: 'acme-cad',
        name: 'Acme CAD',
        command: ['/opt/acme-cad'],
      }),
    });
    const error = (await refusalOf(() => setting.set(true))).toAppError();
    expect(inGerman(error)).toMatch(
      /^„Beim Anmelden starten“ konnte nicht eingeschaltet werden: .*acme-cad\.desktop konnte nicht geschrieben werden \(E[A-Z]+\)\. Prüfen Sie, ob der Ordner Ihnen gehört und beschreibbar ist, und versuchen Sie es dann erneut\.$/,
    );
    expect(setting.view().enabled).toBe(false);
  });
});
