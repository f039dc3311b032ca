import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { startServe } from './browser-host';
import { fullScreenshot, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';
import { startHubFleet, startTlsEngine } from './hub-fleet';

/**
 * The MobiusFlow Hubs screen against a real emulated fleet: `license-manager sandbox --hubs 1000`
 * for the hubs, `license-manager serve --config` for the app, driven through the UI only.
 */

const FLEET_SIZE = Number(process.env.HUBS_E2E_FLEET ?? 1000);
/** "1,000" as the screen writes it (the browser runs in en-US). */
const FLEET = FLEET_SIZE.toLocaleString('en-US');
let fleet: Awaited<ReturnType<typeof startHubFleet>>;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  fleet = await startHubFleet(FLEET_SIZE);
});
test.afterAll(async () => {
  await fleet?.stop();
});

/** A fresh app (its own, empty inventory) for each test; the link is good for one page load. */
let serve: Awaited<ReturnType<typeof startServe>> | undefined;
test.beforeEach(async () => {
  serve = await startServe({ config: fleet.ready.config });
});
test.afterEach(async () => {
  await serve?.stop();
});

const openHubs = async (page: Page) => {
  await page.goto(serve?.url ?? '');
  await page.getByLabel('Profile').selectOption({ label: 'MobiusFlow hubs' });
  await expect(page.getByRole('heading', { name: 'MobiusFlow hubs', level: 1 })).toBeVisible();
};

const grid = (page: Page) => page.getByRole('grid');
const chip = (page: Page, label: string) =>
  page.getByRole('group', { name: 'Show hubs' }).getByRole('button', { name: label });
