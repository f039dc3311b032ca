import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { demoServePerTest, fullScreenshot, SHOTS } from './demo-app';

/**
 * The main flow with the keyboard only: pick a profile, reach the activation form, fill it with
 * the demo key, activate, open the Seats screen, take a seat and give it back. No mouse and no
 * locator clicks: every step is a key press. After each press the focus is somewhere a person can
 * see (a control with a visible focus ring), never dropped to <body>.
 */

const serve = demoServePerTest();

/** Most Tab presses between two stops of the flow; a page with more stops than this is a bug. */
const MAX_TABS = 40;

interface FocusFacts {
  readonly tag: string;
  readonly name: string;
  readonly focusVisible: boolean;
  readonly ring: boolean;
}

/** What has the focus now, and whether its focus indicator shows. */
const focusFacts = (page: Page): Promise<FocusFacts | null> =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return {
      tag: element.tagName.toLowerCase(),
      name: (
        element.getAttribute('aria-label') ??
        (element instanceof HTMLInputElement || element instanceof HTMLSelectElement
          ? element.labels?.[0]?.textContent
          : element.textContent) ??
        ''
      )
        .trim()
        .slice(0, 60),
      focusVisible: element.matches(':focus-visible'),
      ring: outline || style.boxShadow !== 'none',
    };
  });

/** Focus is on a control and its ring shows. */
async function expectVisibleFocus(page: Page, after: string): Promise<void> {
  const facts = await focusFacts(page);
  expect(facts, `focus was lost to <body> after ${after}`).not.toBeNull();
  expect(facts?.focusVisible, `${facts?.tag} "${facts?.name}" after ${after}: :focus-visible`).toBe(
    true,
  );
  expect(facts?.ring, `${facts?.tag} "${facts?.name}" after ${after}: outline or shadow`).toBe(
    true,
  );
}

/**
 * After a screen change the shell moves focus to the new screen's <main> (the reading position,
 * which is not a control and has no ring): there, or on a visibly focused control.
 */
async function expectFocusAfterNavigation(page: Page, screen: string): Promise<void> {
  const onMain = await page
    .getByRole('main', { name: screen })
    .evaluate((main) => main === document.activeElement);
  if (!onMain) await expectVisibleFocus(page, `opening ${screen}`);
}

