import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { demoServePerTest, fullScreenshot, openDemoProfile, SHOTS } from './demo-app';
import { expectNoEnglish, germanPage } from './german';

const serve = demoServePerTest();

/**
 * Licence keys of the demo seed that the screen does not offer itself (src/sandbox/eniris/
 * demo-seed.json): the running key, already claimed for the demo controller.
 */
const RUNNING_KEY = 'SOF-RES-9PWA-3HTC';
const OTHER_CONTROLLER = 'SOFAR-CTRL-0002';

/** Opens the app and switches the profile picker to the demo's Eniris licences. */
const openEniris = async (page: Page) => {
  await openDemoProfile(page, serve.url, 'Eniris licences (Sofar)');
  await expect(page.getByRole('heading', { name: 'Sign in to Eniris' })).toBeVisible();
};

/**
 * The demo account, controller and customer as the profile's description shows them on screen
 * ("sign in as NAME / PASSWORD; controller ID, customer UUID"); the values come from
 * src/sandbox/eniris/demo-seed.json.
 */
const demo = async (page: Page) => {
  // The demo profile's description, in English or German.
  const signIn = /(?:sign in as|Melden Sie sich als) (\S+) \/ ([^\s;,]+)/;
  const text = (await page.getByText(signIn).textContent()) ?? '';
  const account = signIn.exec(text);
  const controller = /controller ([^\s;,]+)/i.exec(text);
  const customer = /(?:customer|Kunde) ([0-9a-f]{8}-[0-9a-f-]{27})/i.exec(text);
  expect(account, 'the Eniris profile names its demo account').not.toBeNull();
  expect(controller, 'the Eniris profile names its demo controller').not.toBeNull();
  expect(customer, 'the Eniris profile names its demo customer').not.toBeNull();
  return {
    username: account?.[1] ?? '',
    password: account?.[2] ?? '',
    nodeId: controller?.[1] ?? '',
    customerId: customer?.[1] ?? '',
  };
};

/**
 * A screenshot of the whole screen. The page itself never scrolls (the main region does), so a
 * full-page shot would cut the screen off: the window grows to fit it first, then shrinks back.
 */
const shoot = async (page: Page, name: string) => {
  const size = page.viewportSize() ?? { width: 1100, height: 760 };
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.scrollHeight - main.clientHeight : 0;
  });
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: size.width, height: size.height + Math.max(0, overflow) });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
  await page.setViewportSize(size);
};

