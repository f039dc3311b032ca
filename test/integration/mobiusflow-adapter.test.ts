import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient, HttpRequest } from '../../src/main/http/http-client';
import { createMobiusFlowClient } from '../../src/main/licensing/backends/mobiusflow';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type MobiusFlowSandboxOptions,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { refusedUrl } from '../support/refused-url';

/** The MobiusFlow adapter over real loopback HTTP against the sandbox engine (contract §1). */

const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);
const sandboxes: MobiusFlowSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

interface Counters {
  logins: number;
  refreshes: number;
  licenceReads: number;
  licenceWrites: number;
  unauthorized: number;
}

async function rig(options: MobiusFlowSandboxOptions = {}) {
  const clock: ManualClock = createManualClock(T0);
  const sandbox = await startMobiusFlowSandbox({ hubs: 4, clock, ...options });
  sandboxes.push(sandbox);
  const sent: HttpRequest[] = [];
  const inner = createAxiosHttpClient({ defaultTimeoutMs: 2_000 });
  const http: HttpClient = { request: (request) => (sent.push(request), inner.request(request)) };
  const counters = async (): Promise<Counters> => {
    const response = await inner.request({ method: 'GET', url: `${sandbox.url}/__sandbox/state` });
    return (response.body as { counters: Counters }).counters;
  };
  const clientOf = (
    hub: SandboxHub,
    overrides: { password?: string; baseUrl?: string; timeoutMs?: number } = {},
  ) => {
    let refreshToken: string | undefined;
    return createMobiusFlowClient({
      baseUrl: overrides.baseUrl ?? hub.baseUrl,
      http,
      clock,
      timeoutMs: overrides.timeoutMs,
      hubLabel: `"${hub.name}"`,
      credentials: async () => ({
        username: hub.username,
        password: overrides.password ?? hub.password,
      }),
      tokens: {
        get: async () => refreshToken,
        set: async (value) => void (refreshToken = value),
        clear: async () => void (refreshToken = undefined),
      },
    });
  };
  const hub = sandbox.hubs[0] as SandboxHub;
  return { clock, sandbox, sent, counters, clientOf, hub, client: clientOf(hub) };
}

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
