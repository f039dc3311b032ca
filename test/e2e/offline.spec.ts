import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { runCli, startSandbox, startServe, type SandboxReady } from './browser-host';
import { fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

/**
 * Offline activation through the UI, against `license-manager sandbox`: the test plays the
 * vendor (signing licence files with the sandbox's vendor key) and LicenseSpring's offline portal
 * (posting the request file to the sandbox's activate_offline).
 */

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let ready: SandboxReady;
const files = mkdtempSync(join(tmpdir(), 'lm-e2e-offline-'));

test.beforeEach(async () => {
  sandbox = await startSandbox();
  ready = sandbox.ready;
  serve = await startServe({ config: ready.config });
});
test.afterEach(async () => {
  await serve.stop();
  await sandbox.stop();
});

/** The sandbox's configuration is not the in-process demo: no "Demo mode" badge to wait for. */
const openProfile = async (page: Page, label: string) => {
  await page.goto(serve.url);
  await page.getByLabel('Profile').selectOption({ label });
};

const shot = (page: Page, name: string) => fullScreenshot(page, `${SHOTS}/offline-${name}.png`);

/** Signs a licence file as the vendor does, for this computer unless told otherwise. */
function vendorSign(name: string, extra: readonly string[] = []): string {
  const fingerprint = runCli(['--config', ready.config, 'fingerprint']).stdout.split('\n')[0];
  const signed = runCli([
    ...['--config', ready.config, 'vendor', 'sign', '--key', ready.vendorKey],
    ...['--fingerprint', fingerprint ?? '', '--licensee', 'Ada Lovelace'],
    ...['--feature', 'export', '--feature', 'render', '--expires', '2099-12-31'],
    ...extra,
  ]);
  expect(signed.code, 'vendor sign succeeds').toBe(0);
  const file = join(files, name);
  writeFileSync(file, signed.stdout);
  return file;
}

/**
 * What the person does at the vendor's portal (here: the sandbox): saves the request file from the
 * screen, has the portal turn it into a licence file, and keeps that as `name` to import.
 */
async function licenceFileFromPortal(
  page: Page,
  saveButton: Locator,
  name: string,
): Promise<string> {
  const download = page.waitForEvent('download');
  await saveButton.click();
  const requestText = readFileSync((await (await download).path()) ?? '', 'utf8').trim();
  const portal = await fetch(`${ready.servers.licensespring.url}/api/v4/activate_offline`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: requestText,
  });
  expect(portal.status, await portal.clone().text()).toBe(200);
  const licenceFile = join(files, name);
  writeFileSync(licenceFile, await portal.text());
  return licenceFile;
}

