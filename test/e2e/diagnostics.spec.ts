import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, release, tmpdir, type } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { refusedUrl } from '../support/refused-url';
import { expectNoSeriousViolations } from './axe';
import { startSandbox, startServe } from './browser-host';
import { maskKey } from '../../src/main/licensing/mask';
import { config as configTexts } from '../../src/shared/texts/config.en';
import { inEnglish } from '../../src/shared/texts/english';
import { store } from '../../src/shared/texts/store.en';
import type { Text } from '../../src/shared/text';
import { fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

/**
 * The diagnostics screen in the browser host, against `license-manager sandbox` plus one profile
 * whose server is gone: a connection test reports OK against the sandbox and names the failed step
 * for the dead address, the support bundle downloads as a zip without the configuration's keys,
 * and axe finds nothing serious on the screen.
 */

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let dir: string;
let deadHost: string;
let apiKey: string;

test.beforeEach(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'lm-e2e-diagnostics-'));
  const config = JSON.parse(readFileSync(sandbox.ready.config, 'utf8')) as {
    profiles: { kind: string; apiKey?: string }[];
  };
  apiKey = config.profiles.find((profile) => profile.kind === 'seats')?.apiKey ?? '';
  deadHost = new URL(await refusedUrl()).host;
  config.profiles.push({
    id: 'dead',
    kind: 'seats',
    label: 'Decommissioned server',
    baseUrl: `http://${deadHost}`,
    apiKey,
  } as (typeof config.profiles)[number]);
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  serve = await startServe({ config: file });
});
test.afterEach(async () => {
  await serve.stop();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => fullScreenshot(page, `${SHOTS}/diagnostics-${name}.png`);

/** The list item of one profile in the Connections card. */
const connectionOf = (page: Page, label: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });

/** The value beside one term of a definition list (the facts, a profile's settings) in `area`. */
const factOf = (area: Locator, term: string): Locator =>
  area
    .locator('dl > div')
    .filter({ has: area.page().locator('dt').getByText(term, { exact: true }) })
    .locator('dd');

/** The sandbox configuration's credentials: [profile label, setting as shown, the secret]. */
function credentialsOf(file: string): [string, string, string][] {
  const profiles = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      profiles: {
        kind: string;
        label: string;
        apiKey?: string;
        serialNumber?: string;
        auth?: { apiKey?: string; sharedKey?: string };
      }[];
    }
  ).profiles;
  const seats = profiles.find((profile) => profile.kind === 'seats');
  const flecs = profiles.find((profile) => profile.kind === 'flecs');
  const licensespring = profiles.find((profile) => profile.kind === 'licensespring');
  return [
    [seats?.label ?? 'seats', 'apiKey', seats?.apiKey ?? ''],
    ['Decommissioned server', 'apiKey', apiKey],
    [flecs?.label ?? 'flecs', 'serialNumber', flecs?.serialNumber ?? ''],
    [licensespring?.label ?? 'licensespring', 'auth.apiKey', licensespring?.auth?.apiKey ?? ''],
    [
      licensespring?.label ?? 'licensespring',
      'auth.sharedKey',
      licensespring?.auth?.sharedKey ?? '',
    ],
  ];
}