/** The number on a filter chip ("Errors 4" → 4). */
const chipCount = async (page: Page, label: string): Promise<number> => {
  const text = (await chip(page, label).locator('.chip__count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
};
const rowsShown = async (page: Page): Promise<number> =>
  Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const panel = (page: Page) => page.getByRole('complementary');
/** The refresh toolbar, whose line under the button says how the last run went. */
const refreshBar = (page: Page) => page.getByRole('region', { name: 'Refresh the fleet' });

/**
 * A screenshot of the window as it is: the page does not scroll (the fleet table does), so the
 * viewport is the whole screen.
 */
const shoot = async (target: Page | Locator, name: string) => {
  const page = 'page' in target ? target.page() : target;
  await page.mouse.move(0, 0);
  await target.screenshot({ path: `${SHOTS}/hubs-${name}.png`, animations: 'disabled' });
};

/**
 * Refresh all and wait until the run is over: generous, since 1,000 hubs are each a sign-in (with
 * the password from the system keychain) and a licence read. Resolves with how many failed.
 */
const refreshAll = async (page: Page): Promise<number> => {
  await page.getByRole('button', { name: 'Refresh all' }).click();
  await expect(page.getByRole('progressbar', { name: 'Refresh progress' })).toBeVisible();
  const summary = refreshBar(page).getByText(`Refreshed ${FLEET} hubs:`);
  await expect(summary).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
  const failed = /(\d+) failed/.exec((await summary.textContent()) ?? '');
  return failed ? Number(failed[1]) : 0;
};

test('import 1,000 hubs, refresh them all, filter and sort, replace a licence code', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await openHubs(page);
  await expect(page.getByRole('heading', { name: 'No hubs in the inventory yet' })).toBeVisible();
  await expectNoSeriousViolations(page, 'hubs, empty inventory');
  const search = page.getByRole('searchbox', { name: /Search hubs/ });

  await test.step('import the inventory CSV through the file input', async () => {
    await page.getByLabel('Inventory CSV file').setInputFiles(fleet.ready.hubsCsv);
    const report = page.getByRole('region', { name: 'Import result' });
    await expect(report).toContainText(`Added ${FLEET} hubs and updated 0.`, { timeout: 60_000 });
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(FLEET_SIZE + 1));
    await expect(page.getByText(new RegExp(`^${FLEET} hubs on \\d+ sites`))).toBeVisible();
    // Virtualised: a screenful of rows is in the page, not a thousand.
    const rendered = await grid(page).locator('.fleet__row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await report.getByRole('button', { name: 'Dismiss' }).click();
  });

  await test.step('refresh all, searching the table while it runs', async () => {
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect(page.getByRole('progressbar', { name: 'Refresh progress' })).toBeVisible();
    await search.fill('000123');
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');
    await search.fill('');
    // The first refresh signs in to every hub: seconds on a quiet machine, longer on a busy
    // 2-core CI runner. Later refreshes reuse the sessions.
    await expect(refreshBar(page).getByText(`Refreshed ${FLEET} hubs:`)).toBeVisible({
      timeout: 240_000,
    });
    // On a loaded machine a hub may miss its deadline; an engineer would refresh again.
    for (let retry = 0; retry < 2 && (await chipCount(page, 'Errors')) > 0; retry += 1) {
      await refreshAll(page);
    }
    await expect(
      refreshBar(page).getByText(`Refreshed ${FLEET} hubs: ${FLEET} answered.`),
    ).toBeVisible();
  });

  const engine = await fleet.engineState();
  await test.step('the chips agree with the engine, and filter to their hubs', async () => {
    expect(await chipCount(page, 'All')).toBe(FLEET_SIZE);
    expect(await chipCount(page, 'Invalid')).toBe(engine.licences.invalid);
    expect(await chipCount(page, 'Inactive')).toBe(engine.licences.inactive);
    expect(await chipCount(page, 'Over 90 % used')).toBe(engine.licences.over90PercentUsed);
    expect(await chipCount(page, 'Errors')).toBe(0);
    expect(engine.licences.over90PercentUsed).toBeGreaterThan(0);

    await chip(page, 'Over 90 % used').click();
    await expect(chip(page, 'Over 90 % used')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => rowsShown(page)).toBe(engine.licences.over90PercentUsed);
    const percents = await grid(page).locator('.fleet-usage__percent').allTextContents();
    expect(percents.length).toBeGreaterThan(0);
    for (const percent of percents) {
      expect(Number.parseFloat(percent.replace('>', ''))).toBeGreaterThanOrEqual(90);
    }
    await chip(page, 'Invalid').click();
    await expect.poll(() => rowsShown(page)).toBe(engine.licences.invalid);
    if (engine.licences.invalid > 0) {
      await expect(grid(page).getByText('Invalid', { exact: true }).first()).toBeVisible();
    }
    await chip(page, 'All').click();
    await shoot(page, 'fleet-light');
    await expectNoSeriousViolations(page, 'hubs, fleet table with rows (light)');
  });

  await test.step('sort by usage; the keyboard reaches the last row', async () => {
    await page.getByRole('button', { name: /^Usage, sort by usage/ }).click();
    await expect(page.getByRole('columnheader', { name: /Usage/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const top = await grid(page).locator('.fleet-usage__percent').first().textContent();
    expect(Number.parseFloat((top ?? '').replace('>', ''))).toBeGreaterThan(90);

    await grid(page).getByRole('row').nth(1).focus();
    await page.keyboard.press('End');
    await expect(page.locator('.fleet__row:focus')).toHaveAttribute(
      'aria-rowindex',
      String(FLEET_SIZE + 1),
    );
    await page.keyboard.press('PageUp');
    await expect(page.locator('.fleet__row:focus')).not.toHaveAttribute(
      'aria-rowindex',
      String(FLEET_SIZE + 1),
    );
    await page.keyboard.press('Home');
    await expect(page.locator('.fleet__row:focus')).toHaveAttribute('aria-rowindex', '2');
  });

  await test.step('hubs that fail a refresh show in Errors and Unreachable', async () => {
    // Two hubs gone from the LAN, one erroring, one answering nonsense.
    const faults = [
      ['000010', 'down'],
      ['000020', 'down'],
      ['000030', 'error500'],
      ['000040', 'malformed'],
    ] as const;
    for (const [hid, fault] of faults) await fleet.setFault(hid, fault);
    await refreshBar(page)
      .getByLabel(/^At once/)
      .selectOption('16');
    await refreshAll(page);
    await expect(
      refreshBar(page).getByText(
        `Refreshed ${FLEET} hubs: ${(FLEET_SIZE - 4).toLocaleString('en-US')} answered, 4 failed.`,
      ),
    ).toBeVisible();
    expect(await chipCount(page, 'Errors')).toBe(4);
    expect(await chipCount(page, 'Unreachable')).toBe(2);
    // A hub that failed keeps the licence it reported before: the usage counts do not move.
    expect(await chipCount(page, 'Over 90 % used')).toBe(engine.licences.over90PercentUsed);
    await chip(page, 'Errors').click();
    await expect.poll(() => rowsShown(page)).toBe(4);
    await expect(grid(page).getByText('Unreachable')).toHaveCount(2);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'fleet-dark');
    await expectNoSeriousViolations(page, 'hubs, failed hubs filtered (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
    await chip(page, 'All').click();
    for (const [hid] of faults) await fleet.setFault(hid, null);
  });

  const row = grid(page).getByRole('row', { name: /000123/ });
  let hubName = '';
  let currentCode = '';
  await test.step('open one hub in the side panel', async () => {
    await search.fill('000123');
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    hubName = (await row.locator('.fleet__name').textContent()) ?? '';
    await expect(panel(page).getByRole('heading', { name: hubName })).toBeVisible();
    await expect(panel(page)).toContainText('Valid');
    currentCode = (await panel(page).locator('.replace-code__current code').textContent()) ?? '';
    expect(currentCode).toMatch(/^[0-9a-f]{4}…[0-9a-f]{4}$/);
    await shoot(page, 'side-panel');
    await expectNoSeriousViolations(page, 'hubs, side panel (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'side-panel-dark');
    await expectNoSeriousViolations(page, 'hubs, side panel (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  const spare = fleet.ready.servers.mobiusflow.spareCodes[0] ?? '';
  await test.step('replace its licence code: checked, confirmed, read back', async () => {
    await panel(page).getByRole('button', { name: 'Replace licence code…' }).click();
    const codeField = panel(page).getByLabel('New licence code');
    await expect(codeField).toBeFocused();
    await codeField.fill('not-a-code');
    await panel(page).getByRole('button', { name: 'Review…' }).click();
    await expect(panel(page).getByRole('alert')).toContainText('hexadecimal');
    // A code pasted wrapped from an e-mail is taken without its line breaks.
    await codeField.fill(`${spare.slice(0, 60)}\n${spare.slice(60)}`);
    await panel(page).getByRole('button', { name: 'Review…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the licence code?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(hubName);
    await expect(dialog).toContainText(currentCode);
    await expect(dialog.locator('.code-change__new')).toHaveText(spare);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // Focus stays in the dialog; Escape cancels and nothing is sent.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(panel(page)).toBeVisible();
    await panel(page).getByRole('button', { name: 'Review…' }).click();
    await expect(dialog).toBeVisible();
    await shoot(page, 'confirm-dialog');
    await expectNoSeriousViolations(page, 'hubs, replace-code confirmation dialog');
    await dialog.getByRole('button', { name: 'Replace code' }).click();

    const result = page.getByRole('dialog', { name: 'Licence code replaced' });
    await expect(result).toBeVisible({ timeout: 30_000 });
    const codeLine = result.getByRole('row', { name: /^Code/ });
    await expect(codeLine.getByRole('cell').first()).toHaveText(currentCode);
    const after = (await codeLine.getByRole('cell').last().textContent()) ?? '';
    // The hub reports the new code, masked to its ends.
    expect(after.startsWith(`${spare.slice(0, 4)}…${spare.slice(-4)}`)).toBe(true);
    await expect(result.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
    await shoot(page, 'code-result');
    await expectNoSeriousViolations(page, 'hubs, code replaced dialog');
    await result.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(result).toBeHidden();
    const shortAfter = `${spare.slice(0, 4)}…${spare.slice(-4)}`;
    await expect(panel(page)).toContainText(`Code replaced. The hub now reports ${shortAfter}`);
    await expect(row).toContainText(shortAfter);
    await expect(panel(page).getByRole('button', { name: 'Replace licence code…' })).toBeFocused();
  });

  await test.step('export the inventory and download the licence report', async () => {
    const [inventoryFile] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(inventoryFile.suggestedFilename()).toMatch(/^mobiusflow-hubs-[\d-]+\.csv$/);
    const exported = readFileSync(await inventoryFile.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(exported).toHaveLength(FLEET_SIZE + 1);
    // No passwords in an export.
    expect(exported.join('\n')).not.toContain(fleet.inventory()[0]?.password ?? '∅');
    const [reportFile] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Licence report' }).click(),
    ]);
    expect(reportFile.suggestedFilename()).toMatch(/^mobiusflow-licence-report-[\d-]+\.csv$/);
    const reported = readFileSync(await reportFile.path(), 'utf8');
    expect(reported.trim().split(/\r?\n/).length).toBeGreaterThan(FLEET_SIZE);
    expect(reported).not.toContain(spare);
  });
});

test('add a hub by hand: each field checked, http only on the site LAN; edit and remove it', async ({
  page,
}) => {
  const hub = fleet.inventory()[0];
  expect(hub).toBeDefined();
  if (!hub) return;
  await openHubs(page);

  await page.getByRole('button', { name: 'Add hub' }).click();
  const form = page.getByRole('dialog', { name: 'Add a hub' });
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByRole('button', { name: 'Add hub' }).click();
  // Nothing sent: each wrong field says why, and the cursor goes to the first.
  await expect(form.getByText('Give the hub a name.')).toBeVisible();
  await expect(form.getByText('Enter the hub account name.')).toBeVisible();
  await expect(form.getByText('Enter the password of the hub account.')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'add-form');
  await expectNoSeriousViolations(page, 'hubs, add-hub form with errors');

  await form.getByLabel('Name', { exact: true }).fill('Boiler room');
  await form.getByLabel('Site', { exact: true }).fill(hub.site ?? '');
  await form.getByLabel('Protocol', { exact: true }).selectOption('http');
  await form.getByLabel('Host', { exact: true }).fill(hub.host ?? '');
  await form.getByLabel('Port', { exact: true }).fill(hub.port ?? '');
  await form.getByLabel('Base path', { exact: true }).fill(hub.base_path ?? '');
  await form.getByLabel('Hub id (HID)', { exact: true }).fill(hub.hid ?? '');
  await form.getByLabel('Account name', { exact: true }).fill(hub.username ?? '');
  await form.getByLabel('Password', { exact: true }).fill(hub.password ?? '');
  await form.getByRole('button', { name: 'Add hub' }).click();
  await expect(
    form.getByText(/Plain http is allowed only for a hub on the site LAN/),
  ).toBeVisible();
  await form.getByLabel('On the site LAN', { exact: true }).check();
  await form.getByRole('button', { name: 'Add hub' }).click();
  await expect(form).toBeHidden();

  // Added and opened in the side panel; one refresh reads its licence.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');
  await expect(panel(page).getByRole('heading', { name: 'Boiler room' })).toBeVisible();
  await panel(page).getByRole('button', { name: 'Refresh this hub' }).click();
  await expect(panel(page).getByText(/of \d[\d,]* (points|objects)/)).toBeVisible();

  // Edit: the password may stay blank, which keeps the stored one.
  await panel(page).getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Boiler room' });
  await expect(edit.getByText('Leave blank to keep the stored password.')).toBeVisible();
  await edit.getByLabel('Name', { exact: true }).fill('Boiler room 2');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(grid(page).getByRole('row', { name: /Boiler room 2/ })).toBeVisible();
  await panel(page).getByRole('button', { name: 'Refresh this hub' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Boiler room 2 refreshed.' }),
  ).toHaveCount(1);
  await expect(panel(page).getByText('Last refresh failed')).toHaveCount(0);

  // Remove asks first; Keep it changes nothing, Remove empties the inventory.
  await panel(page).getByRole('button', { name: 'Remove…' }).click();
  await expect(panel(page).getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectNoSeriousViolations(page, 'hubs, removal asked');
  await panel(page).getByRole('button', { name: 'Keep it' }).click();
  await panel(page).getByRole('button', { name: 'Remove…' }).click();
  await panel(page).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No hubs in the inventory yet' })).toBeVisible();
});

test('an https hub: trust its certificate on first use, and be warned when it changes', async ({
  page,
}) => {
  let engine = await startTlsEngine('hub-a');
  try {
    await openHubs(page);
    await page.getByRole('button', { name: 'Add hub' }).click();
    const form = page.getByRole('dialog', { name: 'Add a hub' });
    await form.getByLabel('Name', { exact: true }).fill('Plant room');
    await form.getByLabel('Host', { exact: true }).fill(engine.hub.host);
    await form.getByLabel('Port', { exact: true }).fill(engine.hub.port);
    await form.getByLabel('Base path', { exact: true }).fill(engine.hub.basePath);
    await form.getByLabel('Hub id (HID)', { exact: true }).fill(engine.account.hid);
    await form.getByLabel('Account name', { exact: true }).fill(engine.account.username);
    await form.getByLabel('Password', { exact: true }).fill(engine.account.password);
    await form.getByRole('button', { name: 'Add hub' }).click();
    await expect(form).toBeHidden();

    // First use: the certificate is shown for comparison, not trusted yet.
    const certificate = panel(page).getByRole('region', { name: 'Certificate' });
    await expect(certificate.getByText('Not trusted yet')).toBeVisible();
    await expect(certificate.locator('.fingerprint')).toContainText(/^([0-9A-F]{2}:){15}/);
    await certificate.scrollIntoViewIfNeeded();
    await shoot(page.getByRole('complementary'), 'certificate-new');
    await expectNoSeriousViolations(page, 'hubs, certificate not trusted yet');
    await certificate.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(certificate.getByText('It is the certificate you pinned.')).toBeVisible();
    await panel(page).getByRole('button', { name: 'Refresh this hub' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Plant room refreshed.' })).toHaveCount(
      1,
    );

    // The same address now presents another certificate: a danger, and refreshes refuse it.
    const port = Number(engine.hub.port);
    await engine.close();
    engine = await startTlsEngine('hub-b', port);
    await certificate.getByRole('button', { name: 'Check again' }).click();
    await expect(certificate.getByText('The certificate has changed')).toBeVisible();
    await expect(certificate.getByText('Pinned fingerprint')).toBeVisible();
    await expect(
      certificate.getByRole('button', { name: 'Trust the new certificate' }),
    ).toBeVisible();
    await certificate.getByText('The certificate has changed').scrollIntoViewIfNeeded();
    await shoot(page.getByRole('complementary'), 'certificate-changed');
    await expectNoSeriousViolations(page, 'hubs, certificate changed');
    await panel(page).getByRole('button', { name: 'Refresh this hub' }).click();
    await expect(panel(page).getByText(/^Last refresh failed/)).toBeVisible({ timeout: 30_000 });
  } finally {
    await engine.close();
  }
});

/** The side panel whole: the window made tall enough for its content, then put back. */
const shootPanel = async (page: Page, path: string) => {
  const size = page.viewportSize() ?? { width: 1100, height: 760 };
  await page.setViewportSize({ width: size.width, height: 1700 });
  await page.mouse.move(0, 0);
  await page.getByRole('complementary').screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(size);
};

test('in German: empty, a fleet with an unreachable hub, the side panel, the forms, a certificate', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  // The profile's label comes from the configuration, and a hub's error message from the core:
  // not from the screen's words.
  const allowed = ['MobiusFlow hubs'];
  const engine = await startTlsEngine('hub-a');
  // Not the fleet's first hub: the https hub added below has its HID.
  const [, firstHub, , thirdHub] = fleet.inventory();
  try {
    await page.goto(serve?.url ?? '');
    await page.locator('#profile-picker').selectOption({ label: 'MobiusFlow-Hubs' });
    await expect(page.getByRole('heading', { name: 'MobiusFlow-Hubs', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Noch keine Hubs im Bestand' })).toBeVisible();
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, empty inventory');
    await fullScreenshot(page, `${SHOTS}/hubs-empty-de.png`);

    // A part of the fleet, one hub of which has gone from the network.
    const [header, ...lines] = readFileSync(fleet.ready.hubsCsv, 'utf8').trim().split(/\r?\n/);
    // And one line the import refuses, which it explains in German.
    const refused = 'Kessel,Nord,https,kessel.example,8443,,0000AA,vielleicht,admin,pw';
    const csv = [header, ...lines.slice(1, 31), refused].join('\r\n');
    await page.getByLabel('Bestands-CSV-Datei').setInputFiles({
      name: 'hubs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const report = page.getByRole('region', { name: 'Importergebnis' });
    await expect(report).toContainText('30 Hubs hinzugefügt und 0 aktualisiert.');
    await expect(report.getByRole('listitem')).toHaveText(
      'Zeile 32 lan: Schreiben Sie „yes“ oder „no“, nicht „vielleicht“',
    );
    await expectNoEnglish(page, allowed);
    await page.screenshot({ path: `${SHOTS}/hubs-import-refused-line-de.png` });
    await fleet.setFault(thirdHub?.hid ?? '', 'down');
    await page.getByRole('button', { name: 'Alle aktualisieren' }).click();
    await expect(
      page
        .getByRole('region', { name: 'Hub-Bestand aktualisieren' })
        .getByText('30 Hubs aktualisiert: 29 Antworten, 1 fehlgeschlagen.'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/^30 Hubs an \d+ Standorten? · /)).toBeVisible();
    // The unreachable hub's detail: the network layer's words, in German too.
    await expect(page.locator('.fleet__error').first()).toHaveAttribute('title', /^Hub .* – /);
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, fleet with an unreachable hub');
    await fullScreenshot(page, `${SHOTS}/hubs-fleet-de.png`);

    // The hub that failed, filtered, then opened: its error and the licence never read.
    const chips = page.getByRole('group', { name: 'Hubs anzeigen' });
    await chips.getByRole('button', { name: /^Nicht erreichbar/ }).click();
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(thirdHub?.hid ?? '') })
      .click();
    await expect(page.getByRole('complementary')).toContainText(
      'Letzte Aktualisierung fehlgeschlagen: Nicht erreichbar',
    );
    await expectNoEnglish(page, allowed);
    await fullScreenshot(page, `${SHOTS}/hubs-failed-hub-de.png`);
    await shootPanel(page, `${SHOTS}/hubs-failed-hub-panel-de.png`);
    await chips.getByRole('button', { name: /^Alle/ }).click();

    // A healthy hub in the side panel, and the question before its code is replaced.
    const panel = page.getByRole('complementary');
    const search = page.getByRole('searchbox', { name: /^Hubs nach Name/ });
    await search.fill(firstHub?.hid ?? '');
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(firstHub?.hid ?? '') })
      .click();
    await expect(panel.getByText('Vom Hub gemeldet')).toBeVisible();
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, side panel');
    await fullScreenshot(page, `${SHOTS}/hubs-side-panel-de.png`);
    await shootPanel(page, `${SHOTS}/hubs-side-panel-whole-de.png`);
    await panel.getByRole('button', { name: 'Lizenzcode ersetzen…' }).click();
    await panel.getByLabel('Neuer Lizenzcode').fill('kein-code');
    await panel.getByRole('button', { name: 'Prüfen…' }).click();
    await expect(panel.getByRole('alert')).toContainText('hexadezimaler Ziffern');
    await panel
      .getByLabel('Neuer Lizenzcode')
      .fill(fleet.ready.servers.mobiusflow.spareCodes[0] ?? '');
    await panel.getByRole('button', { name: 'Prüfen…' }).click();
    const question = page.getByRole('dialog', { name: 'Lizenzcode ersetzen?' });
    await expect(question).toBeVisible();
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, replace-code question');
    await page.screenshot({ path: `${SHOTS}/hubs-confirm-dialog-de.png` });
    await question.getByRole('button', { name: 'Abbrechen' }).click();
    await panel.getByRole('button', { name: 'Abbrechen' }).click();
    await panel.getByRole('button', { name: 'Entfernen…' }).click();
    await expect(panel.getByRole('button', { name: 'Behalten' })).toBeFocused();
    await expectNoEnglish(page, allowed);
    await panel.getByRole('button', { name: 'Behalten' }).click();
    await search.fill('');

    // The add form, each problem in German; then an https hub and its certificate.
    await page.getByRole('button', { name: 'Hub hinzufügen' }).click();
    const form = page.getByRole('dialog', { name: 'Hub hinzufügen' });
    await form.getByLabel('Protokoll', { exact: true }).selectOption('http');
    // An account name too long: zod's words, in German like the schema's own.
    await form.getByLabel('Kontoname', { exact: true }).fill('u'.repeat(257));
    await form.getByRole('button', { name: 'Hub hinzufügen' }).click();
    await expect(form.getByText('Geben Sie dem Hub einen Namen.')).toBeVisible();
    await expect(form.getByText(/^Unverschlüsseltes http ist nur/)).toBeVisible();
    await expect(form.getByText('Höchstens 256 Zeichen.')).toBeVisible();
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, add form with problems');
    await page.screenshot({ path: `${SHOTS}/hubs-add-form-de.png` });
    await form.getByText('Höchstens 256 Zeichen.').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/hubs-add-form-too-long-de.png` });
    await form.getByLabel('Protokoll', { exact: true }).selectOption('https');
    await form.getByLabel('Name', { exact: true }).fill('Technikraum');
    await form.getByLabel('Host', { exact: true }).fill(engine.hub.host);
    await form.getByLabel('Port', { exact: true }).fill(engine.hub.port);
    await form.getByLabel('Basispfad', { exact: true }).fill(engine.hub.basePath);
    await form.getByLabel('Hub-ID (HID)', { exact: true }).fill(engine.account.hid);
    await form.getByLabel('Kontoname', { exact: true }).fill(engine.account.username);
    await form.getByLabel('Passwort', { exact: true }).fill(engine.account.password);
    await form.getByRole('button', { name: 'Hub hinzufügen' }).click();
    await expect(form).toBeHidden();
    const certificate = panel.getByRole('region', { name: 'Zertifikat' });
    await expect(certificate.getByText('Noch nicht vertrauenswürdig')).toBeVisible();
    await certificate.scrollIntoViewIfNeeded();
    await expectNoEnglish(page, allowed);
    await expectNoSeriousViolations(page, 'hubs in German, certificate not trusted yet');
    await shootPanel(page, `${SHOTS}/hubs-certificate-de.png`);
  } finally {
    await fleet.setFault(thirdHub?.hid ?? '', null);
    await engine.close();
    await page.context().close();
  }
});
