import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Core } from '../../src/main/core';
import { xdgAutostartLoginItem } from '../../src/main/desktop/login-item';
import type { startBrowserHost } from '../../src/main/host/browser-host';
import { expectNoSeriousViolations } from './axe';
import { startSandbox } from './browser-host';
import { openComposedApp } from './composed-app';
import { fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

/**
 * "Start when I log in", switched on and off from the screen. The browser host has no login
 * item, so the switch is greyed out there; the desktop app on Linux registers a freedesktop
 * autostart entry (src/main/shell/login-item.ts). Here the app's composition runs without
 * Electron: the core with that very Linux login item, writing into a throw-away autostart
 * folder, behind the browser host serving the built renderer.
 */

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let core: Core | undefined;
let host: Awaited<ReturnType<typeof startBrowserHost>> | undefined;
let dir: string;

test.beforeEach(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'lm-e2e-start-at-login-'));
  ({ core, host } = await openComposedApp({
    configFile: sandbox.ready.config,
    dir,
    parts: {
      loginItem: xdgAutostartLoginItem({
        dir: join(dir, 'autostart'),
        fileName: 'acme-cad',
        name: 'Acme CAD',
        command: ['/opt/Acme CAD/acme-cad'],
      }),
    },
  }));
});
test.afterEach(async () => {
  await host?.close();
  await core?.close();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const entry = () => join(dir, 'autostart', 'acme-cad.desktop');

async function openDiagnostics(page: Page): Promise<void> {
  await page.goto(host?.url ?? '');
  await page.locator('nav').getByRole('button').last().click();
}

test('switched on from the screen, the app is registered to start at login, and stays so', async ({
  page,
}) => {
  await openDiagnostics(page);
  const box = page.getByRole('checkbox', { name: 'Start when I log in' });
  await expect(box).toBeEnabled();
  await expect(box).not.toBeChecked();
  expect(existsSync(entry())).toBe(false);

  // A click, then the box as the app answers: it is checked once the setting is saved.
  await box.click();
  await expect(box).toBeChecked();
  await expect.poll(() => existsSync(entry())).toBe(true);
  expect(readFileSync(entry(), 'utf8')).toContain('Exec="/opt/Acme CAD/acme-cad"');
  await fullScreenshot(page, `${SHOTS}/start-at-login-on.png`);
  await expectNoSeriousViolations(page, 'diagnostics, start at login on');

  // The choice is the app's, not the page's: a new page shows it as it was left.
  await page.reload();
  await page.locator('nav').getByRole('button').last().click();
  await expect(page.getByRole('checkbox', { name: 'Start when I log in' })).toBeChecked();

  // And off again, from the keyboard.
  const again = page.getByRole('checkbox', { name: 'Start when I log in' });
  await again.focus();
  await page.keyboard.press('Space');
  await expect(again).not.toBeChecked();
  await expect.poll(() => existsSync(entry())).toBe(false);
});

test('the same in German', async ({ browser }) => {
  const page = await germanPage(browser);
  await openDiagnostics(page);
  const box = page.getByRole('checkbox', { name: 'Beim Anmelden starten' });
  await expect(box).toBeEnabled();
  await box.click();
  await expect(box).toBeChecked();
  await expect.poll(() => existsSync(entry())).toBe(true);
  await fullScreenshot(page, `${SHOTS}/start-at-login-on-de.png`);
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'diagnostics in German, start at login on');
});
