import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { reportText } from '../../src/main/diagnostics/report-text';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { trusting } from '../../src/main/net/ca-bundle';
import { networkSettings, type NetworkSettingsOptions } from '../../src/main/net/network-settings';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import { readSystemStore, type SystemStore } from '../../src/main/net/system-certificates';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
} from '../../src/sandbox/mobiusflow/server';
import { openInstallation, startClockedSandbox } from '../support/core-harness';
import { startForwardProxy } from '../support/forward-proxy';
import { failure, fixture, hubOf, login } from '../support/proxy-targets';
import { useTempDir } from '../support/temp-dir';

/**
 * On Windows and Linux the Electron app trusts the CAs of this computer's own store (not read on
 * macOS): a company CA deployed to every PC (or a TLS-inspecting proxy's) then works without a
 * caFile. Most tests use a narrow source for the store: it answers hub-b's certificate, which
 * nothing else trusts, and the sandbox hub presents that certificate over real TLS. The last ones
 * read the real store, as Electron's Node does, where this Node can (22.15 and later, on Linux,
 * whose store SSL_CERT_FILE moves to hub-b's certificate).
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
    const { network, client } = signIn({
      systemCertificates: async () => ({ certificates: [fixture('hub-b.pem')] }),
    });
    expect((await client.request(login(hubOf(hubB)))).status).toBe(200);
    expect(await network.systemStore).toEqual({ trusted: 1 });
  });

  it('without it, the same server is refused as not verified: the store is what made it work', async () => {
    const { network, client } = signIn({});
    const error = await failure(client, login(hubOf(hubB)));
    expect(error.code).toBe('config');
    expect(error.message).toContain('could not be verified');
    expect(network.systemStore).toBeUndefined();
  });

  it('adds to the CA bundle, never instead of it', async () => {
    const { network } = signIn({
      caFile: join(__dirname, '../fixtures/mobiusflow-tls/hub-a.pem'),
      systemCertificates: async () => ({ certificates: [fixture('hub-b.pem')] }),
    });
    expect(await network.ca).toEqual(
      expect.arrayContaining([fixture('hub-a.pem').trim(), fixture('hub-b.pem').trim()]),
    );
    expect(network.caBundle?.certificates).toHaveLength(1);
  });

  it('trusting a CA never skips the server name: a certificate for another name is refused', async () => {
    const hub = hubOf(hubB);
    // A proxy that takes a name this certificate is not for to the hub that holds it.
    const proxy = await startForwardProxy({
      reaches: { 'licences.example:443': new URL(hub.baseUrl).host },
    });
    try {
      const { network } = signIn({
        systemCertificates: async () => ({ certificates: [fixture('hub-b.pem')] }),
      });
      const client = createAxiosHttpClient({
        resolveProxy: proxyFromEnvironment({ HTTPS_PROXY: proxy.url }),
        ca: network.ca,
      });
      const error = await failure(client, {
        ...login(hub),
        url: login(hub).url.replace(new URL(hub.baseUrl).origin, 'https://licences.example'),
      });
      expect(error.code).toBe('config');
      expect(error.message).toContain('(ERR_TLS_CERT_ALTNAME_INVALID)');
      expect(proxy.seen).toEqual(['CONNECT licences.example:443']);
    } finally {
      await proxy.close();
    }
  });

  it('lists each certificate once: the store repeats them, and each is parsed', async () => {
    const pem = fixture('hub-b.pem');
    const { network } = signIn({
      systemCertificates: async () => ({ certificates: [pem, pem.trim(), `${pem}\n`] }),
    });
    const ca = (await network.ca) ?? [];
    expect(ca.filter((listed) => listed === pem.trim())).toHaveLength(1);
    expect(new Set(ca).size).toBe(ca.length);
  });

  it('makes one TLS context per list, whoever asks: not one per connection', async () => {
    const { network } = signIn({
      systemCertificates: async () => ({ certificates: [fixture('hub-b.pem')] }),
    });
    const ca = await network.ca;
    expect(trusting(ca).secureContext).toBeDefined();
    expect(trusting(ca).secureContext).toBe(trusting(await network.ca).secureContext);
    expect(trusting(undefined)).toEqual({});
  });

  it('is not read on macOS, where Node takes seconds over it', async () => {
    expect(await readSystemStore('darwin')).toEqual({ unused: 'macos' });
  });

  it('a store that cannot be read leaves the usual roots, and says so', async () => {
    const { network } = signIn({ systemCertificates: async () => ({ unused: 'unreadable' }) });
    expect(await network.ca).toBeUndefined();
    expect(await network.systemStore).toEqual({ unused: 'unreadable' });
  });

  it('a store that fails to answer counts as unreadable, never as a rejection', async () => {
    const { network } = signIn({
      systemCertificates: () => Promise.reject(new Error('the store provider crashed')),
    });
    expect(await network.ca).toBeUndefined();
    expect(await network.systemStore).toEqual({ unused: 'unreadable' });
  });

  it('the first request waits for a store still being read, then trusts it', async () => {
    let answer: (store: SystemStore) => void = () => undefined;
    const { client } = signIn({
      systemCertificates: () => new Promise<SystemStore>((settle) => (answer = settle)),
    });
    let answered = false;
    const sent = client.request(login(hubOf(hubB))).finally(() => (answered = true));
    await new Promise((tick) => setTimeout(tick, 50));
    expect(answered).toBe(false);
    answer({ certificates: [fixture('hub-b.pem')] });
    expect((await sent).status).toBe(200);
  });

  const tempDir = useTempDir();

  /** The support bundle's summary from a core whose store answers `store`. */
  async function summaryWith(store: SystemStore) {
    const { sandbox, clock } = await startClockedSandbox();
    const { core } = await openInstallation({
      sandbox,
      clock,
      dataDir: tempDir(),
      systemCertificates: async () => store,
    });
    try {
      const report = await core.diagnostics.report();
      return { store: report.network.systemStore, summary: reportText(report) };
    } finally {
      await core.close();
      await sandbox.close();
    }
  }

  it('the diagnostics and the support bundle say it is trusted, and how many', async () => {
    const trusted = await summaryWith({
      certificates: [fixture('hub-a.pem'), fixture('hub-b.pem')],
    });
    expect(trusted.store).toEqual({ trusted: 2 });
    expect(trusted.summary).toContain(
      "Also trusted: this computer's certificate store (2 certificates)",
    );
  });

  it('or why it is not used, with where a company CA goes instead', async () => {
    const mac = await summaryWith({ unused: 'macos' });
    expect(mac.store).toEqual({ unused: 'macos' });
    expect(mac.summary).toContain(
      "This computer's certificate store: not used on macOS (a company CA goes in caFile)",
    );
    const unreadable = await summaryWith({ unused: 'unreadable' });
    expect(unreadable.summary).toContain(
      "This computer's certificate store: could not be read (a company CA goes in caFile)",
    );
  });
});

