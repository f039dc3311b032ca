import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { de } from '../../src/renderer/src/i18n/de';
import { expectNoSeriousViolations } from './axe';
import { demoServePerTest, fullScreenshot, openDemoProfile, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

const serve = demoServePerTest();

/**
 * The demo's LicenseSpring licences and features, as the demo keys and the sandbox seed name them
 * (src/main/demo-mode.ts, src/sandbox/licensespring/demo-seed.json).
 */
const KEYS = {
  nodeLocked: /use this key LicenseSpring node-locked/i,
  floating: /use this key LicenseSpring floating/i,
  consumption: /use this key LicenseSpring consumption/i,
};
const FEATURES = {
  activation: 'Advanced reports',
  consumption: 'Export credits',
  floating: 'CAD viewer',
};

const openLicenseSpring = async (page: Page) => {
  await openDemoProfile(page, serve.url, 'LicenseSpring');
  await expect(page.getByRole('heading', { name: 'Activate this computer' })).toBeVisible();
};

const activateDemoKey = async (page: Page, key: RegExp) => {
  await page.getByRole('button', { name: key }).click();
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Licence', exact: true }).getByText('Active', { exact: true }),
  ).toBeVisible();
};

const goTo = async (page: Page, section: 'Licence' | 'Features') => {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: section, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
};

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The first number of a meter's words ("5 of 50 used · 45 left" → 5). */
const usedOf = async (meter: Locator): Promise<number> =>
  Number(
    /^([\d,]+)/.exec((await meter.getAttribute('aria-valuetext')) ?? '')?.[1]?.replace(/,/g, ''),
  );

