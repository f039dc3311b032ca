import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createFlecsClient } from '../../src/main/licensing/backends/flecs';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import { flecsDemo, startFlecsSandbox, type FlecsSandbox } from '../../src/sandbox/flecs/server';
import { revokeFlecsLicence } from '../support/flecs-sandbox';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';

/**
 * The FLECS client's refusals and verdicts, from the FLECS sandbox over real loopback HTTP, as a
 * German screen shows them. The console's own words stay as it wrote them, quoted.
 */

const demo = flecsDemo();
const transport = createAxiosHttpClient();

let sandbox: FlecsSandbox;
const device = () =>
  createFlecsClient({
    baseUrl: sandbox.url,
    http: transport,
    clock: createManualClock(Date.UTC(2026, 0, 15, 9)),
    vault: createMemorySessionVault(),
  });

beforeEach(async () => {
  sandbox = await startFlecsSandbox({ clock: createManualClock(Date.UTC(2026, 0, 15, 9)) });
});
afterEach(() => sandbox.close());

describe('FLECS refusals in German', () => {
  it('a refused sign-in frames the console’s own words', async () => {
    const error = await licensingFailure(device().login(demo.username, 'not-the-password'));
    expect(error.code).toBe('invalid_credentials');
    expect(inGerman(error)).toMatch(
      /^Die FLECS-Konsole hat die Anmeldung abgelehnt: „Sorry, the password you entered is incorrect\..*“$/,
    );
    // English keeps the console's sentence as the whole message, as before.
    expect(error.message).toMatch(/^Sorry, the password you entered is incorrect/);
  });

  it('a key bound to another device, and a serial number the console does not know', async () => {
    await device().activateWithKey(demo.licenseKey);
    const inUse = await licensingFailure(device().activateWithKey(demo.licenseKey));
    expect(inGerman(inUse)).toBe(
      'Dieser Lizenzschlüssel wird bereits auf einem anderen Gerät verwendet. Verwenden Sie einen anderen Schlüssel oder bitten Sie Ihren Administrator, ihn freizugeben.',
    );
    const serial = await licensingFailure(device().activateWithSerial('SN-NOT-REGISTERED'));
    expect(serial.code).toBe('invalid_key');
    expect(inGerman(serial)).toMatch(
      /^Die FLECS-Konsole nimmt die Seriennummer dieses Geräts nicht an\. Melden Sie sich an/,
    );
  });

  it('what was typed, checked before it is sent', async () => {
    const empty = await licensingFailure(device().login('  ', 'secret'));
    expect(inGerman(empty)).toBe('Geben Sie Ihren FLECS-Kontonamen ein.');
    const long = await licensingFailure(device().login(demo.username, 'p'.repeat(300)));
    expect(inGerman(long)).toBe(
      'Das FLECS-Passwort ist länger als 256 Zeichen. Prüfen Sie, was eingegeben wurde.',
    );
    expect(long.message).toBe(
      'FLECS password is longer than 256 characters. Check what was entered.',
    );
  });

  it('a revoked licence: validation answers why, in German', async () => {
    const client = device();
    await client.activateWithKey(demo.licenseKey);
    await revokeFlecsLicence(sandbox, demo.licenseKey);
    const { isValid, reason } = await client.validate();
    expect(isValid).toBe(false);
    expect(inGerman(reason)).toMatch(/^Laut FLECS-Konsole ist die Lizenz dieses Geräts ungültig/);
  });
});