test('tests connections, names the failed step, exports a bundle without secrets', async ({
  page,
}) => {
  await page.goto(serve.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Diagnostics' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How secrets are kept' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Machine fingerprint/ })).toBeVisible();
  await expect(
    page.getByText('the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables', {
      exact: false,
    }),
  ).toBeVisible();
  // The configuration's API key appears masked only.
  await expect(page.getByText(apiKey)).toHaveCount(0);
  // Start at login is the installed app's to change: shown, off, and not changeable here.
  const startup = page.getByRole('checkbox', { name: 'Start when I log in' });
  await expect(startup).not.toBeChecked();
  await expect(startup).toBeDisabled();
  await expect(page.getByText('Only the installed desktop app can start at login')).toBeVisible();

  // The versions that run: the app's (package.json), the host's Node (no Electron in a browser
  // host), and this operating system.
  const computer = page.getByRole('region', { name: 'This computer' });
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  await expect(factOf(computer, 'App')).toHaveText(version);
  await expect(factOf(computer, 'Runtime')).toHaveText(`Node ${process.version.slice(1)}`);
  await expect(factOf(computer, 'Operating system')).toHaveText(
    `${type()} ${release()} (${process.platform}, ${arch()})`,
  );

  // Every credential of the configuration shows, masked as the app masks keys (at most 4
  // characters at each end), beside its setting's name.
  const settings = page
    .getByRole('region', { name: 'Configuration' })
    .getByRole('table', { name: 'Profiles and their settings' });
  for (const [profile, setting, secret] of credentialsOf(sandbox.ready.config)) {
    expect(secret, `${profile} ${setting} in the sandbox configuration`).not.toBe('');
    const masked = maskKey(secret);
    expect(masked, `the mask of ${profile} ${setting}`).toMatch(/•{4}/);
    const row = settings.getByRole('row').filter({ hasText: profile });
    await expect(factOf(row, setting), `${profile}: ${setting}`).toHaveText(masked);
    await expect(page.getByText(secret)).toHaveCount(0);
  }
  await shot(page, 'screen');
  await expectNoSeriousViolations(page, 'diagnostics');

  const seats = connectionOf(page, 'Floating seats (Babel Licensing Service)');
  await seats.getByRole('button', { name: 'Test connection' }).click();
  await expect(seats.getByText('Connection OK')).toBeVisible();
  await expect(seats.getByRole('list', { name: /Steps for/ }).getByRole('listitem')).toHaveCount(3);

  const dead = connectionOf(page, 'Decommissioned server');
  await dead.getByRole('button', { name: 'Test connection' }).click();
  await expect(dead.getByText('Failed at TCP')).toBeVisible();
  await expect(dead.getByText(`TCP: ${deadHost} refused the connection`)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Decommissioned server: TCP:' }),
  ).toHaveCount(1);
  await shot(page, 'tests');

  await expectNoSeriousViolations(page, 'diagnostics, connection tests run');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export support bundle' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^license-manager-sandbox-support-\d{8}-\d{6}\.zip$/,
  );
  const saved = join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  const files = Object.fromEntries(
    Object.entries(unzipSync(readFileSync(saved))).map(([name, bytes]) => [
      name.split('/')[1] ?? name,
      strFromU8(bytes),
    ]),
  );
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['configuration.json', 'connection-tests.txt', 'recent-log.txt']),
  );
  expect(files['connection-tests.txt']).toContain(`${deadHost} refused the connection`);
  expect(Object.values(files).join('\n')).not.toContain(apiKey);
  await expect(page.getByText('Support bundle saved', { exact: true })).toBeVisible();
  await shot(page, 'bundle');
});

/** The browser host's IPC route for one channel (the bridge encodes the colon). */
const ipc = (channel: string): RegExp => new RegExp(`/ipc/${encodeURIComponent(channel)}$`);

/** Answers one IPC call with a failure, as main would report it. */
const failWith =
  (error: { code: string; message: string; text?: Text; retryable?: boolean }) => (route: Route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });

/** English that main or the servers wrote: data the German interface shows as it came. */
const BUNDLE_FAILURE = 'The support bundle could not be written to the temporary folder.';

/** What main says as texts (English beside them): the German interface says them in German. */
const ASIDE = '/home/ada/.config/license-manager/state.json.corrupt-1767571200000';
const STORAGE_WARNING = store.recovered({
  what: store.licenceState(),
  why: store.notJson(),
  aside: ASIDE,
  afterRecovery: store.licenceStateRecovered(),
});
const STORAGE_WARNING_DE = `Der gespeicherte Lizenzstatus war beschädigt (kein gültiges JSON) und wurde nach ${ASIDE} verschoben.`;
const STARTUP_FAILURE = configTexts.notValid({
  file: '/opt/acme/resources/config.json',
  field1: 'profiles.0.baseUrl',
  problem1: configTexts.useHttps(),
});
const STARTUP_FAILURE_DE =
  'Die Konfigurationsdatei /opt/acme/resources/config.json ist ungültig: - profiles.0.baseUrl: muss https:// verwenden (einfaches http:// ist nur für 127.0.0.1 und localhost erlaubt)';
const said = (text: Text) => ({ message: inEnglish(text), text });