/** A `datetime-local` value this many hours from now, in the page's time zone. */
const hoursFromNow = (page: Page, hours: number): Promise<string> =>
  page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
    return `${day}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, hours * 3_600_000);

const screenshot = (page: Page, name: string) =>
  fullScreenshot(page, `${SHOTS}/licensespring-${name}.png`);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`activate, check and release a floating feature, record usage, read the licence (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openLicenseSpring(page);
    await expect(page.getByRole('button', { name: 'Start a 14-day trial' })).toBeVisible();
    await expectNoSeriousViolations(page, `activation, LicenseSpring inactive (${colorScheme})`);
    await activateDemoKey(page, KEYS.nodeLocked);
    await expectNoSeriousViolations(page, `activation, LicenseSpring active (${colorScheme})`);
    await goTo(page, 'Features');

    // The floating feature: one slot, which this computer takes by checking the feature.
    const floating = region(page, FEATURES.floating);
    await expect(floating.getByText('Not held here')).toBeVisible();
    await expect(
      floating.getByText(/^(0 of 1 slot in use|1 slot · not checked yet)$/),
    ).toBeVisible();
    await floating.getByRole('button', { name: `Check ${FEATURES.floating}` }).click();
    await expect(floating.getByText('Held by this computer')).toBeVisible();
    await expect(floating.getByText('1 of 1 slot in use', { exact: true })).toBeVisible();
    await expect(
      floating.getByRole('meter', { name: `Slots of ${FEATURES.floating} in use` }),
    ).toHaveAttribute('aria-valuenow', '1');
    await expect(floating.getByText(`${FEATURES.floating} checked: slot held`)).toBeVisible();
    // The screen's live region says the same, for those who do not see the note.
    await expect(page.getByRole('status').filter({ hasText: 'checked: slot held' })).toBeAttached();

    // Borrowing past the vendor's limit (12 h here) is refused by the server, beside the feature.
    const borrowToggle = floating.getByRole('button', { name: `Borrow ${FEATURES.floating}…` });
    await borrowToggle.click();
    await expect(borrowToggle).toHaveAttribute('aria-expanded', 'true');
    await floating.getByLabel(/Borrow until/).fill(await hoursFromNow(page, 20));
    await floating.getByRole('button', { name: 'Borrow', exact: true }).click();
    await expect(floating.getByRole('alert')).toBeVisible();
    await screenshot(page, `feature-borrow-refused-${colorScheme}`);
    await expectNoSeriousViolations(page, `features, borrow form and refusal (${colorScheme})`);
    await floating.getByRole('button', { name: 'Close' }).click();
    await expect(floating.getByRole('alert')).toHaveCount(0);

    // The consumption feature: recording usage moves its meter.
    const counted = region(page, FEATURES.consumption);
    const meter = counted.getByRole('meter', { name: `Usage of ${FEATURES.consumption}` });
    const before = await usedOf(meter);
    await counted.getByRole('textbox', { name: 'Record usage' }).fill('5');
    await counted.getByRole('button', { name: 'Record' }).click();
    await expect(counted.getByText(`Recorded 5 on ${FEATURES.consumption}`)).toBeVisible();
    await expect(meter).toHaveAttribute('aria-valuenow', String(before + 5));
    await expect(counted.getByRole('textbox', { name: 'Record usage' })).toHaveValue('');
    // A slip is caught beside the form, before anything is sent.
    await counted.getByRole('textbox', { name: 'Record usage' }).fill('two');
    await counted.getByRole('button', { name: 'Record' }).click();
    await expect(counted.getByRole('alert')).toContainText('Enter a whole number.');
    await expect(counted.getByRole('textbox', { name: 'Record usage' })).toBeFocused();
    await expect(meter).toHaveAttribute('aria-valuenow', String(before + 5));
    await counted.getByRole('button', { name: 'Dismiss' }).click();
    await counted.getByRole('textbox', { name: 'Record usage' }).clear();

    // An on/off feature has nothing to count: checking it says it is there.
    const plain = region(page, FEATURES.activation);
    await plain.getByRole('button', { name: `Check ${FEATURES.activation}` }).click();
    await expect(plain.getByText(`${FEATURES.activation} checked: available.`)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await screenshot(page, `features-${colorScheme}`);
    await expectNoSeriousViolations(
      page,
      `features, slot held and usage recorded (${colorScheme})`,
    );

    // Releasing gives the slot back.
    await floating.getByRole('button', { name: `Release ${FEATURES.floating}` }).click();
    await expect(floating.getByText('Not held here')).toBeVisible();
    await expect(floating.getByText('0 of 1 slot in use', { exact: true })).toBeVisible();
    await expect(floating.getByRole('button', { name: /^Release/ })).toHaveCount(0);

    await goTo(page, 'Licence');
    const terms = region(page, 'Licence terms');
    await expect(terms.getByText('Time-limited', { exact: true }).first()).toBeVisible();
    await expect(terms.getByText('1 of 3 used')).toBeVisible();
    await expect(terms.getByText('0 of 2 used')).toBeVisible();
    await expect(region(page, 'Customer').getByText('ACME Demo Ltd')).toBeVisible();
    // A node-locked licence has no floating pool and no licence-wide counter.
    await expect(region(page, 'Floating licence')).toHaveCount(0);
    await expect(region(page, 'Licence usage')).toHaveCount(0);

    const serverCheck = region(page, 'Server check');
    await serverCheck.getByRole('button', { name: 'Check with server' }).click();
    await expect(serverCheck.getByText('Checked with the server: valid.')).toBeVisible();
    await expect(serverCheck.getByText('Checked with the server just now')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await screenshot(page, `licence-${colorScheme}`);
    await expectNoSeriousViolations(page, `licence, checked with the server (${colorScheme})`);
    await context.close();
  });
}

