import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/main/http/http-client';
import { createMobiusFlowClient } from '../../src/main/licensing/backends/mobiusflow';
import { noPasswordSaved } from '../../src/main/licensing/backends/mobiusflow-session';
import type { LicensingError } from '../../src/main/licensing/licensing-error';
import { renderText } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';

/**
 * The MobiusFlow adapter's refusals in German, over real loopback HTTP against the sandbox
 * engine: each error carries a text the hubs screen renders in German, the hub's own words quoted.
 */

const sandboxes: MobiusFlowSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);

/** What the sandbox cannot be made to say: a reply in place of the hub's own, for one route. */
type Stand = (request: HttpRequest) => Omit<HttpResponse, 'rawBody'> | undefined;

async function rig() {
  const sandbox = await startMobiusFlowSandbox({ hubs: 2, clock: createManualClock(T0) });
  sandboxes.push(sandbox);
  const hub = sandbox.hubs[0] as SandboxHub;
  const inner = createAxiosHttpClient({ defaultTimeoutMs: 2_000 });
  let stand: Stand = () => undefined;
  const http: HttpClient = {
    request: async (request) => {
      const reply = stand(request);
      return reply ? { ...reply, rawBody: JSON.stringify(reply.body) } : inner.request(request);
    },
  };
  const clientOf = (password = hub.password) =>
    createMobiusFlowClient({
      baseUrl: hub.baseUrl,
      http,
      clock: createManualClock(T0),
      hubLabel: hub.name,
      credentials: async () => ({ username: hub.username, password }),
      tokens: { get: async () => undefined, set: async () => {}, clear: async () => {} },
    });
  const standIn = (next: Stand) => void (stand = next);
  return { sandbox, hub, clientOf, standIn, other: sandbox.hubs[1] as SandboxHub };
}

const inGerman = (error: LicensingError): string | undefined =>
  error.text && renderText(error.text, german, germanFormats('de-DE'));

describe('mobiusflow adapter against the sandbox, in German', () => {
  it('names the hub and the account it refused', async () => {
    const { hub, clientOf } = await rig();
    const error = await licensingFailure(clientOf('wrong').getLicence(hub.hid));
    expect(error.code).toBe('invalid_credentials');
    expect(inGerman(error)).toBe(
      `Der Hub ${hub.name} hat das Konto „${hub.username}“ abgelehnt: Prüfen Sie den Kontonamen und das Passwort, die für diesen Hub gespeichert sind.`,
    );
  });

  it("quotes the hub's own words after a refused code or read", async () => {
    const { hub, other, sandbox, clientOf } = await rig();
    const client = clientOf();
    const taken = sandbox.licenceOf(other.hid).licenceCode;
    const code = await licensingFailure(client.setLicence(hub.hid, taken));
    expect(inGerman(code)).toBe(
      `Der Hub ${hub.name} hat den neuen Lizenzcode abgelehnt. (Der Server meldete: „licence already in use on another device“)`,
    );
    const read = await licensingFailure(client.getLicence(other.hid));
    expect(inGerman(read)).toMatch(
      new RegExp(
        `^Der Hub ${hub.name} hat das Lesen seiner Lizenz abgelehnt\\. \\(Der Server meldete: „hid ${other.hid} is not this hub \\(${hub.hid}\\)“\\)$`,
        'i',
      ),
    );
  });

  it("says a hub's internal problem, and what the app checks before sending", async () => {
    const { hub, sandbox, clientOf } = await rig();
    sandbox.setHubFault(hub.hid, 'error500');
    expect(inGerman(await licensingFailure(clientOf().getLicence(hub.hid)))).toBe(
      `Beim Hub ${hub.name} ist ein interner Fehler aufgetreten (HTTP 500). Versuchen Sie es in einigen Minuten erneut; bleibt der Fehler, starten Sie die MobiusFlow-Engine auf dem Hub neu.`,
    );
    sandbox.setHubFault(hub.hid, undefined);
    expect(inGerman(await licensingFailure(clientOf().getLicence('0000001')))).toBe(
      'Eine Hub-ID besteht aus 6 Hexadezimalzeichen, z. B. 00A1F3. Prüfen Sie die Hub-ID.',
    );
    expect(inGerman(await licensingFailure(clientOf().setLicence(hub.hid, 'XYZ')))).toMatch(
      /^Ein MobiusFlow-Lizenzcode besteht aus Gruppen von Hexadezimalziffern/,
    );
    expect(inGerman(noPasswordSaved(hub.name))).toBe(
      `Für den Hub ${hub.name} ist kein Passwort gespeichert. Bearbeiten Sie den Hub und geben Sie das Passwort seines Kontos ein.`,
    );
  });

  it("says a refused change and another hub's answer, where the sandbox needs a stand-in", async () => {
    const { hub, other, clientOf, standIn } = await rig();
    const client = clientOf();
    const forbidden = { statusCode: 403, error: 'Forbidden', message: 'Missing role' };
    standIn((request) =>
      request.method === 'PUT' ? { status: 403, headers: {}, body: forbidden } : undefined,
    );
    expect(inGerman(await licensingFailure(client.setLicence(hub.hid, '00ff-00ff')))).toBe(
      `Der Hub ${hub.name} erlaubt dem Konto „${hub.username}“ nicht, die Lizenz zu ändern: Verwenden Sie ein Konto mit Lizenzrechten. (Der Server meldete: „Missing role“)`,
    );
    const elsewhere = { ts: new Date(T0).toISOString(), uri: other.hid, data: {} };
    standIn((request) =>
      request.url.includes('/licence/') ? { status: 200, headers: {}, body: elsewhere } : undefined,
    );
    expect(inGerman(await licensingFailure(client.getLicence(hub.hid)))).toBe(
      `Der Hub unter ${new URL(hub.baseUrl).host} hat für den Hub „${other.hid}“ statt für ${hub.hid} geantwortet. Prüfen Sie die Hub-ID und die für diesen Hub gespeicherte Adresse (Basispfad).`,
    );
  });
});
