import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import type { Core } from '../../src/main/core';
import type { FetchLike } from '../../src/main/http/fetch-http-client';
import type { startBrowserHost } from '../../src/main/host/browser-host';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import {
  startForwardProxy,
  type ForwardProxy,
  type ForwardProxyOptions,
} from '../support/forward-proxy';
import { refusedUrl } from '../support/refused-url';
import { expectNoSeriousViolations } from './axe';
import { startSandbox } from './browser-host';
import { openComposedApp } from './composed-app';
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
let core: Core | undefined;
let host: Awaited<ReturnType<typeof startBrowserHost>> | undefined;
let dir: string;
const proxies: ForwardProxy[] = [];

test.beforeEach(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'lm-e2e-system-proxy-'));
});
test.afterEach(async () => {
  await host?.close();
  await core?.close();
  for (const proxy of proxies.splice(0)) await proxy.close();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A proxy on loopback, closed after the test. */
async function proxyOf(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const proxy = await startForwardProxy(options);
  proxies.push(proxy);
  return proxy;
}

/**
 * The app's composition, as src/main/index.ts makes it: Chromium's resolver answering `answer`,
 * this computer's certificate store (one company CA), and Chromium's fetch where given.
 */
async function openApp(answer: string, chromiumFetch?: FetchLike): Promise<void> {
  ({ core, host } = await openComposedApp({
    configFile: sandbox.ready.config,
    dir,
    parts: {
      systemProxy: systemProxyResolver({ resolveProxy: async () => answer }),
      systemCertificates: async () => ({
        certificates: [
          readFileSync(join(__dirname, '../fixtures/mobiusflow-tls/hub-b.pem'), 'utf8'),
        ],
      }),
      ...(chromiumFetch ? { chromiumFetch } : {}),
    },
  }));
}

/** A PAC answer whose first proxy is down, and its backup. */
async function openBehindPac() {
  const backup = await proxyOf();
  const downProxy = new URL(await refusedUrl()).host;
  await openApp(`PROXY ${downProxy}; PROXY ${backup.address}`);
  return { backup, downProxy };
}

/** Opens Diagnostics and tests the seat server's connection; answers its entry. */
async function testSeatsConnection(
  page: Page,
  words: { seats: RegExp; button: string; ok: string },
) {
  await page.goto(host?.url ?? '');
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
  const { backup, downProxy } = await openBehindPac();
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
  const { downProxy } = await openBehindPac();
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

/**
 * A company proxy that asks for Windows sign-in: the app's requests go through Chromium's network
 * stack, stood in for by undici's fetch through the same proxy carrying the ticket Chromium would
 * get for the logged-on user.
 */
async function openBehindSigningInProxy() {
  const ticket = 'YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEFoQMCAQ6iBwMF';
  const proxy = await proxyOf({ windowsSignIn: { ticket } });
  const dispatcher = new ProxyAgent({ uri: proxy.url, token: `Negotiate ${ticket}` });
  const chromiumFetch = ((url, init) =>
    undiciFetch(url, { ...init, dispatcher } as Parameters<typeof undiciFetch>[1])) as FetchLike;
  await openApp(`PROXY ${proxy.address}`, chromiumFetch);
  return proxy;
}

test('a proxy that asks for Windows sign-in: the test goes through, signed in by Chromium', async ({
  page,
}) => {
  const proxy = await openBehindSigningInProxy();
  const seats = await testSeatsConnection(page, {
    seats: /Floating seats/,
    button: 'Test connection',
    ok: 'Connection OK',
  });
  await expect(
    seats.getByText(`through the proxy ${proxy.address}, signed in by Chromium’s network stack`, {
      exact: false,
    }),
  ).toBeVisible();
  // The report, loaded again after the test, says it under the proxy setting.
  await expect(
    page.getByText(
      `${proxy.address} asked for Windows sign-in: the app signs in as you through Chromium’s network stack.`,
    ),
  ).toBeVisible();
  await fullScreenshot(page, `${SHOTS}/diagnostics-windows-sign-in.png`);
  await expectNoSeriousViolations(page, 'diagnostics, a proxy that asks for Windows sign-in');
});

test('Windows sign-in to the proxy, in German', async ({ browser }) => {
  const proxy = await openBehindSigningInProxy();
  const page = await germanPage(browser);
  const seats = await testSeatsConnection(page, {
    seats: /Floating-Lizenzplätze/,
    button: 'Verbindung testen',
    ok: 'Verbindung OK',
  });
  await expect(
    seats.getByText(`über den Proxy ${proxy.address}, angemeldet durch den Netzwerkdienst`, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(
    page.getByText(`${proxy.address} hat eine Windows-Anmeldung verlangt`, { exact: false }),
  ).toBeVisible();
  await expectNoEnglish(page);
  await fullScreenshot(page, `${SHOTS}/diagnostics-windows-sign-in-de.png`);
  await page.context().close();
});