test('a consumption licence shows its overage zone and records usage into it', async ({ page }) => {
  await openLicenseSpring(page);
  await activateDemoKey(page, KEYS.consumption);
  await goTo(page, 'Licence');
  const usage = region(page, 'Licence usage');
  await expect(usage.getByText('Up to 10 over the limit')).toBeVisible();
  await expect(usage.getByText('Resets every month')).toBeVisible();
  const meter = usage.getByRole('meter', { name: 'Licence usage' });
  const before = await usedOf(meter);
  const field = usage.getByRole('textbox', { name: 'Record usage' });

  // Past the included 100, into the overages.
  await field.fill(String(103 - before));
  await usage.getByRole('button', { name: 'Record' }).click();
  await expect(usage.getByText('103 of 100 used · 3 over the limit').first()).toBeVisible();
  await expect(meter).toHaveAttribute('aria-valuemax', '110');

  // More than the overages left is refused here, with the amount that is left.
  await field.fill('8');
  await usage.getByRole('button', { name: 'Record' }).click();
  await expect(usage.getByRole('alert')).toContainText('Only 7 more can be recorded');
  await screenshot(page, 'consumption-light');
  await expectNoSeriousViolations(page, 'licence, consumption over the limit');
});

test('a floating licence borrows within its limit and releases its slot', async ({ page }) => {
  await openLicenseSpring(page);
  await activateDemoKey(page, KEYS.floating);
  await goTo(page, 'Licence');
  const pool = region(page, 'Floating licence');
  await expect(pool.getByText('Up to 1 day', { exact: true })).toBeVisible();
  const until = pool.getByLabel(/Borrow until/);
  // The date field itself stops at the vendor's limit, and so does the form.
  await expect(until).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const tooLate = await hoursFromNow(page, 30);
  await until.fill(tooLate);
  await pool.getByRole('button', { name: 'Borrow', exact: true }).click();
  await expect(pool.getByRole('alert')).toContainText('You can borrow for 1 day at most');

  await until.fill('');
  await pool.getByRole('button', { name: 'Borrow', exact: true }).click();
  await expect(pool.getByText(/^Borrowed until /).first()).toBeVisible();
  await expect(pool.getByText('Borrowed by this computer').first()).toBeVisible();
  await screenshot(page, 'floating-light');
  await expectNoSeriousViolations(page, 'licence, floating slot borrowed');

  await pool.getByRole('button', { name: 'Release slot' }).click();
  // The release control goes with the slot; the outcome is announced, and the pool says so.
  await expect(
    page.getByRole('status').filter({ hasText: 'Floating slot released.' }),
  ).toBeVisible();
  await expect(pool.getByText('Not held here')).toBeVisible();
  await expect(pool.getByText(/^Borrowed until /)).toHaveCount(0);
  await expect(pool.getByRole('button', { name: 'Release slot' })).toHaveCount(0);
});

test('a trial starts from the activation screen and shows as a trial licence', async ({ page }) => {
  await openLicenseSpring(page);
  const trial = region(page, 'Try it first');
  await trial.getByLabel(/Email/).fill('not-an-address');
  await trial.getByRole('button', { name: 'Start a 14-day trial' }).click();
  await expect(trial.getByRole('alert')).toContainText('Enter an email address');
  await expect(trial.getByLabel(/Email/)).toBeFocused();
  await trial.getByLabel(/Email/).fill('trial@example.com');
  await screenshot(page, 'trial-light');
  await expectNoSeriousViolations(page, 'activation, trial form after a refusal');
  await trial.getByRole('button', { name: 'Start a 14-day trial' }).click();
  await expect(
    page.getByRole('region', { name: 'Licence', exact: true }).getByText('Active', { exact: true }),
  ).toBeVisible();

  await goTo(page, 'Licence');
  const terms = region(page, 'Licence terms');
  await expect(terms.getByText('Trial', { exact: true })).toBeVisible();
  await expect(terms.getByText(/^\d+\sd(\s\d+\sh)?$/)).toBeVisible();
});

// ---------------------------------------------------------------------------------------------
// German. The shell and the activation screen are translated elsewhere, so these steps find
// their way by structure (ids, the nav's order, the demo key's own label), not by English words.

const ls = de.licensespring;
/** The sandbox's trial key: a time-limited trial licence without features. */
const TRIAL_KEY = (
  JSON.parse(readFileSync('src/sandbox/licensespring/demo-seed.json', 'utf8')) as {
    demo: { trialKey: string };
  }
).demo.trialKey;

