import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startServe } from './browser-host';

/** Where the specs leave their screenshots for a person to look at. */
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/**
 * `license-manager serve` in demo mode, started fresh around each test of the calling file
 * (registers its own beforeEach/afterEach). `url` is the current test's one-time link.
 */
export function demoServePerTest(): { readonly url: string } {
  let serve: Awaited<ReturnType<typeof startServe>> | undefined;
  test.beforeEach(async () => {
    serve = await startServe();
  });
  test.afterEach(async () => {
    await serve?.stop();
  });
  return {
    get url() {
      if (!serve) throw new Error('The demo app runs inside a test only.');
      return serve.url;
    },
  };
}

/** Opens the demo app and switches the profile picker to the profile with this label. */
export async function openDemoProfile(page: Page, url: string, profile: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  await page.getByLabel('Profile').selectOption({ label: profile });
}

/**
 * The whole screen in one picture. The page itself never scrolls (the main region does), so the
 * window is made as tall as the screen's content for the shot, then put back.
 */
export async function fullScreenshot(page: Page, path: string): Promise<void> {
  const scrolled = await page
    .locator('main')
    .evaluate((main) => main.scrollHeight - main.clientHeight);
  const size = page.viewportSize() ?? { width: 1100, height: 760 };
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: size.width, height: size.height + Math.max(0, scrolled) });
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(size);
}
