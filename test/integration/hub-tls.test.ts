import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubService } from '../../src/main/hubs/hub-service';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { systemClock } from '../../src/shared/clock';
import { hubCertificateSchema, hubDraftSchema, hubListSchema } from '../../src/shared/hubs-model';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/**
 * Trust on first use against the sandbox over https: an unpinned self-signed hub is refused with
 * a clear request to review its certificate; once pinned it works; when the engine comes back on
 * the same port with another certificate, the hub is refused as changed until the engineer trusts
 * the new one. The refusals also as a German screen shows them (a hub's last error as the
 * inventory keeps it and IPC carries it).
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'mobiusflow-tls');
const tls = (name: 'hub-a' | 'hub-b') => ({
  certPem: readFileSync(join(FIXTURES, `${name}.pem`), 'utf8'),
  keyPem: readFileSync(join(FIXTURES, `${name}.key`), 'utf8'),
});
const fingerprintOf = (name: 'hub-a' | 'hub-b') =>
  new X509Certificate(tls(name).certPem).fingerprint256;

const tempDir = useTempDir();
let sandbox: MobiusFlowSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A hub service keeping its inventory in `file`: a new one, or the same again after a restart. */
const hubServiceAt = (file: string) =>
  createHubService({
    file,
    secrets: createMemorySecretStore(),
    clock: systemClock,
    httpTimeoutMs: 2_000,
  });

/** A hub service with one https hub of the sandbox, at the sandbox's address. */
async function serviceWithHttpsHub(target: SandboxHub, port: number, name: string, site = '') {
  const file = join(tempDir(), 'hubs.json');
  const service = hubServiceAt(file);
  const hub = await service.add(
    hubDraftSchema.parse({
      name,
      site,
      host: '127.0.0.1',
      port,
      basePath: new URL(target.baseUrl).pathname,
      hid: target.hid,
      username: target.username,
      password: target.password,
    }),
  );
  return { service, hub, file };
}

