import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { demoServePerTest, fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

/**
 * An activation link (`licensemgr://activate?key=…&profile=…`) fills in the activation form and
 * activates nothing until the person clicks Activate. A browser cannot be handed links by the OS,
 * so the test hands them to the browser host's stand-in for it (`POST /link`); from there the
 * path is the app's: the core judges the link, rings `link:received`, the page takes the link.
 */

const serve = demoServePerTest();

interface DemoKey {
  readonly profileId: string;
  readonly key: string;
}

/** The page's own IPC door, so the checks see what the app sees. */
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(
    async ([name, body]) =>
      (
        await fetch(`/ipc/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json() as Promise<{ ok: boolean; value?: Record<string, unknown> }>,
    [channel, input] as const,
  );
const statusOf = async (page: Page, profileId: string) =>
  (await invoke(page, 'licence:status', { profileId })).value?.status;
const floatingKey = async (page: Page): Promise<string> => {
  const info = await invoke(page, 'app:info', {});
  const keys = (info.value?.demoKeys ?? []) as DemoKey[];
  const key = keys.find((demo) => demo.profileId === 'seats')?.key;
  if (!key) throw new Error('the demo has no floating key');
  return key;
};
const activationLink = (key: string, profile?: string) =>
  `licensemgr://activate?key=${encodeURIComponent(key)}${profile ? `&profile=${profile}` : ''}`;

/** What the OS does when someone opens the link: hands it to the running app. */
const openLink = (request: APIRequestContext, origin: string, url: string) =>
  request.post(`${origin}/link`, { headers: { origin }, data: { url } });

test('a link fills in the key and focuses Activate; only the click activates', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const key = await floatingKey(page);
  // The person is looking at another profile when the link arrives.
  await page.getByLabel('Profile').selectOption({ label: 'Device licence (FLECS)' });
  expect(await statusOf(page, 'seats')).toBe('inactive');

  const handed = await openLink(page.request, origin, activationLink(key, 'seats'));
  expect(await handed.json()).toEqual({ ok: true, value: {} });

  await expect(page.getByLabel('Profile')).toHaveValue('seats');
  await expect(page.getByLabel('Licence key')).toHaveValue(key);
  await expect(page.getByText('Key from a link — check it and click Activate')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeFocused();
  await fullScreenshot(page, `${SHOTS}/deep-link-filled.png`);
  await expectNoSeriousViolations(page, 'activation, form filled in by a link');

  // Filled in, focused, and still nothing activated: not here, not on the server's side.
  expect(await statusOf(page, 'seats')).toBe('inactive');
  await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
  // The key never was in the page's address (nor, so, in its history).
  expect(page.url()).not.toContain(key);

  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  expect(await statusOf(page, 'seats')).toBe('active');
});

test('a link that arrives before the page is open fills the form when it opens', async ({
  context,
  page,
}) => {
  // Trade the one-time link for the session without opening the page yet.
  const opened = await context.request.get(serve.url, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  const origin = new URL(serve.url).origin;
  await openLink(context.request, origin, activationLink('LINK-BEFORE-READY-0001'));

  await page.goto(`${origin}/`);
  await expect(page.getByLabel('Licence key')).toHaveValue('LINK-BEFORE-READY-0001');
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeFocused();
  expect(await statusOf(page, 'seats')).toBe('inactive');
  // Taken once: a reload shows an empty form.
  await page.reload();
  await expect(page.getByLabel('Licence key')).toHaveValue('');
});

test('a link that is not an activation link is refused on screen, and fills nothing', async ({
  page,
}) => {
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  const origin = new URL(page.url()).origin;
  await openLink(page.request, origin, activationLink('ABCD-EFGH-IJKL', 'no-such-profile'));

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This link cannot be used');
  await expect(alert).toContainText('names a product this app does not know');
  await expect(page.getByLabel('Licence key')).toHaveValue('');
  await fullScreenshot(page, `${SHOTS}/deep-link-refused.png`);
  await expectNoSeriousViolations(page, 'activation, link refused');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('a link for a profile that is already activated is not used, and says so', async ({
  page,
}) => {
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const key = await floatingKey(page);
  await page.getByLabel('Licence key').fill(key);
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();

  await openLink(page.request, origin, activationLink('OTHER-KEY-0002', 'seats'));
  await expect(
    page.getByRole('status').filter({ hasText: 'The key from the link was not used' }),
  ).toContainText('deactivate this licence first');
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await fullScreenshot(page, `${SHOTS}/deep-link-already-active.png`);
  await expectNoSeriousViolations(page, 'activation, link for an active licence');
});

test('in German: a link fills the form, a bad link is refused, an active profile keeps its key', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Diesen Computer aktivieren' })).toBeVisible();
  const origin = new URL(page.url()).origin;
  // The profiles' names and descriptions are the configuration's, not the app's.
  const names = await page.locator('header select option').allTextContents();
  const description = (await page.locator('main p').first().textContent()) ?? '';
  const elsewhere = [...names, description];

  const key = await floatingKey(page);
  await openLink(page.request, origin, activationLink(key, 'seats'));
  await expect(page.getByLabel('Lizenzschlüssel')).toHaveValue(key);
  await expect(
    page.getByText('Schlüssel aus einem Link – prüfen Sie ihn und klicken Sie auf „Aktivieren“'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aktivieren', exact: true })).toBeFocused();
  await expectNoEnglish(page, elsewhere);
  await expectNoSeriousViolations(page, 'activation in German, form filled in by a link');
  await fullScreenshot(page, `${SHOTS}/deep-link-filled-de.png`);

  // A link for a profile this app does not know: the core's reason, in German, under the title.
  await openLink(page.request, origin, activationLink('ABCD-EFGH-IJKL', 'no-such-profile'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Dieser Link kann nicht verwendet werden');
  const reason = alert.getByText(
    'Der Aktivierungslink nennt ein Produkt, das diese App nicht kennt.',
  );
  await expect(reason).toContainText('Bitten Sie den Absender erneut um den Link');
  await expect(reason).not.toHaveAttribute('lang', 'en');
  await expectNoEnglish(page, elsewhere);
  await expectNoSeriousViolations(page, 'activation in German, link refused');
  await fullScreenshot(page, `${SHOTS}/deep-link-refused-de.png`);
  await alert.getByRole('button').click();
  await expect(alert).toHaveCount(0);

  await page.getByRole('button', { name: 'Aktivieren', exact: true }).click();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await openLink(page.request, origin, activationLink('OTHER-KEY-0002', 'seats'));
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Der Schlüssel aus dem Link wurde nicht verwendet' }),
  ).toContainText('deaktivieren Sie zuerst diese Lizenz');
  await expectNoEnglish(page, elsewhere);
  await expectNoSeriousViolations(page, 'activation in German, link for an active licence');
  await fullScreenshot(page, `${SHOTS}/deep-link-already-active-de.png`);
  await page.getByRole('button', { name: 'Schließen', exact: true }).click();
  await page.context().close();
});