test('in German: the shell, the diagnostics screen with test results, and a failed start', async ({
  browser,
}) => {
  const page = await germanPage(browser);
  // The shell's warnings shown as well: an unprotected secret store, a host-name fingerprint, a
  // damaged file set aside, and demo mode.
  await page.route(ipc('app:info'), async (route) => {
    const response = await route.fetch();
    const result = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    const info = result.value;
    await route.fulfill({
      response,
      json: {
        ok: true,
        value: {
          ...info,
          demoMode: true,
          fingerprint: {
            label: 'a1b2c3d4',
            source: 'hostname',
            warning: inEnglish(store.hostnameFingerprint()),
            warningText: store.hostnameFingerprint(),
          },
          secretStore: {
            backend: 'basic_text',
            protected: false,
            warning: inEnglish(store.weakKeyring()),
            warningText: store.weakKeyring(),
          },
          storageWarnings: [inEnglish(STORAGE_WARNING)],
          storageWarningTexts: [STORAGE_WARNING],
        },
      },
    });
  });
  await page.goto(serve.url);
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await nav.getByRole('button', { name: 'Diagnose' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeVisible();
  await expect(page.getByLabel('Profil')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Demomodus', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Gespeicherte Daten waren beschädigt und wurden beiseitegelegt.'),
  ).toBeVisible();
  // Main's warnings, sent as texts, in German and not marked English.
  const damaged = page.getByText(STORAGE_WARNING_DE, { exact: false }).first();
  await expect(damaged).toBeVisible();
  await expect(damaged).not.toHaveAttribute('lang', 'en');
  await expect(
    page.getByText(/^Es wurde kein Schlüsselbund des Betriebssystems gefunden/),
  ).not.toHaveAttribute('lang', 'en');
  await expect(page.locator('.status-bar')).toContainText('basic_text (ungeschützt)');
  await expect(page.locator('.status-bar')).toContainText(
    'Dieser Computer hat keine dauerhafte Geräte-ID',
  );
  await expect(page.getByRole('checkbox', { name: 'Beim Anmelden starten' })).toBeDisabled();

  const seats = connectionOf(page, 'Floating-Lizenzplätze (Babel Licensing Service)');
  await seats.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(seats.getByText('Verbindung OK')).toBeVisible();
  await expect(seats.getByRole('list', { name: /Schritte für/ })).toBeVisible();
  const dead = connectionOf(page, 'Decommissioned server');
  await dead.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(dead.getByText('Fehler bei TCP')).toBeVisible();
  await expect(dead.getByText('Die Verbindung ist fehlgeschlagen')).toBeVisible();
  // Main writes the failure, the step details and the report's sentences in German when asked in
  // German, so they are not marked English.
  const refused = dead.getByText(`TCP: ${deadHost} hat die Verbindung abgelehnt`).first();
  await expect(refused).toBeVisible();
  await expect(refused).not.toHaveAttribute('lang', 'en');
  await expect(dead.getByText('nicht ausgeführt').first()).toBeVisible();
  await expect(
    seats.getByText(/ist eine IP-Adresse \(keine Namensauflösung nötig\)/),
  ).toBeVisible();
  await expect(
    page.getByText('die Umgebungsvariablen HTTPS_PROXY, HTTP_PROXY und NO_PROXY'),
  ).toBeVisible();
  await expect(page.getByText(/Er wird mit der Produkt-ID „.*“ gesalzen/)).toBeVisible();
  // The recent log stays English (it goes to support in the bundle), marked so.
  await expect(
    page.getByText(`connection test dead: TCP: ${deadHost} refused the connection`, {
      exact: false,
    }),
  ).toHaveAttribute('lang', 'en');

  // A failed export: the German headline and hint, main's detail marked English.
  await page.route(
    ipc('diagnostics:bundle'),
    failWith({ code: 'storage', message: BUNDLE_FAILURE, retryable: true }),
  );
  await page.getByRole('button', { name: 'Supportpaket exportieren' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Es wurde kein Supportpaket erstellt' });
  await expect(alert).toContainText('Das ist meist vorübergehend.');
  await expect(alert.getByText(BUNDLE_FAILURE)).toHaveAttribute('lang', 'en');

  // Out of scope: English that main passes on as data (log lines and the bundle's error, marked
  // lang="en") and the configuration's profile names.
  await expect(page.locator('[lang="en"]').getByText(ASIDE, { exact: false })).toHaveCount(0);
  const fromMain = await page.locator('[lang="en"]').allInnerTexts();
  const profileNames = await page.getByLabel('Profil').locator('option').allInnerTexts();
  await expectNoEnglish(page, [...fromMain, ...profileNames]);
  await expectNoSeriousViolations(page, 'diagnostics in German');
  await fullScreenshot(page, `${SHOTS}/diagnostics-de.png`);

  // The app could not start: the German startup error, main's detail in German too (field names
  // as written in the file).
  await page.unroute(ipc('app:info'));
  await page.route(ipc('app:info'), failWith({ code: 'config', ...said(STARTUP_FAILURE) }));
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Der Lizenzmanager konnte nicht starten' }),
  ).toBeVisible();
  const detail = page.locator('.fatal__message');
  await expect(detail).toHaveText(STARTUP_FAILURE_DE);
  await expect(detail).not.toHaveAttribute('lang', 'en');
  await expect(page.getByText('Fehlercode:')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erneut versuchen' })).toBeFocused();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'startup error in German');
  await fullScreenshot(page, `${SHOTS}/startup-error-de.png`);
  await page.context().close();
});