test('import a vendor-signed licence file; a tampered one is refused and changes nothing', async ({
  page,
}) => {
  await openProfile(page, 'Licence file (vendor-signed)');
  await expect(page.getByRole('heading', { level: 1, name: 'Licence file' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import your licence file' })).toBeVisible();
  await shot(page, 'licence-file-empty');
  await expectNoSeriousViolations(page, 'licence file, nothing imported');

  await page.getByLabel('Choose the licence file').setInputFiles(vendorSign('good.lic'));
  const card = page.getByRole('region', { name: /Licence for/ });
  await expect(card.getByText('Valid', { exact: true })).toBeVisible();
  await expect(card.getByText('Ada Lovelace')).toBeVisible();
  await expect(card.getByRole('list', { name: 'Features' }).getByRole('listitem')).toHaveText([
    'export',
    'render',
  ]);
  await expect(card.getByText('This computer', { exact: true })).toBeVisible();

  // One feature changed after signing: refused as altered, and the licence above stays.
  const tampered = join(files, 'tampered.lic');
  writeFileSync(tampered, readFileSync(vendorSign('base.lic'), 'utf8').replace('render', 'reNder'));
  await page.getByLabel('Choose the licence file').setInputFiles(tampered);
  const refusal = page.getByRole('alert').filter({ hasText: 'This licence file was not imported' });
  await expect(refusal).toContainText('altered after it was signed');
  await expect(card.getByText('Valid', { exact: true })).toBeVisible();
  await shot(page, 'licence-file-refused');
  await expectNoSeriousViolations(page, 'licence file, imported and a tampered one refused');

  // A file for another computer says so, and names this one's fingerprint to send the vendor.
  await page
    .getByLabel('Choose the licence file')
    .setInputFiles(vendorSign('other.lic', ['--fingerprint', 'ab'.repeat(32)]));
  await expect(page.getByRole('alert')).toContainText('another computer');
});

test('LicenseSpring offline: request file with QR code, portal answer imported, offline deactivation', async ({
  page,
}) => {
  await openProfile(page, 'LicenseSpring');
  const offline = page.getByRole('region', { name: 'No internet on this computer?' });
  await offline.getByRole('button', { name: 'Activate offline…' }).click();
  // LicenseSpring activates trial, perpetual and consumption licences offline (contract §5.6).
  await offline.getByLabel('Licence key').fill(ready.demo.licensespring.consumptionKey);
  await offline.getByRole('button', { name: 'Create request file' }).click();
  await expect(offline.getByRole('img', { name: 'QR code of the request file' })).toBeVisible();
  await shot(page, 'licensespring-request');
  await expectNoSeriousViolations(page, 'activation, offline request with QR code');

  // Saved as a file, as the person would to carry it on a USB stick, and taken to the portal.
  const licenceFile = await licenceFileFromPortal(
    page,
    offline.getByRole('button', { name: 'Save the request file…' }),
    'license.lic',
  );

  await offline.getByLabel('Choose the licence file from the portal').setInputFiles(licenceFile);
  const licenceCard = page.getByRole('region', { name: 'Licence', exact: true });
  await expect(licenceCard.getByText('Active', { exact: true })).toBeVisible();
  await shot(page, 'licensespring-activated');

  await page.getByRole('button', { name: 'Deactivate offline…' }).click();
  await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
  const deactivation = page.getByRole('region', { name: 'No internet on this computer?' });
  await expect(
    deactivation.getByText('Take the deactivation file to the offline portal'),
  ).toBeVisible();
  await expect(
    deactivation.getByRole('img', { name: 'QR code of the deactivation file' }),
  ).toBeVisible();
  await shot(page, 'licensespring-deactivated');
  await expectNoSeriousViolations(page, 'activation, offline deactivation file');
});

/** Text from the configuration, out of the app's catalogues: profile names and description. */
const fromConfiguration = async (page: Page): Promise<string[]> => {
  const names = await page.locator('header select option').allTextContents();
  const description = (await page.locator('main p').first().textContent()) ?? '';
  return [...names, description];
};

/**
 * Text from the configuration and the core, out of the app's catalogues: the profiles' names,
 * the profile's description, a licence's state sentence and an error's own message (the
 * LicenseSpring screens; the licence file screen's own sentences are German).
 */
const fromElsewhere = async (page: Page): Promise<string[]> => {
  // The core's sentence about the licence file ("Valid until …"), under the card's title.
  const sentences = await page
    .getByRole('region', { name: /^Lizenz für/ })
    .locator('.card__description')
    .allTextContents();
  const messages = await page
    .getByRole('alert')
    .locator('.callout__text')
    .evaluateAll((texts) => texts.map((text) => text.firstChild?.textContent ?? ''));
  return [...(await fromConfiguration(page)), ...sentences, ...messages];
};

const openGerman = async (page: Page, label: string) => {
  await page.goto(serve.url);
  await page.getByLabel(/^Profile?$/).selectOption({ label });
};

test('in German: the licence file screen, empty, with a licence and with a refused file', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await openGerman(page, 'Lizenzdatei (vom Anbieter signiert)');
  await expect(page.getByRole('heading', { level: 1, name: 'Lizenzdatei' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lizenzdatei importieren' })).toBeVisible();
  await expectNoEnglish(page, await fromConfiguration(page));
  await expectNoSeriousViolations(page, 'licence file in German, nothing imported');
  await shot(page, 'licence-file-empty-de');

  await page.getByLabel('Lizenzdatei auswählen').setInputFiles(vendorSign('good-de.lic'));
  const card = page.getByRole('region', { name: /Lizenz für/ });
  await expect(card.getByText('Gültig', { exact: true })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Funktionen' }).getByRole('listitem')).toHaveText([
    'export',
    'render',
  ]);
  await expect(card.getByText('Diesen Computer', { exact: true })).toBeVisible();
  // The core's sentence under the card's title, in German with a German date.
  await expect(card.locator('.card__description')).toHaveText(/^Gültig bis \d\d\.\d\d\.2\d{3}\.$/);
  await expect(page.getByText('Lizenzdatei importiert.')).toBeAttached();

  const tampered = join(files, 'tampered-de.lic');
  writeFileSync(
    tampered,
    readFileSync(vendorSign('base-de.lic'), 'utf8').replace('render', 'reNder'),
  );
  await page.getByLabel('Lizenzdatei auswählen').setInputFiles(tampered);
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'Diese Lizenzdatei wurde nicht importiert' });
  await expect(refusal).toContainText(
    'Diese Lizenzdatei wurde nach dem Signieren verändert: Ihre Signatur passt nicht zu ihrem Inhalt.',
  );
  await expect(refusal.locator('[lang="en"]')).toHaveCount(0);
  await expectNoEnglish(page, await fromConfiguration(page));
  await expectNoSeriousViolations(
    page,
    'licence file in German, imported and a tampered one refused',
  );
  await shot(page, 'licence-file-refused-de');

  await card.getByRole('button', { name: 'Lizenzdatei entfernen…' }).click();
  await expect(card.getByText('Diesen Computer deaktivieren?')).toBeVisible();
  await expectNoEnglish(page, await fromConfiguration(page));
  await page.context().close();
});

test('in German: LicenseSpring offline, request file with QR code and the deactivation file', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await openGerman(page, 'LicenseSpring');
  const offline = page.getByRole('region', { name: 'Kein Internet auf diesem Computer?' });
  await expectNoEnglish(page, await fromElsewhere(page));
  await offline.getByRole('button', { name: 'Offline aktivieren…' }).click();
  await offline.getByRole('button', { name: 'Anforderungsdatei erstellen' }).click();
  await expect(offline.getByRole('alert')).toContainText('Geben Sie einen Lizenzschlüssel ein.');
  await expectNoEnglish(page, await fromElsewhere(page));
  await shot(page, 'licensespring-request-empty-de');

  await offline.getByLabel('Lizenzschlüssel').fill(ready.demo.licensespring.consumptionKey);
  await offline.getByRole('button', { name: 'Anforderungsdatei erstellen' }).click();
  await expect(offline.getByRole('img', { name: 'QR-Code der Anforderungsdatei' })).toBeVisible();
  await expectNoEnglish(page, await fromElsewhere(page));
  await expectNoSeriousViolations(page, 'activation in German, offline request with QR code');
  await shot(page, 'licensespring-request-de');

  const licenceFile = await licenceFileFromPortal(
    page,
    offline.getByRole('button', { name: 'Anforderungsdatei speichern…' }),
    'license-de.lic',
  );
  await offline.getByLabel('Lizenzdatei aus dem Portal auswählen').setInputFiles(licenceFile);
  const licenceCard = page.getByRole('region', { name: 'Lizenz', exact: true });
  await expect(licenceCard.getByText('Aktiv', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Offline deaktivieren…' }).click();
  await page.getByRole('button', { name: 'Deaktivieren', exact: true }).click();
  const deactivation = page.getByRole('region', { name: 'Kein Internet auf diesem Computer?' });
  await expect(
    deactivation.getByText('Bringen Sie die Deaktivierungsdatei zum Offline-Portal'),
  ).toBeVisible();
  await expect(
    deactivation.getByRole('img', { name: 'QR-Code der Deaktivierungsdatei' }),
  ).toBeVisible();
  await expectNoEnglish(page, await fromElsewhere(page));
  await expectNoSeriousViolations(page, 'activation in German, offline deactivation file');
  await shot(page, 'licensespring-deactivated-de');
  await page.context().close();
});
