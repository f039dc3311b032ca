import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../src/main/diagnostics/report-text';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { networkSettings, type NetworkSettingsOptions } from '../../src/main/net/network-settings';
import { systemCertificates } from '../../src/main/net/system-certificates';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
} from '../../src/sandbox/mobiusflow/server';
import { openInstallation, startClockedSandbox } from '../support/core-harness';
import { failure, fixture, hubOf, login } from '../support/proxy-targets';
import { useTempDir } from '../support/temp-dir';

/**
 * The Electron app trusts the CAs of this computer's own store, as Chromium does: a company CA
 * deployed to every PC (or a TLS-inspecting proxy's) then works without a caFile. The store is a
 * narrow source here (Node 20 cannot read the real one): it answers hub-b's certificate, which
 * nothing else trusts, and the sandbox hub presents that certificate over real TLS.
 */

let hubB: MobiusFlowSandbox;
beforeAll(async () => {
  hubB = await startMobiusFlowSandbox({
    hubs: 1,
    tls: { certPem: fixture('hub-b.pem'), keyPem: fixture('hub-b.key') },
  });
});
afterAll(() => hubB.close());

const signIn = (options: NetworkSettingsOptions) => {
  const network = networkSettings({ env: {}, ...options });
  return {
    network,
    client: createAxiosHttpClient({ resolveProxy: network.resolveProxy, ca: network.ca }),
  };
};

describe("this computer's certificate store", () => {
  it('a server whose CA only this computer trusts is reached, and the count is reported', async () => {
    const { network, client } = signIn({ systemCertificates: () => [fixture('hub-b.pem')] });
    expect((await client.request(login(hubOf(hubB)))).status).toBe(200);
    expect(network.systemCertificates).toBe(1);
  });

  it('without it, the same server is refused as not verified: the store is what made it work', async () => {
    const { network, client } = signIn({});
    const error = await failure(client, login(hubOf(hubB)));
    expect(error.code).toBe('config');
    expect(error.message).toContain('could not be verified');
    expect(network.systemCertificates).toBeUndefined();
  });

  it('adds to the CA bundle, never instead of it', async () => {
    const { network } = signIn({
      caFile: join(__dirname, '../fixtures/mobiusflow-tls/hub-a.pem'),
      systemCertificates: () => [fixture('hub-b.pem')],
    });
    expect(network.ca).toEqual(
      expect.arrayContaining([fixture('hub-a.pem').trim(), fixture('hub-b.pem')]),
    );
    expect(network.caBundle?.certificates).toHaveLength(1);
  });

  it('is not read on macOS, where Node takes seconds over it at start', () => {
    expect(systemCertificates('darwin')).toBeUndefined();
  });

  it('a store that cannot be read leaves the usual roots: nothing is reported', () => {
    const { network } = signIn({ systemCertificates: () => undefined });
    expect(network.ca).toBeUndefined();
    expect(network.systemCertificates).toBeUndefined();
  });

  const tempDir = useTempDir();

  it('the diagnostics screen and the support bundle say it is trusted, and how many', async () => {
    const { sandbox, clock } = await startClockedSandbox();
    const { core } = await openInstallation({
      sandbox,
      clock,
      dataDir: tempDir(),
      systemCertificates: () => [fixture('hub-a.pem'), fixture('hub-b.pem')],
    });
    try {
      const report = await core.diagnostics.report();
      expect(report.network.systemCertificates).toBe(2);
      expect(reportText(report)).toContain(
        "Also trusted: this computer's certificate store (2 certificates)",
      );
    } finally {
      await core.close();
      await sandbox.close();
    }
  });
});
