import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectNoSeriousViolations } from './axe';
import { startSandbox, startServe } from './browser-host';
import { fullScreenshot, SHOTS } from './demo-app';

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

/** A loopback port nobody listens on: connecting is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.beforeEach(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'lm-e2e-diagnostics-'));
  const config = JSON.parse(readFileSync(sandbox.ready.config, 'utf8')) as {
    profiles: { kind: string; apiKey?: string }[];
  };
  apiKey = config.profiles.find((profile) => profile.kind === 'seats')?.apiKey ?? '';
  deadHost = `127.0.0.1:${await closedPort()}`;
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
