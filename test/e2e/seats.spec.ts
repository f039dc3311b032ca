import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { startServe } from './browser-host';
import { fullScreenshot } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

let serve: Awaited<ReturnType<typeof startServe>>;
test.beforeEach(async () => {
  serve = await startServe();
});
test.afterEach(async () => {
  await serve.stop();
});

const activateDemoFloatingKey = async (page: Page) => {
  await page.getByRole('button', { name: /use this key floating licence/i }).click();
  await expect(page.getByLabel('Licence key')).not.toHaveValue('');
  const key = await page.getByLabel('Licence key').inputValue();
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByText('This is a floating licence')).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  return key;
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`activate, take a seat, see it listed, release it (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(serve.url);
    await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/activation-empty-${colorScheme}.png`, fullPage: true });
    await expectNoSeriousViolations(page, `activation, inactive (${colorScheme})`);

    const key = await activateDemoFloatingKey(page);
    await page.screenshot({
      path: `${SHOTS}/activation-active-${colorScheme}.png`,
      fullPage: true,
    });
    await expectNoSeriousViolations(page, `activation, active floating licence (${colorScheme})`);

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /seats/i })
      .click();
    await page.getByRole('button', { name: /request (a )?seat/i }).click();
    const holders = page.getByRole('region', { name: 'Seat holders' });
    await expect(holders.getByText('This computer')).toBeVisible();
    await expect(holders.getByText('LAB-PC-07')).toBeVisible();
    await expect(page.getByText(/next heartbeat/i)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/seats-held-${colorScheme}.png`, fullPage: true });
    await expectNoSeriousViolations(page, `seats, seat held (${colorScheme})`);

    // No secret anywhere the page can reach: not in the DOM, not in web storage, not in cookies.
    const reachable = await page.evaluate(
      () =>
        document.documentElement.outerHTML +
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    expect(reachable).not.toContain(key.slice(6, 17));
    expect(reachable).not.toMatch(/fltk_[a-z0-9]{12}/);
    expect(reachable).not.toMatch(/api_[a-z0-9]{24}/);

    await page.getByRole('button', { name: /release( seat)?/i }).click();
    await expect(holders.getByText('This computer')).toHaveCount(0);
    await expectNoSeriousViolations(page, `seats, seat released (${colorScheme})`);
    await context.close();
  });
}

test('a wrong key is refused beside the form, and nothing changes', async ({ page }) => {
  await page.goto(serve.url);
  await page.getByLabel('Licence key').fill('WRONG-WRONG-WRONG-WRONG');
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/not known/);
  await page.screenshot({ path: `${SHOTS}/activation-error-light.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'activation, key refused');
  await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
});

test('the page runs under a strict CSP: injected inline script never runs', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  const violated = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.violatedDirective),
          { once: true },
        ),
      ),
  );
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = true';
    document.body.append(script);
  });
  expect(await violated).toMatch(/^script-src/);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();
});

/** The demo's floating key, asked of the page's own IPC door (no English button to click). */
const demoFloatingKey = (page: Page) =>
  page.evaluate(async () => {
    const answer = (await (
      await fetch('/ipc/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { value?: { demoKeys?: { profileId: string; key: string }[] } };
    return answer.value?.demoKeys?.find((demo) => demo.profileId === 'seats')?.key ?? '';
  });

/** The profiles' names come from the configuration (here the demo's), not from the app. */
const profileNames = (page: Page) => page.locator('header select option').allTextContents();

test('in German: activation, a refused key, the seat screen empty and with a seat held', async ({
  browser,
}) => {
  // Five screens, each checked by axe: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await page.goto(serve.url);
  const activate = page.getByRole('heading', { name: 'Diesen Computer aktivieren' });
  await expect(activate).toBeVisible();
  // The demo configuration names its profiles, their descriptions and its keys in German too.
  expect(await profileNames(page)).toContain('Floating-Lizenzplätze (Babel Licensing Service)');
  await expect(page.getByText(/^Sandbox-Server auf diesem Computer: /)).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Diesen Schlüssel verwenden Floating-Lizenz, 5 Plätze' }),
  ).toBeVisible();
  await expect(page.locator('.demo-keys__label').first()).not.toHaveAttribute('lang', 'en');
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'activation in German, inactive');
  await fullScreenshot(page, `${SHOTS}/activation-empty-de.png`);

  // The seat screen before any licence: it sends the person to the activation screen.
  await page
    .getByRole('navigation')
    .first()
    .getByRole('button', { name: /seats|lizenzpl/i })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Keine Lizenz auf diesem Computer' }),
  ).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'seats in German, no licence');
  await fullScreenshot(page, `${SHOTS}/seats-empty-de.png`);
  await page.getByRole('button', { name: 'Zur Aktivierung' }).click();

  // A key the server does not know: the core's sentence, in German too.
  await page.getByLabel('Lizenzschlüssel').fill('WRONG-WRONG-WRONG-WRONG');
  await page.getByRole('button', { name: 'Aktivieren', exact: true }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(
    'Dieser Lizenzschlüssel ist dem Lizenzserver nicht bekannt. Prüfen Sie ihn auf Tippfehler.',
  );
  await expect(refusal.locator('[lang="en"]')).toHaveCount(0);
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'activation in German, key refused');
  await fullScreenshot(page, `${SHOTS}/activation-error-de.png`);

  await page.getByLabel('Lizenzschlüssel').fill(await demoFloatingKey(page));
  await page.getByRole('button', { name: 'Aktivieren', exact: true }).click();
  await expect(page.getByText('Dies ist eine Floating-Lizenz')).toBeVisible();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'activation in German, floating licence active');
  await fullScreenshot(page, `${SHOTS}/activation-active-de.png`);

  await page.getByRole('button', { name: 'Zu den Lizenzplätzen' }).click();
  await page.getByRole('button', { name: 'Lizenzplatz anfordern' }).click();
  const holders = page.getByRole('region', { name: 'Belegte Lizenzplätze' });
  // The holders list is fetched again after the seat is taken: give a busy machine time.
  await expect(holders.getByText('Dieser Computer')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Nächstes Lebenszeichen')).toBeVisible();
  await expect(page.locator('.success-note').getByText('Lizenzplatz belegt.')).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'seats in German, seat held');
  await fullScreenshot(page, `${SHOTS}/seats-held-de.png`);

  await page.getByRole('button', { name: 'Lizenzplatz freigeben' }).click();
  await expect(holders.getByText('Dieser Computer')).toHaveCount(0);
  await expect(page.locator('.success-note').getByText('Lizenzplatz freigegeben.')).toBeVisible();
  await expectNoEnglish(page);
  await page.context().close();
});