/** Opens the demo in German and activates a LicenseSpring key (a demo key's label, or a key). */
const activateInGerman = async (browser: Browser, key: RegExp | string): Promise<Page> => {
  const page = await germanPage(browser);
  await page.goto(serve.url);
  await page.locator('#profile-picker').selectOption({ label: 'LicenseSpring' });
  if (typeof key === 'string') await page.locator('#licence-key').fill(key);
  else await page.locator('.demo-keys__item', { hasText: key }).getByRole('button').click();
  await page.locator('#licence-key').press('Enter');
  // Once the licence is active, Licence and Features follow Activation in the nav.
  await expect.poll(() => page.locator('.nav__item').count()).toBeGreaterThanOrEqual(4);
  return page;
};

/** The nav's order does not change with the language: Activation, Licence, Features. */
const goToInGerman = async (page: Page, section: 'licence' | 'features') => {
  await page
    .locator('.nav__item')
    .nth(section === 'licence' ? 1 : 2)
    .click();
  const title = section === 'licence' ? ls.pages.licence : ls.pages.features;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
};

test('German: the features, with a slot held, usage recorded, a slip and a refusal', async ({
  browser,
}) => {
  const page = await activateInGerman(browser, /LicenseSpring gerätegebunden/);
  await goToInGerman(page, 'features');

  const floating = region(page, FEATURES.floating);
  await floating.getByRole('button', { name: ls.feature.checkFeature(FEATURES.floating) }).click();
  await expect(floating.getByText(ls.hold.held)).toBeVisible();
  await expect(floating.getByText(ls.slots.inUse(1, 1), { exact: true })).toBeVisible();

  const counted = region(page, FEATURES.consumption);
  const field = counted.getByRole('textbox', { name: ls.forms.recordUsage });
  await field.fill('3');
  await counted.getByRole('button', { name: ls.forms.record, exact: true }).click();
  await expect(counted.getByText(/^3 für „Export credits“ erfasst: /)).toBeVisible();
  await field.fill('zwei');
  await counted.getByRole('button', { name: ls.forms.record, exact: true }).click();
  await expect(counted.getByRole('alert')).toContainText(ls.usageProblems.notWhole);
  await expect(counted.getByRole('alert')).toContainText(ls.errorTitles.checkAmount);

  const plain = region(page, FEATURES.activation);
  await plain.getByRole('button', { name: ls.feature.checkFeature(FEATURES.activation) }).click();
  await expect(plain.getByText(ls.notes.featureAvailable(FEATURES.activation))).toBeVisible();

  // Past the 12 h limit: refused by the server, under a German headline and with main's detail
  // in German (only the server's own words, quoted, stay English). Last, since starting another
  // action clears the outcomes of the others.
  await floating.getByRole('button', { name: ls.feature.borrowFeature(FEATURES.floating) }).click();
  await floating.getByLabel(new RegExp(ls.forms.borrowUntil)).fill(await hoursFromNow(page, 20));
  await floating.getByRole('button', { name: ls.forms.borrow, exact: true }).click();
  const refusal = floating.getByRole('alert');
  await expect(refusal).toContainText(
    `LicenseSpring hat das Ende der Ausleihe der Funktion „cad-viewer“ dieser Lizenz abgelehnt: Es liegt weiter in der Zukunft, als der Anbieter eine Ausleihe erlaubt.`,
  );
  await expect(refusal).toContainText('(Der Server meldete: „borrowed_until must be after now');
  await expect(refusal.locator('[lang="en"]')).toHaveCount(0);

  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'features in German');
  await fullScreenshot(page, `${SHOTS}/licensespring-features-de.png`);
  await refusal.screenshot({ path: `${SHOTS}/licensespring-refusal-de.png` });

  await goToInGerman(page, 'licence');
  const serverCheck = region(page, ls.serverCheck.region);
  await serverCheck.getByRole('button', { name: ls.serverCheck.check }).click();
  await expect(
    serverCheck.getByText(ls.notes.refreshed(ls.localCheck.verdicts.valid)),
  ).toBeVisible();
  await expect(region(page, ls.terms.title).getByText(ls.counts.usedOf(1, 3))).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'licence in German');
  await fullScreenshot(page, `${SHOTS}/licensespring-licence-de.png`);
  await page.context().close();
});

