import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { startSandbox, startServe } from './browser-host';
import { fullScreenshot, SHOTS } from './demo-app';

/**
 * A vendor previews their configuration with `license-manager serve --config FILE`: their name,
 * logo, accent colour and support contact, and only the profiles and screens they allow. The
 * profiles point at `license-manager sandbox`, so the page works as it would at the vendor's.
 */

const ACCENT = '#0f766e';
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let serve: Awaited<ReturnType<typeof startServe>>;
const folder = mkdtempSync(join(tmpdir(), 'lm-e2e-vendor-'));
const configFile = join(folder, 'vendor-config.json');

test.beforeAll(async () => {
  sandbox = await startSandbox();
  const sandboxConfig = JSON.parse(readFileSync(sandbox.ready.config, 'utf8')) as {
    profiles: { id: string; kind: string; label: string; apiKey?: string }[];
  };
  const seats = sandboxConfig.profiles.find((profile) => profile.kind === 'seats');
  const files = sandboxConfig.profiles.find((profile) => profile.kind === 'licence-file');
  copyFileSync(join(__dirname, '../../docs/vendor-config-logo.svg'), join(folder, 'acme.svg'));
  writeFileSync(
    configFile,
    JSON.stringify({
      productName: 'Acme CAD',
      productId: 'com.acme.cad.preview',
      logo: 'acme.svg',
      accentColor: ACCENT,
      supportContact: {
        name: 'Acme Support',
        email: 'support@acme.example',
        url: 'https://acme.example/support',
      },
      // The Seats, Hubs and Eniris screens are hidden; so are the backends not listed.
      screens: ['activation', 'licence-file'],
      profiles: [
        { ...seats, label: 'Acme floating licences' },
        { ...files, label: 'Acme licence file' },
        // A vendor mistake the user cannot fix: the server refuses this API key.
        { ...seats, id: 'misconfigured', label: 'Acme (wrong API key)', apiKey: 'api_wrong' },
      ],
    }),
  );
});
test.afterAll(async () => {
  await sandbox?.stop();
  rmSync(folder, { recursive: true, force: true });
});
test.beforeEach(async () => {
  serve = await startServe({ config: configFile });
});
test.afterEach(async () => {
  await serve.stop();
});

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

test("shows the vendor's name, logo, colour and support contact, and only the screens it allows", async ({
  page,
}) => {
  await page.goto(serve.url);
  const header = page.getByRole('banner');
  await expect(header.getByText('Acme CAD', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Acme CAD');

  // The logo arrives as a data: URL and loads under the page's CSP (img-src 'self' data:).
  const logo = header.locator('img.app-header__logo');
  await expect(logo).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect
    .poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBeGreaterThan(0);

  // The accent reaches the page through CSS custom properties the CSP allows.
  const activate = page.getByRole('button', { name: 'Activate', exact: true });
  await expect(activate).toHaveCSS('background-color', rgb(ACCENT));
  await expect(activate).toHaveCSS('color', 'rgb(255, 255, 255)');

  const support = page.locator('.status-bar__support');
  await expect(support).toContainText('Acme Support');
  await expect(support.getByRole('link', { name: 'support@acme.example' })).toHaveAttribute(
    'href',
    'mailto:support@acme.example',
  );
  await expect(support.getByRole('link', { name: 'acme.example/support' })).toHaveAttribute(
    'href',
    'https://acme.example/support',
  );

  // Only the configured backends, and for a floating-seat backend no Seats screen.
  await expect(page.getByLabel('Profile').locator('option')).toHaveText([
    'Acme floating licences',
    'Acme licence file',
    'Acme (wrong API key)',
  ]);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Activation' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Seats' })).toHaveCount(0);
  // A screen the configuration cannot list is never hidden by it.
  await expect(nav.getByRole('button', { name: 'Diagnostics' })).toBeVisible();
  await expectNoSeriousViolations(page, "activation in the vendor's colour (light)");
  await fullScreenshot(page, `${SHOTS}/vendor-branding-light.png`);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(activate).toHaveCSS('background-color', rgb(ACCENT));
  await expectNoSeriousViolations(page, "activation in the vendor's colour (dark)");
  await fullScreenshot(page, `${SHOTS}/vendor-branding-dark.png`);

  await page.getByLabel('Profile').selectOption({ label: 'Acme licence file' });
  await expect(nav.getByRole('button', { name: 'Licence file' })).toBeVisible();
});

test('an error only the vendor can fix says whom to contact', async ({ page }) => {
  await page.goto(serve.url);
  await page.getByLabel('Profile').selectOption({ label: 'Acme (wrong API key)' });
  await page.getByLabel('Licence key').fill('ANY-KEY-AT-ALL-1234');
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The licensing server refused the request');
  await expect(alert).toContainText('Contact Acme Support: support@acme.example');
  await expect(alert.getByRole('link', { name: 'support@acme.example' })).toBeVisible();
  await fullScreenshot(page, `${SHOTS}/vendor-branding-support-error.png`);
  await expectNoSeriousViolations(page, 'activation, error with the vendor support line');

  // A wrong key is the user's to fix: no support line there.
  await page.getByLabel('Profile').selectOption({ label: 'Acme floating licences' });
  await page.getByLabel('Licence key').fill('WRONG-WRONG-WRONG-WRONG');
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/not known/);
  await expect(page.getByRole('alert')).not.toContainText('Contact Acme Support');
});
