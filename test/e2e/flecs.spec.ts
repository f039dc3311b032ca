import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { startSandbox, startServe } from './browser-host';
import { demoServePerTest, fullScreenshot, openDemoProfile, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

const serve = demoServePerTest();

/** Opens the app and switches the profile picker to the demo's FLECS device licence. */
const openFlecs = async (page: Page) => {
  await openDemoProfile(page, serve.url, 'Device licence (FLECS)');
  await expect(page.getByRole('tablist', { name: 'How to activate' })).toBeVisible();
};

/**
 * The demo account as the profile's description shows it on screen ("sign in as demo /
 * flecs-demo-pass"); the values come from src/sandbox/flecs/demo-seed.json.
 */
const demoAccount = async (page: Page) => {
  const description = await page.getByText(/sign in as \S+ \/ \S+/).textContent();
  const match = /sign in as (\S+) \/ ([^\s,]+)/.exec(description ?? '');
  expect(match, 'the FLECS profile names its demo account').not.toBeNull();
  return { username: match?.[1] ?? '', password: match?.[2] ?? '' };
};

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'How to activate' }).getByRole('tab', { name });

const licenceCard = (page: Page) => page.getByRole('region', { name: 'Licence', exact: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign in with the demo account, check the licence, deactivate (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openFlecs(page);

    // A FLECS device licence has no floating seats: no Seats section.
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('button', { name: 'Activation' })).toBeVisible();
    await expect(sections.getByRole('button', { name: /seats/i })).toHaveCount(0);

    // All three ways are offered; the arrow keys move between them like any tab list.
    await expect(tab(page, 'Licence key')).toHaveAttribute('aria-selected', 'true');
    await expect(tab(page, 'Device serial number')).toBeVisible();
    await tab(page, 'Licence key').focus();
    await page.keyboard.press('ArrowRight');
    await expect(tab(page, 'Sign in with your account')).toHaveAttribute('aria-selected', 'true');
    await expect(tab(page, 'Sign in with your account')).toBeFocused();

    const { username, password } = await demoAccount(page);
    expect(username).toBe('demo');
    const passwordField = page.getByLabel('Password');
    await expect(passwordField).toHaveAttribute('type', 'password');
    await expect(passwordField).toHaveAttribute('autocomplete', 'current-password');
    await expect(page.getByText(/uses one licence from your account/)).toBeVisible();
    await page.getByLabel('Account name').fill(username);
    await passwordField.fill(password);
    await page.screenshot({
      path: `${SHOTS}/flecs-signin-${colorScheme}.png`,
      fullPage: true,
      animations: 'disabled',
    });
    await expectNoSeriousViolations(page, `activation, FLECS sign-in form (${colorScheme})`);

    await page.getByRole('button', { name: 'Sign in and activate' }).click();
    const card = licenceCard(page);
    await expect(card.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await expect(sections.getByRole('button', { name: /seats/i })).toHaveCount(0);

    // The password is nowhere the page can reach once the call is over: not in a field, not in
    // web storage or cookies, and in the page only where the demo profile's description shows it.
    const reachable = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      fields: [...document.querySelectorAll('input')].map((input) => input.value),
      stored: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
    }));
    expect(reachable.html.split(password)).toHaveLength(2);
    expect(reachable.fields).not.toContain(password);
    expect(reachable.stored + reachable.cookie).not.toContain(password);

    await card.getByRole('button', { name: 'Check now' }).click();
    await expect(card.getByRole('button', { name: 'Check now' })).toBeEnabled();
    await expect(card.getByText('Active', { exact: true })).toBeVisible();
    await expect(card.getByText('just now')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.screenshot({
      path: `${SHOTS}/flecs-active-${colorScheme}.png`,
      fullPage: true,
      animations: 'disabled',
    });
    await expectNoSeriousViolations(page, `activation, FLECS licence active (${colorScheme})`);

    await card.getByRole('button', { name: 'Deactivate…' }).click();
    await expect(page.getByText(/FLECS keeps it assigned to this device/)).toBeVisible();
    await expectNoSeriousViolations(page, `activation, deactivation asked (${colorScheme})`);
    await card.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
    await context.close();
  });
}

