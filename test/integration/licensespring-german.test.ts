import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringBackend,
} from '../../src/main/licensing/backends/licensespring';
import type { AppError } from '../../src/shared/errors';
import { type Text, renderText } from '../../src/shared/text';
import { textSchema } from '../../src/shared/text-schema';
import { german, germanFormats } from '../../src/shared/texts/german';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { licenseSpringConfigFor, openInstallation } from '../support/core-harness';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * LicenseSpring's refusals and verdicts reach a German screen in German: real refusals of the
 * sandbox over loopback HTTP, through the adapter, the licence service (over the IPC dispatcher,
 * whose contract the text must pass) and the offline activation.
 */

const demo = licenseSpringDemo();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 23, 9);
const formats = germanFormats('de-DE');

/** The text as a German screen shows it; it must also be one the IPC contract lets through. */
function inGerman(text: Text | undefined): string | undefined {
  expect(text, 'the message carries its text').toBeDefined();
  expect(textSchema.safeParse(text).success).toBe(true);
  return text && renderText(text, german, formats);
}

let sandbox: LicenseSpringSandbox;
let serverClock: ManualClock;
beforeEach(async () => {
  serverClock = createManualClock(T0);
  sandbox = await startLicenseSpringSandbox({ clock: serverClock });
});
afterEach(() => sandbox.close());

describe('the LicenseSpring adapter, refused by the sandbox, in German', () => {
  const transport = createAxiosHttpClient();
  const computer = (name: string, clock: ManualClock = serverClock): LicenseSpringBackend =>
    createLicenseSpringBackend({
      baseUrl: sandbox.url,
      productCode: sandbox.productCode,
      auth: { kind: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      publicKeyPem: sandbox.publicKeyPem,
      authorizationMethod: 'license-key',
      http: transport,
      clock,
      identity: { machineId: `hw-${name}`, clientId: `client-${name}`, clientName: name },
    });
  const activate = (device: LicenseSpringBackend, key: string) =>
    device.activate({ method: 'key', key });

  it('says that every activation is in use, with the number the server gave', async () => {
    for (const name of ['one', 'two', 'three']) await activate(computer(name), demo.nodeLockedKey);
    const error = await licensingFailure(activate(computer('four'), demo.nodeLockedKey));
    expect(error.code).toBe('seat_unavailable');
    expect(inGerman(error.text)).toBe(
      'Alle 3 Aktivierungen dieser Lizenz sind belegt: Deaktivieren Sie sie auf einem Computer, den Sie nicht mehr verwenden, und versuchen Sie es dann erneut.',
    );
  });

  it('names the borrowing limit in German hours, and quotes the server', async () => {
    const device = computer('laptop');
    await activate(device, demo.floatingKey);
    await device.licenseSpring.check(demo.floatingKey);
    const error = await licensingFailure(
      device.licenseSpring.borrow(demo.floatingKey, T0 + 48 * HOUR),
    );
    expect(error.message).toMatch(/at most 24 hours from now/);
    const shown = inGerman(error.text);
    expect(shown).toMatch(
      /^LicenseSpring hat das Ende der Ausleihe dieser Lizenz abgelehnt: Ausleihen ist höchstens 24 Stunden ab jetzt möglich\. Wählen Sie ein früheres Datum\. \(Der Server meldete: „.+“\)$/,
    );
  });

  it('refuses a licence file from the offline portal that was made for another computer', async () => {
    const request = await computer('a').licenseSpring.offlineRequest(
      demo.consumptionKey,
      'activation',
    );
    const answer = await fetch(`${sandbox.url}/api/v4/activate_offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: request,
    });
    expect(answer.status).toBe(200);
    const error = await licensingFailure(
      computer('b').licenseSpring.readOfflineResponse(await answer.text()),
    );
    expect(error.code).toBe('wrong_machine');
    expect(inGerman(error.text)).toBe(
      'Diese Lizenzdatei wurde für einen anderen Computer erstellt. Erstellen Sie auf diesem Computer eine Anforderungsdatei, laden Sie sie im LicenseSpring-Offline-Portal hoch und importieren Sie die Lizenzdatei, die Sie dort erhalten.',
    );
  });

  it('says how far this computer’s clock is behind, in German', async () => {
    const behind = createManualClock(T0 - 20 * MINUTE);
    const error = await licensingFailure(activate(computer('late', behind), demo.nodeLockedKey));
    expect(error.code).toBe('unauthorized');
    expect(inGerman(error.text)).toContain(
      'weil die Uhr dieses Computers gegenüber der Zeit des Servers 20 Minuten nachgeht',
    );
  });
});

describe('the LicenseSpring services through the core, in German', () => {
  const tempDir = useTempDir();
  let core: Core;
  beforeEach(async () => {
    ({ core } = await openInstallation({
      clock: serverClock,
      dataDir: tempDir(),
      config: licenseSpringConfigFor(sandbox, true),
      keepAlive: false,
    }));
  });
  afterEach(() => core.close(1_000));

  /** A request as the renderer sends it, answered as the renderer receives it. */
  const call = (channel: string, payload: unknown) => core.dispatch(channel, payload);
  const refusal = async (channel: string, payload: unknown): Promise<AppError> => {
    const result = await call(channel, payload);
    if (result.ok) throw new Error(`${channel} was expected to fail`);
    return result.error;
  };

  it('a feature borrowed past what the vendor allows', async () => {
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    const error = await refusal('licensespring:feature-borrow', {
      profileId: 'ls',
      feature: demo.features.floating,
      until: new Date(T0 + 20 * HOUR).toISOString(),
    });
    expect(error.code).toBe('invalid_input');
    expect(inGerman(error.text)).toMatch(
      /^LicenseSpring hat das Ende der Ausleihe der Funktion „cad-viewer“ dieser Lizenz abgelehnt: Es liegt weiter in der Zukunft, als der Anbieter eine Ausleihe erlaubt\. .* \(Der Server meldete: „.+“\)$/,
    );
  });

  it('the local check: a clock moved back, with the last server check in German dates', async () => {
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    await call('licensespring:details', { profileId: 'ls', refresh: true });
    serverClock.setSystemTime(T0 - 2 * DAY);
    const result = await call('licensespring:details', { profileId: 'ls' });
    if (!result.ok) throw new Error(result.error.message);
    const { localCheck } = result.value as { localCheck: { state: string; text?: Text } };
    expect(localCheck.state).toBe('clock_moved_back');
    expect(inGerman(localCheck.text)).toBe(
      `Die Uhr dieses Computers zeigt eine Zeit, die 2 Tage vor einem Zeitpunkt liegt, den diese App bereits gesehen hat; daher kann die Lizenz hier nicht geprüft werden (der Server hat sie zuletzt am ${formats.instant(T0)} bestätigt). Stellen Sie Datum und Uhrzeit richtig ein (am besten automatisch) und prüfen Sie die Lizenz dann erneut beim Server.`,
    );
    expect(formats.instant(T0)).toMatch(/^2[23]\.11\.2026, \d\d:\d\d$/);
  });

  it('an offline request while a licence is active here', async () => {
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    const error = await refusal('offline:request', { profileId: 'ls', key: demo.floatingKey });
    expect(error.code).toBe('invalid_input');
    expect(inGerman(error.text)).toMatch(
      /^Dieser Computer verwendet hier bereits die Lizenz \S+\. Deaktivieren Sie sie zuerst\.$/,
    );
  });
});