test('German: a consumption licence over its limit', async ({ browser }) => {
  const page = await activateInGerman(browser, /LicenseSpring Verbrauch/);
  await goToInGerman(page, 'licence');
  const usage = region(page, ls.consumption.title);
  await expect(usage.getByText(ls.overages.upTo(10))).toBeVisible();
  const meter = usage.getByRole('meter', { name: ls.consumption.meter });
  const before = Number(await meter.getAttribute('aria-valuenow'));
  const field = usage.getByRole('textbox', { name: ls.forms.recordUsage });
  await field.fill(String(103 - before));
  await usage.getByRole('button', { name: ls.forms.record, exact: true }).click();
  await expect(usage.getByText(ls.meter.overage(103, 100, 3)).first()).toBeVisible();
  await field.fill('8');
  await usage.getByRole('button', { name: ls.forms.record, exact: true }).click();
  await expect(usage.getByRole('alert')).toContainText(ls.usageProblems.onlyLeftWithOverages(7));
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'licence, consumption, in German');
  await fullScreenshot(page, `${SHOTS}/licensespring-consumption-de.png`);
  await page.context().close();
});

test('German: a floating licence borrowed', async ({ browser }) => {
  const page = await activateInGerman(browser, /LicenseSpring Floating/);
  await goToInGerman(page, 'licence');
  const pool = region(page, ls.floating.title);
  await expect(
    pool.getByText(ls.floating.borrowUpTo(ls.durations.days(1)), { exact: true }),
  ).toBeVisible();
  await pool.getByRole('button', { name: ls.forms.borrow, exact: true }).click();
  await expect(pool.getByText(/^Ausgeliehen bis /).first()).toBeVisible();
  await expect(pool.getByText(ls.hold.borrowed).first()).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'licence, floating slot borrowed, in German');
  await fullScreenshot(page, `${SHOTS}/licensespring-floating-de.png`);
  await page.context().close();
});

test('German: a trial licence, and the Features screen of a licence without features', async ({
  browser,
}) => {
  const trial = await activateInGerman(browser, TRIAL_KEY);
  await goToInGerman(trial, 'licence');
  const terms = region(trial, ls.terms.title);
  await expect(terms.getByText(ls.terms.trialBadge, { exact: true })).toBeVisible();
  await expect(
    terms.getByText(ls.terms.typeTrial(ls.licenseTypes['time-limited'].label)),
  ).toBeVisible();
  await expectNoEnglish(trial);
  await expectNoSeriousViolations(trial, 'licence, trial, in German');
  await fullScreenshot(trial, `${SHOTS}/licensespring-trial-de.png`);

  // Every demo licence carries features: the empty state is shown with the details' features
  // taken out on their way to the page.
  await trial.route(
    (url) =>
      url.pathname.startsWith('/ipc/') && decodeURIComponent(url.pathname).endsWith(':details'),
    async (route) => {
      const response = await route.fetch();
      const result = (await response.json()) as { ok: boolean; value?: { features: unknown[] } };
      if (result.ok && result.value) result.value.features = [];
      await route.fulfill({ response, json: result });
    },
  );
  await goToInGerman(trial, 'features');
  await expect(trial.getByRole('heading', { name: ls.pages.noFeatures })).toBeVisible();
  await expectNoEnglish(trial);
  await expectNoSeriousViolations(trial, 'features, none, in German');
  await fullScreenshot(trial, `${SHOTS}/licensespring-features-empty-de.png`);
  await trial.context().close();
});
