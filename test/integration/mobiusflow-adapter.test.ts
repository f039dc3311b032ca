import { describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { noPasswordSaved } from '../../src/main/licensing/backends/mobiusflow-session';
import type { SandboxHub } from '../../src/sandbox/mobiusflow/server';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { refusedUrl } from '../support/refused-url';
import { T0, useMobiusFlowRig } from './mobiusflow-rig';

/**
 * The MobiusFlow adapter over real loopback HTTP against the sandbox engine (contract §1); its
 * refusals also as the hubs screen shows them in German, the hub's own words quoted.
 */

const rig = useMobiusFlowRig();

describe('mobiusflow adapter against the sandbox: reading and changing a licence', () => {
  it('signs in and reads what the hub holds', async () => {
    const { client, hub, sandbox, counters } = await rig();
    const licence = await client.getLicence(hub.hid);
    expect(licence).toEqual({ ...sandbox.licenceOf(hub.hid), reportedAt: T0 });
    expect(await counters()).toMatchObject({ logins: 1, licenceReads: 1 });
  });

  it('puts a spare code and reads it back', async () => {
    const { client, hub, sandbox } = await rig();
    const spare = sandbox.spareCodes[0] as string;
    await expect(client.setLicence(hub.hid, spare.toUpperCase())).resolves.toEqual({
      licenceCode: spare,
    });
    const after = await client.getLicence(hub.hid);
    expect(after.licenceCode).toBe(spare);
    expect(sandbox.licenceOf(hub.hid).licenceCode).toBe(spare);
  });

  it('installs a well-formed unknown code, which then reads as not valid', async () => {
    const { client, hub } = await rig();
    await client.setLicence(hub.hid, '0123456789abcdef-fedcba9876543210');
    await expect(client.getLicence(hub.hid)).resolves.toMatchObject({
      isValid: false,
      isActive: false,
      type: 'unknown',
      size: 0,
    });
  });

  it("reports a code held by another hub as invalid input, in the hub's words", async () => {
    const { client, hub, sandbox } = await rig();
    const other = sandbox.licenceOf((sandbox.hubs[1] as SandboxHub).hid).licenceCode;
    const error = await licensingFailure(client.setLicence(hub.hid, other));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(
      /refused the new licence code\. \(The server said: ".*in use.*"\)/,
    );
    expect(error.message).not.toContain(other);
  });

  it('sends nothing for a malformed code or hid', async () => {
    const { client, hub, sent, counters } = await rig();
    await expect(client.setLicence(hub.hid, 'XYZ-not-hex')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(client.getLicence('0000001')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sent).toEqual([]);
    expect(await counters()).toMatchObject({ logins: 0, licenceWrites: 0 });
  });
});

describe('mobiusflow adapter against the sandbox: tokens on a manual clock', () => {
  it('renews a 60-second token through the refresh route at 48 s, and signs in once', async () => {
    const { client, hub, clock, counters } = await rig({ accessTtlSeconds: 60 });
    await client.getLicence(hub.hid);
    for (let step = 0; step < 6; step++) {
      await clock.advanceAsync(25_000);
      await client.getLicence(hub.hid);
    }
    expect(await counters()).toMatchObject({
      logins: 1,
      refreshes: 3,
      licenceReads: 7,
      unauthorized: 0,
    });
  });

  it('signs in again once the refresh token itself has expired', async () => {
    const { client, hub, clock, counters } = await rig({
      accessTtlSeconds: 60,
      refreshTtlSeconds: 90,
    });
    await client.getLicence(hub.hid);
    await clock.advanceAsync(120_000);
    await client.getLicence(hub.hid);
    expect(await counters()).toMatchObject({ logins: 2, refreshes: 0 });
  });

  it('recovers with one retry when the hub forgets its tokens (restart with a new secret)', async () => {
    const { client, hub, sandbox, counters } = await rig();
    await client.getLicence(hub.hid);
    const http = createAxiosHttpClient();
    await http.request({
      method: 'POST',
      url: `${sandbox.url}/__sandbox/expire-tokens`,
      body: { hid: hub.hid, refresh: true },
    });
    await expect(client.getLicence(hub.hid)).resolves.toMatchObject({
      licenceCode: expect.any(String),
    });
    expect(await counters()).toMatchObject({ logins: 2, licenceReads: 2 });
  });
});

describe('mobiusflow adapter against the sandbox: failures', () => {
  it('names the account a hub refused', async () => {
    const { clientOf, hub } = await rig();
    const error = await licensingFailure(clientOf(hub, { password: 'wrong' }).getLicence(hub.hid));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe(
      `Hub "${hub.name}" refused the account "${hub.username}": check the user name and password saved for this hub.`,
    );
  });

  it("reads a 400 for another hub's id as invalid input", async () => {
    const { client, sandbox } = await rig();
    const error = await licensingFailure(client.getLicence((sandbox.hubs[1] as SandboxHub).hid));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/is not this hub/);
  });

  it.each([
    ['error500', 'server_error'],
    ['malformed', 'protocol'],
    ['down', 'offline'],
    ['slow', 'timeout'],
  ] as const)('maps a hub with fault %s to %s', async (fault, code) => {
    const { clientOf, hub, sandbox } = await rig({ slowMs: 1_000 });
    sandbox.setHubFault(hub.hid, fault);
    const error = await licensingFailure(clientOf(hub, { timeoutMs: 300 }).getLicence(hub.hid));
    expect(error.code).toBe(code);
  });

  it('reports an unreachable hub as offline', async () => {
    const { clientOf, hub } = await rig();
    const error = await licensingFailure(
      clientOf(hub, { baseUrl: await refusedUrl() }).getLicence(hub.hid),
    );
    expect(error.code).toBe('offline');
  });
});

describe('mobiusflow adapter against the sandbox, in German', () => {
  it('names the hub and the account it refused', async () => {
    const { hub, clientOf, labelOf } = await rig();
    const error = await licensingFailure(clientOf(hub, { password: 'wrong' }).getLicence(hub.hid));
    expect(error.code).toBe('invalid_credentials');
    expect(inGerman(error)).toBe(
      `Der Hub ${labelOf(hub)} hat das Konto „${hub.username}“ abgelehnt: Prüfen Sie den Kontonamen und das Passwort, die für diesen Hub gespeichert sind.`,
    );
  });

  it("quotes the hub's own words after a refused code or read", async () => {
    const { hub, other, sandbox, client, labelOf } = await rig();
    const taken = sandbox.licenceOf(other.hid).licenceCode;
    const code = await licensingFailure(client.setLicence(hub.hid, taken));
    expect(inGerman(code)).toBe(
      `Der Hub ${labelOf(hub)} hat den neuen Lizenzcode abgelehnt. (Der Server meldete: „licence already in use on another device“)`,
    );
    const read = await licensingFailure(client.getLicence(other.hid));
    expect(inGerman(read)).toBe(
      `Der Hub ${labelOf(hub)} hat das Lesen seiner Lizenz abgelehnt. (Der Server meldete: „hid ${other.hid} is not this hub (${hub.hid})“)`,
    );
  });

  it("says a hub's internal problem, and what the app checks before sending", async () => {
    const { hub, sandbox, client, labelOf } = await rig();
    sandbox.setHubFault(hub.hid, 'error500');
    expect(inGerman(await licensingFailure(client.getLicence(hub.hid)))).toBe(
      `Beim Hub ${labelOf(hub)} ist ein interner Fehler aufgetreten (HTTP 500). Versuchen Sie es in einigen Minuten erneut; bleibt der Fehler, starten Sie die MobiusFlow-Engine auf dem Hub neu.`,
    );
    sandbox.setHubFault(hub.hid, undefined);
    expect(inGerman(await licensingFailure(client.getLicence('0000001')))).toBe(
      'Eine Hub-ID besteht aus 6 Hexadezimalzeichen, z. B. 00A1F3. Prüfen Sie die Hub-ID.',
    );
    expect(inGerman(await licensingFailure(client.setLicence(hub.hid, 'XYZ')))).toMatch(
      /^Ein MobiusFlow-Lizenzcode besteht aus Gruppen von Hexadezimalziffern/,
    );
    expect(inGerman(noPasswordSaved(hub.name))).toBe(
      `Für den Hub ${hub.name} ist kein Passwort gespeichert. Bearbeiten Sie den Hub und geben Sie das Passwort seines Kontos ein.`,
    );
  });

  it('says a change refused to an account without the admin role', async () => {
    const { hub, sandbox, client, labelOf } = await rig();
    sandbox.setAccountRoles(hub.hid, 159);
    const [spare] = sandbox.spareCodes;
    const error = await licensingFailure(client.setLicence(hub.hid, spare ?? ''));
    expect(error.code).toBe('invalid_credentials');
    expect(inGerman(error)).toBe(
      `Der Hub ${labelOf(hub)} erlaubt dem Konto „${hub.username}“ nicht, die Lizenz zu ändern: Verwenden Sie ein Konto mit Lizenzrechten. (Der Server meldete: „Missing role: changing the licence needs the admin role“)`,
    );
  });

  it("says another hub's answer where the address saved for a hub leads to another", async () => {
    const { hub, other, clientOf } = await rig({ foreignHid: 'answer-own' });
    const misrouted = clientOf(hub, { baseUrl: other.baseUrl, password: other.password });
    expect(inGerman(await licensingFailure(misrouted.getLicence(hub.hid)))).toBe(
      `Der Hub unter ${new URL(other.baseUrl).host} hat für den Hub „${other.hid}“ statt für ${hub.hid} geantwortet. Prüfen Sie die Hub-ID und die für diesen Hub gespeicherte Adresse (Basispfad).`,
    );
  });
});