describe('hub TLS: trust on first use against the sandbox', () => {
  it('refuses until trusted, works once pinned, and refuses a changed certificate until re-trusted', async () => {
    sandbox = await startMobiusFlowSandbox({ hubs: 2, tls: tls('hub-a') });
    const port = sandbox.port;
    const target = sandbox.hubs[0] as SandboxHub;
    const { service, hub } = await serviceWithHttpsHub(target, port, 'Roof plant', 'HQ');
    try {
      expect(hub.scheme).toBe('https');

      let view = (await service.refresh()).hubs[0];
      expect(view?.lastError?.code).toBe('config');
      expect(view?.lastError?.message).toMatch(
        /does not trust .* Review the hub's certificate and trust it/,
      );

      const certificate = hubCertificateSchema.parse(await service.certificate(hub.id));
      expect(certificate).toMatchObject({
        fingerprint: fingerprintOf('hub-a'),
        pinned: false,
        selfSigned: true,
      });
      const wrong = await licensingFailure(service.trust(hub.id, fingerprintOf('hub-b')));
      expect(wrong.code).toBe('tampered');
      expect(wrong.message).toMatch(/not the one you reviewed/);

      const trusted = await service.trust(hub.id, fingerprintOf('hub-a').toLowerCase());
      expect(trusted.tlsFingerprint).toBe(fingerprintOf('hub-a'));
      expect(trusted.lastError).toBeUndefined();
      expect((await service.certificate(hub.id)).pinned).toBe(true);
      view = (await service.refresh()).hubs[0];
      expect(view?.lastError).toBeUndefined();
      expect(view?.licence?.size).toBe(sandbox.licenceOf(target.hid).size);

      // The hub is replaced: same address, another certificate.
      await sandbox.close();
      sandbox = await startMobiusFlowSandbox({ hubs: 2, port, tls: tls('hub-b') });
      view = (await service.refresh()).hubs[0];
      expect(view?.lastError).toEqual({
        code: 'tampered',
        retryable: false,
        message: `The certificate of hub "Roof plant" (HQ) changed since you trusted it (was ${fingerprintOf('hub-a')}, now ${fingerprintOf('hub-b')}). If the hub was replaced, review and trust the new certificate; otherwise something on the network may be intercepting the connection.`,
        text: expect.objectContaining({ id: 'hubs.certificateChanged' }),
      });
      expect(view?.licence).toBeDefined(); // the last good licence stays on record
      await expect(service.trust(hub.id, fingerprintOf('hub-a'))).rejects.toMatchObject({
        code: 'tampered',
      });
      await service.trust(hub.id, fingerprintOf('hub-b'));
      view = (await service.refresh()).hubs[0];
      expect(view?.lastError).toBeUndefined();
    } finally {
      await service.close();
    }
  });

  it('keeps the pin when a proxy is set in the environment (the proxy path must not skip it)', async () => {
    sandbox = await startMobiusFlowSandbox({ hubs: 1, tls: tls('hub-a') });
    const port = sandbox.port;
    const target = sandbox.hubs[0] as SandboxHub;
    // A plain CONNECT proxy, as on corporate laptops: it tunnels to whatever is asked.
    let tunnels = 0;
    const proxy = createServer();
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels += 1;
      const [host, targetPort] = (req.url ?? '').split(':');
      const upstream = connect(Number(targetPort), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = { https: process.env.https_proxy, no: process.env.no_proxy };
    process.env.https_proxy = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    delete process.env.no_proxy;
    const { service, hub } = await serviceWithHttpsHub(target, port, 'Plant room');
    try {
      await service.trust(hub.id, fingerprintOf('hub-a'));
      await sandbox.close();
      sandbox = await startMobiusFlowSandbox({ hubs: 1, port, tls: tls('hub-b') });
      const view = (await service.refresh()).hubs[0];
      expect(view?.lastError?.code).toBe('tampered');
      expect(tunnels).toBe(0);
    } finally {
      process.env.https_proxy = saved.https;
      if (saved.https === undefined) delete process.env.https_proxy;
      if (saved.no !== undefined) process.env.no_proxy = saved.no;
      await service.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('has no certificate to show for a plain-http LAN hub', async () => {
    sandbox = await startMobiusFlowSandbox({ hubs: 1 });
    const target = sandbox.hubs[0] as SandboxHub;
    const url = new URL(target.baseUrl);
    const service = createHubService({
      file: join(tempDir(), 'hubs.json'),
      secrets: createMemorySecretStore(),
      clock: systemClock,
    });
    const hub = await service.add(
      hubDraftSchema.parse({
        name: 'LAN hub',
        scheme: 'http',
        lan: true,
        host: url.hostname,
        port: Number(url.port),
        basePath: url.pathname,
        hid: target.hid,
        username: target.username,
        password: target.password,
      }),
    );
    await expect(service.certificate(hub.id)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/plain http on the LAN/),
    });
    await service.close();
  });

  it('refuses an unreviewed, a mistaken and a changed certificate in German', async () => {
    sandbox = await startMobiusFlowSandbox({ hubs: 1, tls: tls('hub-a') });
    const port = sandbox.port;
    const target = sandbox.hubs[0] as SandboxHub;
    const { service, hub, file } = await serviceWithHttpsHub(
      target,
      port,
      'Dachzentrale',
      'Werk Nord',
    );
    try {
      const first = hubListSchema.parse(await service.refresh()).hubs[0];
      expect(first?.lastError?.code).toBe('config');
      expect(inGerman(first?.lastError)).toBe(
        'Hub „Dachzentrale“ (Werk Nord) zeigt ein Zertifikat, dem dieser Computer nicht vertraut (Hubs haben meist ein selbstsigniertes). Prüfen Sie das Zertifikat des Hubs und vertrauen Sie ihm, wenn es mit dem auf dem Hub angezeigten übereinstimmt.',
      );

      const mistaken = await licensingFailure(service.trust(hub.id, fingerprintOf('hub-b')));
      expect(inGerman(mistaken.toAppError())).toBe(
        `Hub „Dachzentrale“ (Werk Nord) zeigt jetzt das Zertifikat ${fingerprintOf('hub-a')}, nicht das von Ihnen geprüfte (${fingerprintOf('hub-b')}). Prüfen Sie das Zertifikat erneut, bevor Sie ihm vertrauen.`,
      );

      await service.trust(hub.id, fingerprintOf('hub-a'));
      await sandbox.close();
      sandbox = await startMobiusFlowSandbox({ hubs: 1, port, tls: tls('hub-b') });
      const changed = hubListSchema.parse(await service.refresh()).hubs[0];
      expect(changed?.lastError?.code).toBe('tampered');
      expect(inGerman(changed?.lastError)).toMatch(
        /^Das Zertifikat von Hub „Dachzentrale“ \(Werk Nord\) hat sich geändert, seit Sie ihm vertraut haben/,
      );
      // The inventory keeps the text: a restart shows the same German.
      const reopened = hubServiceAt(file);
      expect(reopened.list().hubs[0]?.lastError?.text).toEqual(changed?.lastError?.text);
      await reopened.close();
    } finally {
      await service.close();
    }
  });
});
