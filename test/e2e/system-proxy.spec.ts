import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { createCore, type Core } from '../../src/main/core';
import { startBrowserHost } from '../../src/main/host/browser-host';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { createMemoryRefusalLog } from '../support/memory-refusal-log';
import { refusedUrl } from '../support/refused-url';
import { expectNoSeriousViolations } from './axe';
import { startSandbox } from './browser-host';
import { fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

/**
 * The desktop app takes its proxy from Chromium's resolver (system settings, PAC), and a PAC
 * answer can name a backup. The Electron binary cannot be had here, so the app's own composition
 * runs without it: the core given a resolver that answers as `session.resolveProxy` does (a PAC
 * answer whose first proxy is down) and this computer's certificate store, behind the browser
 * host serving the built renderer. The diagnostics screen must say where the proxy setting comes
 * from and that the store is trusted, list the proxy it passed over and why, and show the test
 * going through the backup.
 */

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let backup: ForwardProxy;
let core: Core;
let host: Awaited<ReturnType<typeof startBrowserHost>>;
let dir: string;
let downProxy: string;

test.beforeEach(async () => {
  sandbox = await startSandbox();
  backup = await startForwardProxy();
  downProxy = new URL(await refusedUrl()).host;
  dir = mkdtempSync(join(tmpdir(), 'lm-e2e-system-proxy-'));
  const answer = `PROXY ${downProxy}; PROXY ${backup.address}`;
  core = await createCore({
    config: await loadVendorConfig({ base: sandbox.ready.config }),
    version: '0.0.0-e2e',
    secrets: createMemorySecretStore(),
    state: createFileStateStore(join(dir, 'state.json')),
    hubInventoryFile: join(dir, 'hubs.json'),
    keepAlive: true,
    allowInProcessDemo: false,
    systemProxy: systemProxyResolver({ resolveProxy: async () => answer }),
    // This computer's certificate store, as Chromium trusts it: one company CA.
    systemCertificates: async () => ({
      certificates: [readFileSync(join(__dirname, '../fixtures/mobiusflow-tls/hub-b.pem'), 'utf8')],
    }),
  });
  host = await startBrowserHost({
    rendererDir: join(__dirname, '../../out/renderer'),
    dispatch: core.dispatch,
    subscribe: core.onEvent,
    log: createMemoryRefusalLog(),
  });
});
test.afterEach(async () => {
  await host.close();
  await core.close();
  await backup.close();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens Diagnostics and tests the seat server's connection; answers its entry. */
async function testSeatsConnection(
  page: Page,
  words: { seats: RegExp; button: string; ok: string },
) {
  await page.goto(host.url);
  await page.locator('nav').getByRole('button').last().click();
  const seats = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: words.seats }) });
  await seats.getByRole('button', { name: words.button }).click();
  await expect(seats.getByText(words.ok)).toBeVisible();
  return seats;
}

test('a PAC answer whose first proxy is down: the test names it, passes over it, uses the backup', async ({
  page,
}) => {
  const seats = await testSeatsConnection(page, {
    seats: /Floating seats/,
    button: 'Test connection',
    ok: 'Connection OK',
  });
  const source = 'this computer’s proxy settings (system proxy, PAC), as Chromium resolves them';
  await expect(page.getByText(source, { exact: false })).toBeVisible();
  await expect(
    page.getByText('Also trusted: this computer’s certificate store (1 certificate)'),
  ).toBeVisible();
  await expect(
    seats.getByText('Passed over (could not be reached;', { exact: false }),
  ).toBeVisible();
  await expect(
    seats.getByText(`TCP: The proxy ${downProxy} refused the connection`, { exact: false }),
  ).toBeVisible();
  await expect(seats.locator('.diagnostics__target-url')).toContainText(
    `through the proxy ${backup.address}`,
  );
  // The app's own request of the HTTP step went through the backup too.
  expect(backup.seen.length).toBeGreaterThan(0);
  await fullScreenshot(page, `${SHOTS}/diagnostics-passed-over.png`);
  await expectNoSeriousViolations(page, 'diagnostics, a proxy passed over');
});

test('the same in German', async ({ browser }) => {
  const page = await germanPage(browser);
  const seats = await testSeatsConnection(page, {
    seats: /Floating-Lizenzplätze/,
    button: 'Verbindung testen',
    ok: 'Verbindung OK',
  });
  await expect(seats.getByText('Übersprungen (nicht erreichbar;', { exact: false })).toBeVisible();
  await expect(seats.getByText(downProxy, { exact: false })).toBeVisible();
  await expect(
    page.getByText(
      'Ebenfalls vertrauenswürdig: der Zertifikatspeicher dieses Computers (1 Zertifikat)',
    ),
  ).toBeVisible();
  await expectNoEnglish(page);
  await fullScreenshot(page, `${SHOTS}/diagnostics-passed-over-de.png`);
  await page.context().close();
});