test('a wrong password is refused beside the form, and nothing changes', async ({ page }) => {
  await openFlecs(page);
  await tab(page, 'Sign in with your account').click();
  await page.getByLabel('Account name').fill('demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in and activate' }).click();

  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('The account name or password is wrong');
  // The password is cleared after a refusal, the account name kept for the next try.
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Account name')).toHaveValue('demo');
  await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
  await expect(licenceCard(page)).toHaveCount(0);
  await page.screenshot({
    path: `${SHOTS}/flecs-signin-error-light.png`,
    fullPage: true,
    animations: 'disabled',
  });
  await expectNoSeriousViolations(page, 'activation, FLECS password refused');

  // Still nothing recorded after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
});

test('activates with the demo FLECS key from "Use this key"', async ({ page }) => {
  await openFlecs(page);
  await tab(page, 'Device serial number').click();
  await page.getByRole('button', { name: /use this key FLECS device licence key/i }).click();
  // Using a key brings the key form back, filled in.
  await expect(tab(page, 'Licence key')).toHaveAttribute('aria-selected', 'true');
  const keyField = page.getByRole('textbox', { name: 'Licence key' });
  await expect(keyField).not.toHaveValue('');
  await expect(keyField).toBeFocused();
  await page.screenshot({
    path: `${SHOTS}/flecs-key-light.png`,
    fullPage: true,
    animations: 'disabled',
  });
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(licenceCard(page).getByText('Active', { exact: true })).toBeVisible();
});