/** Node's reader of the stores, from 22.15 (Node 20's types do not know it). */
type GetCa = (type: 'system' | 'default' | 'bundled') => string[];

/** Node reads the real store from 22.15; on Linux, SSL_CERT_FILE and SSL_CERT_DIR say where it is. */
const canRead = 'getCACertificates' in tls;
const nodeUsesSystemCa =
  process.execArgv.includes('--use-system-ca') ||
  (process.env.NODE_OPTIONS ?? '').includes('--use-system-ca') ||
  process.env.NODE_USE_SYSTEM_CA === '1';
const realStoreSkipped = !canRead
  ? `Node ${process.version} cannot read this computer's store (22.15 and later can, as Electron 45's does)`
  : process.platform !== 'linux'
    ? 'SSL_CERT_FILE moves the store on Linux only'
    : nodeUsesSystemCa
      ? 'Node was told to use the system store (--use-system-ca), so it read the real one at start'
      : undefined;
if (realStoreSkipped) console.log(`Real certificate store tests skipped: ${realStoreSkipped}.`);
if (canRead) console.log('The store of a Node before 22.15 is not tested: this Node reads it.');

it.runIf(!canRead)(
  "on a Node that cannot read the store (the Node CLI's, before 22.15) it is unreadable, not empty",
  async () => {
    expect(await readSystemStore('linux')).toEqual({ unused: 'unreadable' });
  },
);

describe.skipIf(realStoreSkipped !== undefined)("this computer's real certificate store", () => {
  let emptyDir: string;
  let read: Promise<SystemStore>;
  let onMainThread: MockInstance;
  beforeAll(() => {
    onMainThread = vi.spyOn(tls as typeof tls & { getCACertificates: GetCa }, 'getCACertificates');
    // Node reads the store once per process: these tests share that one read.
    emptyDir = mkdtempSync(join(tmpdir(), 'lm-no-certs-'));
    process.env.SSL_CERT_FILE = join(__dirname, '../fixtures/mobiusflow-tls/hub-b.pem');
    process.env.SSL_CERT_DIR = emptyDir;
    read = readSystemStore();
  });
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it('is read off the main thread and answers what the store holds', async () => {
    expect(await read).toEqual({
      certificates: [expect.stringContaining(fixture('hub-b.pem').trim())],
    });
    expect(onMainThread).not.toHaveBeenCalledWith('system');
  });

  it("a server whose CA is in this computer's store is reached", async () => {
    const { network, client } = signIn({ systemCertificates: () => read });
    expect((await client.request(login(hubOf(hubB)))).status).toBe(200);
    expect(await network.systemStore).toEqual({ trusted: 1 });
  });

  it('a read that does not answer within its limit counts as unreadable: requests never hang on it', async () => {
    expect(await readSystemStore('linux', 0)).toEqual({ unused: 'unreadable' });
  });
});