const signIn = async (page: Page, username: string, password: string) => {
  await page.getByLabel('Account name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
};

const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const accountBar = (page: Page) => page.getByRole('region', { name: 'Eniris account' });
const licencesOf = (page: Page, what: string) =>
  page.getByRole('region', { name: `Licences of ${what}` });

const showLicences = async (page: Page, by: 'By controller' | 'By customer', id: string) => {
  const licences = card(page, 'Licences');
  await licences.getByRole('tab', { name: by }).click();
  await licences.getByLabel(by === 'By controller' ? 'Controller id' : 'Customer id').fill(id);
  await licences.getByRole('button', { name: 'Show', exact: true }).click();
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign in, list a controller's licences, activate and claim the free key, sign out (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openEniris(page);

    // An Eniris profile is an account, not a licence of this computer: only the Eniris section.
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('button', { name: 'Eniris' })).toBeVisible();
    await expect(sections.getByRole('button', { name: 'Activation' })).toHaveCount(0);
    await expect(sections.getByRole('button', { name: /seats/i })).toHaveCount(0);

    const { username, password, nodeId } = await demo(page);
    expect(username).toBe('installer@sofar-demo.example');
    const passwordField = page.getByLabel('Password');
    await expect(passwordField).toHaveAttribute('type', 'password');
    await expect(passwordField).toHaveAttribute('autocomplete', 'current-password');
    await expect(page.getByText(/sign-in token is kept in your operating system/)).toContainText(
      '14 days',
    );
    await shoot(page, `eniris-signed-out-${colorScheme}`);
    await expectNoSeriousViolations(page, `eniris, signed out (${colorScheme})`);

    await signIn(page, username, password);
    await expect(accountBar(page)).toContainText(`Signed in as ${username}`);
    await expect(accountBar(page)).toContainText(/since /);
    await expect(page.getByLabel('Password')).toHaveCount(0);
    // Signed in, the cursor waits in the first thing to do.
    await expect(card(page, 'Activate a licence').getByLabel('Licence key')).toBeFocused();

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

    // The demo controller holds a running, an expired and a claimed-but-not-activated licence.
    await showLicences(page, 'By controller', nodeId);
    const controllerTable = licencesOf(page, `controller ${nodeId}`);
    await expect(controllerTable.getByRole('row')).toHaveCount(4);
    await expect(controllerTable.getByText('Active', { exact: true })).toHaveCount(1);
    await expect(controllerTable.getByText('Expired', { exact: true })).toHaveCount(1);
    await expect(controllerTable.getByText('Not activated', { exact: true })).toHaveCount(1);
    // The running licence's capacities, as chips (seed: 25 / 15 / 20 / 11 kW).
    await expect(controllerTable).toContainText(/Grid\s25\skW\s*Solar\s15\skW/);
    // Keys are masked: the running key's middle never reaches the page.
    expect(await page.content()).not.toContain(RUNNING_KEY.slice(4, 12));

    // Activate the free demo key ("Use this key" fills the field; activating is still a click).
    await page.getByRole('button', { name: /use this key Eniris licence/i }).click();
    const activateKey = card(page, 'Activate a licence').getByLabel('Licence key');
    await expect(activateKey).not.toHaveValue('');
    await expect(activateKey).toBeFocused();
    const freeKey = await activateKey.inputValue();
    await card(page, 'Activate a licence').getByRole('button', { name: 'Activate' }).click();
    const activated = page.getByRole('region', { name: 'Activated licence' });
    await expect(activated.getByText('Active', { exact: true })).toBeVisible();
    await expect(card(page, 'Activate a licence')).toContainText(/Licence active until/);
    const keyLabel = (await activated.getByRole('rowheader').textContent()) ?? '';
    expect(keyLabel).not.toBe('');
    expect(keyLabel).not.toContain(freeKey.slice(4, 12));

    // Claim it for the controller: the key carries over from the activation.
    const claim = card(page, 'Claim for a controller');
    await expect(claim.getByLabel('Licence key')).toHaveValue(freeKey);
    await expect(claim.getByText('The key is the one you just activated.')).toBeVisible();
    await claim.getByLabel('Controller id').fill(nodeId);
    await claim.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect(claim.getByText(`Claimed for ${nodeId}.`)).toBeVisible();
    await expect(claim.getByLabel('Licence key')).toHaveValue('');
    await expect(controllerTable.getByRole('row')).toHaveCount(5);
    const claimedRow = controllerTable.getByRole('row').filter({ hasText: keyLabel });
    await expect(claimedRow.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await shoot(page, `eniris-signed-in-${colorScheme}`);
    await expectNoSeriousViolations(page, `eniris, licences listed and claimed (${colorScheme})`);

    // Signing out asks first, then the sign-in card comes back with the cursor in it.
    await accountBar(page).getByRole('button', { name: 'Sign out…' }).click();
    await expect(accountBar(page).getByText('Sign out of Eniris?')).toBeVisible();
    await expect(accountBar(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousViolations(page, `eniris, sign-out asked (${colorScheme})`);
    await accountBar(page).getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Eniris' })).toBeVisible();
    await expect(page.getByLabel('Account name')).toBeFocused();
    await expect(page.getByRole('region', { name: 'Licences', exact: true })).toHaveCount(0);
    await context.close();
  });
}

test('a wrong password is refused beside the form, and nothing is signed in', async ({ page }) => {
  await openEniris(page);
  const { username } = await demo(page);
  await signIn(page, username, 'not-the-password');

  const error = card(page, 'Sign in to Eniris').getByRole('alert');
  await expect(error).toContainText('The account name or password is wrong');
  // The password is cleared after a refusal, the account name kept for the next try.
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Account name')).toHaveValue(username);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(accountBar(page)).toHaveCount(0);
  await shoot(page, 'eniris-sign-in-error-light');
  await expectNoSeriousViolations(page, 'eniris, password refused');

  // Still signed out after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Eniris' })).toBeVisible();
});

test('after too many wrong passwords the form says when to try again', async ({ page }) => {
  await openEniris(page);
  const { username, password } = await demo(page);
  const error = card(page, 'Sign in to Eniris').getByRole('alert');
  // The sandbox locks an account after 5 wrong passwords in a row (src/sandbox/eniris/server.ts).
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn(page, username, `wrong-${attempt}`);
    await expect(error).toContainText('The account name or password is wrong');
    await expect(page.getByLabel('Password')).toBeFocused();
  }
  // Locked: even the right password is turned away, with the moment it may be tried again.
  await signIn(page, username, password);
  await expect(error).toContainText('Too many failed sign-in attempts');
  await expect(error).toContainText(/You can sign in again at \d/);
  await expect(accountBar(page)).toHaveCount(0);
  await shoot(page, 'eniris-rate-limited-light');
  await expectNoSeriousViolations(page, 'eniris, sign-in locked');
});