test('activates by the device serial number', async ({ page }) => {
  await openFlecs(page);
  await tab(page, 'Device serial number').click();
  await page.screenshot({
    path: `${SHOTS}/flecs-serial-light.png`,
    fullPage: true,
    animations: 'disabled',
  });
  await expectNoSeriousViolations(page, 'activation, FLECS serial number tab');
  await page.getByRole('button', { name: 'Activate this device' }).click();
  await expect(licenceCard(page).getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** The profile picker, in either language (the shell's words are not this area's). */
const profilePicker = (page: Page) => page.getByLabel(/^Profile?$/);

/** The profiles' names come from the configuration, not from the app. */
const profileNames = (page: Page) => page.locator('header select option').allTextContents();

/** What the server or core said in an error: its text, not the app's title and hint around it. */
const messageOf = (page: Page) =>
  page
    .getByRole('alert')
    .locator('.callout__text')
    .first()
    .evaluate((text) => text.firstChild?.textContent ?? '');

const germanTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Art der Aktivierung' }).getByRole('tab', { name });

test('in German: the FLECS ways of activating, a refused sign-in, the licence and deactivation', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Diesen Computer aktivieren' })).toBeVisible();
  await profilePicker(page).selectOption({ label: 'Gerätelizenz (FLECS)' });
  await expect(germanTab(page, 'Lizenzschlüssel')).toHaveAttribute('aria-selected', 'true');
  // The profile's description (with the demo account) is the configuration's text.
  const description = (await page.locator('main p').first().textContent()) ?? '';
  const names = [...(await profileNames(page)), description];
  await expectNoEnglish(page, names);

  await germanTab(page, 'Mit Ihrem Konto anmelden').click();
  await page.getByLabel(/^(Account name|Kontoname)$/).fill('demo');
  await page.getByLabel(/^(Password|Passwort)$/).fill('not-the-password');
  await page.getByRole('button', { name: 'Anmelden und aktivieren' }).click();
  await expect(page.getByRole('alert')).toContainText('Kontoname oder Passwort ist falsch');
  // The core's sentence in German, around the console's own words (quoted, as it wrote them).
  expect(await messageOf(page)).toMatch(
    /^Die FLECS-Konsole hat die Anmeldung abgelehnt: „Sorry, the password you entered is incorrect\./,
  );
  await expect(page.getByText(/verwendet eine Lizenz aus Ihrem Konto/)).toBeVisible();
  await expectNoEnglish(page, names);
  await expectNoSeriousViolations(page, 'activation in German, FLECS sign-in refused');
  await fullScreenshot(page, `${SHOTS}/flecs-signin-error-de.png`);

  await germanTab(page, 'Seriennummer des Geräts').click();
  await expect(page.getByRole('button', { name: 'Dieses Gerät aktivieren' })).toBeVisible();
  await expectNoEnglish(page, names);
  await expectNoSeriousViolations(page, 'activation in German, FLECS serial number');
  await fullScreenshot(page, `${SHOTS}/flecs-serial-de.png`);

  await page.getByRole('button', { name: 'Dieses Gerät aktivieren' }).click();
  const card = page.getByRole('region', { name: 'Lizenz', exact: true });
  await expect(card.getByText('Aktiv', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Jetzt prüfen' }).click();
  await expect(card.getByText('gerade eben')).toBeVisible();
  await card.getByRole('button', { name: 'Deaktivieren…' }).click();
  await expect(card.getByText('Diesen Computer deaktivieren?')).toBeVisible();
  await expect(card.getByText(/FLECS ordnet sie weiterhin diesem Gerät zu/)).toBeVisible();
  await expectNoEnglish(page, names);
  await expectNoSeriousViolations(page, 'activation in German, FLECS licence, deactivation asked');
  await fullScreenshot(page, `${SHOTS}/flecs-deactivate-de.png`);

  await card.getByRole('button', { name: 'Deaktivieren', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Diesen Computer aktivieren' })).toBeVisible();
  await page.context().close();
});

test.describe('against a separate sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let hosted: Awaited<ReturnType<typeof startServe>>;
  test.beforeEach(async () => {
    sandbox = await startSandbox();
    hosted = await startServe({ config: sandbox.ready.config });
  });
  test.afterEach(async () => {
    await hosted.stop();
    await sandbox.stop();
  });

  /** The console's own admin route: the vendor revokes (or restores) the licence. */
  const setRevoked = (revoked: boolean) =>
    fetch(`${sandbox.ready.servers.flecs.url}/__sandbox/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ licenseKey: sandbox.ready.demo.flecs.licenseKey, revoked }),
    });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a licence the console revoked shows as not valid with its reason (${colorScheme})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(hosted.url);
      await page.getByLabel('Profile').selectOption({ label: 'Device licence (FLECS)' });
      await page
        .getByRole('textbox', { name: 'Licence key' })
        .fill(sandbox.ready.demo.flecs.licenseKey);
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      const card = licenceCard(page);
      await expect(card.getByText('Active', { exact: true })).toBeVisible();

      expect((await setRevoked(true)).status).toBe(200);
      await card.getByRole('button', { name: 'Check now' }).click();
      await expect(card.getByText('Not valid', { exact: true })).toBeVisible();
      const callout = page.getByRole('status').filter({ hasText: 'The licensing server says' });
      await expect(callout).toContainText('The licensing server says this licence is not valid');
      await expect(callout).toContainText(/not valid \(it may have expired or been revoked\)/);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.screenshot({
        path: `${SHOTS}/flecs-invalid-${colorScheme}.png`,
        fullPage: true,
        animations: 'disabled',
      });
      await expectNoSeriousViolations(page, `activation, FLECS licence revoked (${colorScheme})`);

      // Once the vendor restores it, checking again brings the licence back.
      expect((await setRevoked(false)).status).toBe(200);
      await callout.getByRole('button', { name: 'Check again' }).click();
      await expect(card.getByText('Active', { exact: true })).toBeVisible();
      await expect(callout).toHaveCount(0);
      await context.close();
    });
  }

  test('in German: a licence the console revoked, with the reason the server gave', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await germanPage(browser);
    await page.goto(hosted.url);
    await profilePicker(page).selectOption({ label: 'Gerätelizenz (FLECS)' });
    await page
      .getByRole('textbox', { name: 'Lizenzschlüssel' })
      .fill(sandbox.ready.demo.flecs.licenseKey);
    await page.getByRole('button', { name: 'Aktivieren', exact: true }).click();
    const card = page.getByRole('region', { name: 'Lizenz', exact: true });
    await expect(card.getByText('Aktiv', { exact: true })).toBeVisible();

    expect((await setRevoked(true)).status).toBe(200);
    await card.getByRole('button', { name: 'Jetzt prüfen' }).click();
    await expect(card.getByText('Ungültig', { exact: true })).toBeVisible();
    const callout = page.getByRole('status').filter({ hasText: 'Laut Lizenzserver' });
    await expect(callout).toContainText('Laut Lizenzserver ist diese Lizenz ungültig');
    // The reason the core gives, in German.
    await expect(callout.locator('.callout__text p').first()).toHaveText(
      'Laut FLECS-Konsole ist die Lizenz dieses Geräts ungültig (sie ist womöglich abgelaufen oder wurde widerrufen). Aktivieren Sie das Gerät erneut, oder wenden Sie sich an Ihren Administrator.',
    );
    const description = (await page.locator('main p').first().textContent()) ?? '';
    await expectNoEnglish(page, [...(await profileNames(page)), description]);
    await expectNoSeriousViolations(page, 'activation in German, FLECS licence revoked');
    await fullScreenshot(page, `${SHOTS}/flecs-invalid-de.png`);
    await page.context().close();
  });
});