/**
 * Presses Tab until `target` has the focus (Shift+Tab when it comes before the focus in the
 * page), checking every stop on the way.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const backwards = await target.evaluate(
    (element) =>
      document.activeElement !== null &&
      document.activeElement !== document.body &&
      (element.compareDocumentPosition(document.activeElement) &
        Node.DOCUMENT_POSITION_FOLLOWING) !==
        0,
  );
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
    await expectVisibleFocus(page, key);
  }
  throw new Error(`${MAX_TABS} presses of ${key} did not reach ${target.toString()}`);
}

test('pick a profile, activate, take and release a seat, with the keyboard only', async ({
  page,
}) => {
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();
  const picker = page.getByLabel('Profile');
  const activate = page.getByRole('button', { name: 'Activate', exact: true });

  await test.step('pick a profile with the arrow keys', async () => {
    await tabTo(page, picker);
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveValue('flecs');
    await expect(page.getByRole('tablist', { name: 'How to activate' })).toBeVisible();
    await expectVisibleFocus(page, 'choosing the FLECS profile');
    await page.keyboard.press('ArrowUp');
    await expect(picker).toHaveValue('seats');
    await expectVisibleFocus(page, 'choosing the seats profile');
  });

  await test.step('fill the activation form with the demo key and activate', async () => {
    const useKey = page.getByRole('button', { name: /use this key floating licence/i });
    await tabTo(page, useKey);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SHOTS}/keyboard-focus-ring.png`, animations: 'disabled' });
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Licence key')).not.toHaveValue('');
    await expectVisibleFocus(page, '"Use this key"');
    await tabTo(page, activate);
    await page.keyboard.press('Enter');
    await expect(page.getByText('This is a floating licence')).toBeVisible();
    await expectVisibleFocus(page, 'activating');
  });

  const seats = page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Seats' });
  await test.step('open the Seats screen from the nav', async () => {
    await tabTo(page, seats);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /seats/i })).toBeVisible();
    await expectFocusAfterNavigation(page, 'Seats');
  });

  const holders = page.getByRole('region', { name: 'Seat holders' });
  await test.step('take a seat with Enter', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Request seat' }));
    await page.keyboard.press('Enter');
    await expect(holders.getByText('This computer')).toBeVisible();
    await expectVisibleFocus(page, 'requesting a seat');
  });

  await test.step('release it with Space', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Release seat' }));
    await page.keyboard.press('Space');
    await expect(holders.getByText('This computer')).toHaveCount(0);
    await expectVisibleFocus(page, 'releasing the seat');
  });
  await expectNoSeriousViolations(page, 'seats, after the keyboard flow');
  await fullScreenshot(page, `${SHOTS}/keyboard-seats-axe-clean.png`);
});

test('diagnostics: test a connection, reach the start-at-login box, export the bundle, with the keyboard only', async ({
  page,
}) => {
  // The browser host cannot start at login: the box must never ask main to change it.
  const startupChanges: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(`/ipc/${encodeURIComponent('settings:set-start-at-login')}`))
      startupChanges.push(request.postData() ?? '');
  });
  await page.goto(serve.url);
  await expect(page.getByText('Demo mode', { exact: true })).toBeVisible();

  await test.step('open the Diagnostics screen from the nav', async () => {
    const diagnostics = page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Diagnostics' });
    await tabTo(page, diagnostics);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
    await expectFocusAfterNavigation(page, 'Diagnostics');
  });

  const seats = page.getByRole('listitem').filter({
    has: page.getByRole('heading', {
      level: 3,
      name: 'Floating seats (Babel Licensing Service)',
      exact: true,
    }),
  });
  const testSeats = seats.getByRole('button', { name: 'Test connection' });
  await test.step('test the seats profile’s connection with Enter', async () => {
    await tabTo(page, testSeats);
    await expect(seats.getByText('Not tested', { exact: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(seats.getByText('Connection OK', { exact: true })).toBeVisible();
    await expect(
      seats.getByRole('list', { name: /^Steps for http:\/\/127\.0\.0\.1:\d+/ }),
    ).toBeVisible();
    // The button is disabled while the test runs; the focus comes back to it, not to <body>.
    await expect(testSeats).toBeFocused();
    await expectVisibleFocus(page, 'testing the connection');
  });

  const startup = page.getByRole('checkbox', { name: 'Start when I log in' });
  await test.step('reach the start-at-login box: announced as disabled, Space leaves it off', async () => {
    await tabTo(page, startup);
    await expect(startup).toBeDisabled();
    await expect(startup).not.toBeChecked();
    await expect(startup).toHaveAccessibleDescription(
      'Only the installed desktop app can start at login; change this setting there.',
    );
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: `${SHOTS}/keyboard-diagnostics-startup-focus.png`,
      animations: 'disabled',
    });
    await page.keyboard.press('Space');
    await expect(startup).not.toBeChecked();
    await expect(startup).toBeFocused();
    await expectVisibleFocus(page, 'Space on the disabled box');
    expect(startupChanges, 'the disabled box asked main to change the setting').toEqual([]);
  });

  const exportBundle = page.getByRole('button', { name: 'Export support bundle' });
  await test.step('go back up with Shift+Tab and export the support bundle with Space', async () => {
    await tabTo(page, exportBundle);
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Space');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/-support-\d{8}-\d{6}\.zip$/);
    const saved = await download.path();
    // A zip file: it starts with a local file header.
    expect(readFileSync(saved).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    await expect(page.getByText('Support bundle saved', { exact: true })).toBeVisible();
    // The button is disabled while the bundle is made; the focus comes back to it.
    await expect(exportBundle).toBeFocused();
    await expectVisibleFocus(page, 'exporting the support bundle');
  });
  await expectNoSeriousViolations(page, 'diagnostics, after the keyboard flow');
  await fullScreenshot(page, `${SHOTS}/keyboard-diagnostics.png`);
});
