import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { xdgAutostartLoginItem } from '../../src/main/desktop/login-item';
import { createStartAtLogin } from '../../src/main/desktop/start-at-login';
import { startBrowserHost } from '../../src/main/host/browser-host';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { AppError } from '../../src/shared/errors';
import { renderText } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import type { BabelSandbox } from '../../src/sandbox';
import { openInstallation, startClockedSandbox } from '../support/core-harness';
import { createMemoryRefusalLog } from '../support/memory-refusal-log';
import { useTempDir } from '../support/temp-dir';

/**
 * The desktop app's refusals reach a German screen in German: activation links and the
 * start-at-login setting, refused by a real core behind the real loopback browser host (the
 * page's own IPC door), and the Linux autostart file refused by the real file system.
 */

const inGerman = (error: { text?: AppError['text'] }): string | undefined =>
  error.text && renderText(error.text, german, germanFormats('de-DE'));

describe('the desktop refusals in German, through the core and the browser host', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let core: Core;
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  let cookie: string;

  const post = (path: string, body: unknown) =>
    fetch(`${host.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, cookie },
      body: JSON.stringify(body),
    });
  const invoke = async (channel: string, body: unknown = {}) =>
    (await post(`/ipc/${channel}`, body)).json() as Promise<{
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

  beforeEach(async () => {
    let clock;
    ({ sandbox, clock } = await startClockedSandbox());
    ({ core } = await openInstallation({ sandbox, clock, dataDir: tempDir(), keepAlive: false }));
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    host = await startBrowserHost({
      rendererDir,
      dispatch: core.dispatch,
      subscribe: core.onEvent,
      log: createMemoryRefusalLog(),
      openLink: core.links.receive,
    });
    const opened = await fetch(host.url, { redirect: 'manual' });
    cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterEach(async () => {
    await host.close();
    await core.close(500);
    await sandbox.close();
  });

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

  it('names the file and the system error, and says what to check', () => {
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
    let refusal: unknown;
    try {
      setting.set(true);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LicensingError);
    const error = (refusal as LicensingError).toAppError();
    expect(inGerman(error)).toMatch(
      /^„Beim Anmelden starten“ konnte nicht eingeschaltet werden: .*acme-cad\.desktop konnte nicht geschrieben werden \(E[A-Z]+\)\. Prüfen Sie, ob der Ordner Ihnen gehört und beschreibbar ist, und versuchen Sie es dann erneut\.$/,
    );
    expect(setting.view().enabled).toBe(false);
  });
});