test('claim refusals are explained beside the claim, and a customer query is remembered', async ({
  page,
}) => {
  await openEniris(page);
  const { username, password, customerId } = await demo(page);
  await signIn(page, username, password);
  await expect(accountBar(page)).toBeVisible();

  // A key another controller holds.
  const claim = card(page, 'Claim for a controller');
  await claim.getByLabel('Licence key').fill(RUNNING_KEY);
  await claim.getByLabel('Controller id').fill(OTHER_CONTROLLER);
  await claim.getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(claim.getByRole('alert')).toContainText(
    'This licence is claimed by another controller',
  );
  await expect(claim.getByLabel('Licence key')).toHaveAttribute('aria-invalid', 'true');

  // A controller Eniris does not know.
  await claim.getByLabel('Controller id').fill('NO-SUCH-CONTROLLER');
  await claim.getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(claim.getByRole('alert')).toContainText(
    'Check the licence key and the controller id',
  );
  await expect(claim.getByLabel('Controller id')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'eniris, claim refused');

  // A malformed customer id is caught before anything is sent.
  await showLicences(page, 'By customer', 'not-a-uuid');
  await expect(card(page, 'Licences').getByRole('alert')).toContainText('A customer id is a UUID');

  // The customer's licences, with how many controllers each is claimed for.
  await showLicences(page, 'By customer', customerId);
  const table = licencesOf(page, `customer ${customerId}`);
  await expect(table.getByRole('columnheader', { name: 'Controllers' })).toBeVisible();
  await expect(table.getByText('Deactivated', { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(6);
  await shoot(page, 'eniris-customer-light');
  await expectNoSeriousViolations(page, 'eniris, licences of a customer');

  // Signed in for 14 days and the last query remembered: a reload shows the same table again.
  await page.reload();
  await expect(accountBar(page)).toContainText(`Signed in as ${username}`);
  await expect(
    card(page, 'Licences').getByRole('tab', { name: 'By customer', selected: true }),
  ).toBeVisible();
  await expect(licencesOf(page, `customer ${customerId}`).getByRole('row')).toHaveCount(6);
});

/**
 * German: the app follows the OS language, and the demo configuration names its profiles and
 * keys in German too.
 */
const openEnirisGerman = async (page: Page) => {
  await page.goto(serve.url);
  await page.getByRole('combobox', { name: 'Profil' }).selectOption({
    label: 'Eniris-Lizenzen (Sofar)',
  });
  await expect(page.getByRole('heading', { name: 'Bei Eniris anmelden' })).toBeVisible();
};

const signInGerman = async (page: Page, username: string, password: string) => {
  await page.locator('#eniris-username').fill(username);
  await page.locator('#eniris-password').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
};

/** The core's message in an error callout: in German, so not marked as English data. */
const expectGermanDetail = async (alert: Locator, german: string | RegExp) => {
  const detail = alert.locator('.callout__text > span').first();
  await expect(detail).toContainText(german);
  await expect(detail).not.toHaveAttribute('lang', 'en');
};

test('in German: sign in refused and accepted, licences, activate, claim, sign-out question', async ({
  browser,
}) => {
  // Many states in one sign-in, each checked for English and by axe: longer than the default.
  test.setTimeout(180_000);
  const page = await germanPage(browser);
  await openEnirisGerman(page);
  const { username, password, nodeId, customerId } = await demo(page);
  await expect(page.getByText(/Ihr Passwort wird nur einmal für diese Anmeldung/)).toContainText(
    '14 Tage',
  );
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, signed out (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-signed-out-de.png`);

  // A wrong password: the title is the screen's, the message under it the core's.
  await signInGerman(page, username, 'not-the-password');
  const signInError = card(page, 'Bei Eniris anmelden').getByRole('alert');
  await expect(signInError).toContainText('Kontoname oder Passwort ist falsch');
  await expectGermanDetail(
    signInError,
    'Eniris hat diesen Kontonamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',
  );
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, password refused (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-sign-in-error-de.png`);

  await signInGerman(page, username, password);
  const account = page.getByRole('region', { name: 'Eniris-Konto' });
  await expect(account).toContainText(`Angemeldet als ${username}`);
  await expect(account).toContainText(/seit .* · das Anmeldetoken liegt in Ihrem Schlüsselbund/);

  // Nothing listed yet: the prompt.
  const licences = card(page, 'Lizenzen');
  await expect(licences).toContainText('Geben Sie eine Controller-ID oder eine Kunden-ID ein');
  await expectNoEnglish(page);

  // The controller's licences.
  await licences.getByRole('tab', { name: 'Nach Controller' }).click();
  await licences.locator('#eniris-query-controller').fill(nodeId);
  await licences.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  const controllerTable = page.getByRole('region', { name: `Lizenzen von Controller ${nodeId}` });
  await expect(controllerTable.getByRole('row')).toHaveCount(4);
  await expect(controllerTable.getByText('Aktiv', { exact: true })).toHaveCount(1);
  await expect(controllerTable.getByText('Abgelaufen', { exact: true })).toHaveCount(1);
  await expect(controllerTable.getByText('Nicht aktiviert', { exact: true })).toHaveCount(1);
  await expect(controllerTable).toContainText(/Netz\s25\skW\s*PV\s15\skW/);
  await expect(licences).toContainText(`3 Lizenzen von Controller ${nodeId} · Stand:`);

  // Activate the free demo key, then claim it for the controller.
  const freeKey = (await page.locator('.demo-keys__key').first().textContent()) ?? '';
  const activate = card(page, 'Lizenz aktivieren');
  await activate.getByLabel('Lizenzschlüssel').fill(freeKey);
  await activate.getByRole('button', { name: 'Aktivieren', exact: true }).click();
  await expect(activate).toContainText(/Lizenz aktiv bis \d{2}\.\d{2}\.\d{4}\./);
  await expect(
    page.getByRole('region', { name: 'Aktivierte Lizenz' }).getByText('Aktiv', { exact: true }),
  ).toBeVisible();
  const claim = card(page, 'Einem Controller zuordnen');
  await expect(
    claim.getByText('Das ist der Schlüssel, den Sie gerade aktiviert haben.'),
  ).toBeVisible();
  await claim.getByLabel('Controller-ID').fill(nodeId);
  await claim.getByRole('button', { name: 'Zuordnen', exact: true }).click();
  await expect(claim.getByText(`Dem Controller ${nodeId} zugeordnet.`)).toBeVisible();
  await expect(controllerTable.getByRole('row')).toHaveCount(5);
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, licences listed and claimed (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-signed-in-de.png`);

  // A claim refused, and a malformed customer id caught before sending.
  await claim.getByLabel('Lizenzschlüssel').fill(RUNNING_KEY);
  await claim.getByLabel('Controller-ID').fill(OTHER_CONTROLLER);
  await claim.getByRole('button', { name: 'Zuordnen', exact: true }).click();
  const claimError = claim.getByRole('alert');
  await expect(claimError).toContainText(
    'Diese Lizenz ist bereits einem anderen Controller zugeordnet',
  );
  await licences.getByRole('tab', { name: 'Nach Kunde' }).click();
  await licences.locator('#eniris-query-customer').fill('not-a-uuid');
  await licences.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await expect(licences.getByRole('alert')).toContainText('Eine Kunden-ID ist eine UUID');
  // Ours in German; the server's own words stay as it sent them, quoted.
  await expectGermanDetail(
    claimError,
    'Diese Lizenz ist bereits einem anderen Controller zugeordnet. Verwenden Sie eine andere Lizenz oder heben Sie die Zuordnung dort zuerst auf. (Der Server meldete: „License is already claimed by another controller“)',
  );
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, refusals (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-refusals-de.png`);

  // The customer's licences, with the controllers column and a deactivated one.
  await licences.locator('#eniris-query-customer').fill(customerId);
  await licences.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  const customerTable = page.getByRole('region', { name: `Lizenzen von Kunde ${customerId}` });
  await expect(customerTable.getByRole('columnheader', { name: 'Controller' })).toBeVisible();
  await expect(customerTable.getByText('Deaktiviert', { exact: true })).toBeVisible();
  await expect(customerTable.getByText('Gewerbe', { exact: true })).toBeVisible();
  await expectNoEnglish(page);
  await fullScreenshot(page, `${SHOTS}/eniris-customer-de.png`);

  // Signing out asks first.
  await account.getByRole('button', { name: 'Abmelden…' }).click();
  await expect(account.getByText('Von Eniris abmelden?')).toBeVisible();
  await expect(account.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, sign-out asked (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-sign-out-de.png`);
  await account.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bei Eniris anmelden' })).toBeVisible();
  await page.context().close();
});

test('in German: after too many wrong passwords the form says when to try again', async ({
  browser,
}) => {
  const page = await germanPage(browser);
  await openEnirisGerman(page);
  const { username, password } = await demo(page);
  const error = card(page, 'Bei Eniris anmelden').getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signInGerman(page, username, `wrong-${attempt}`);
    await expect(error).toContainText('Kontoname oder Passwort ist falsch');
    await expect(page.locator('#eniris-password')).toBeFocused();
  }
  await signInGerman(page, username, password);
  await expect(error).toContainText('Zu viele fehlgeschlagene Anmeldeversuche');
  await expect(error).toContainText(/Sie können sich um \d{1,2}:\d{2} \(in .+\) wieder anmelden\./);
  await expectGermanDetail(
    error,
    /^Für dieses Eniris-Konto gab es zu viele fehlgeschlagene Anmeldeversuche\. Versuchen Sie es in \d+ (Minuten|Sekunden) erneut\.$/,
  );
  await expect(page.getByText(/^Sandbox-Eniris-Dienst auf diesem Computer/)).toBeVisible();
  await expectNoEnglish(page);
  await expectNoSeriousViolations(page, 'eniris, sign-in locked (German)');
  await fullScreenshot(page, `${SHOTS}/eniris-rate-limited-de.png`);
  await page.context().close();
});
