import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { hubDraftSchema, hubImportResultSchema, hubListSchema } from '../../src/shared/hubs-model';
import { renderText, type Text } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/**
 * What the hub service says reaches a German screen in German: certificate refusals over real
 * https against the sandbox (a hub's last error, as the inventory keeps it and IPC carries it),
 * and the lines an inventory import refused.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'mobiusflow-tls');
const tls = (name: 'hub-a' | 'hub-b') => ({
  certPem: readFileSync(join(FIXTURES, `${name}.pem`), 'utf8'),
  keyPem: readFileSync(join(FIXTURES, `${name}.key`), 'utf8'),
});
const fingerprintOf = (name: 'hub-a' | 'hub-b') =>
  new X509Certificate(tls(name).certPem).fingerprint256;
const inGerman = (text: Text | undefined) =>
  text === undefined ? undefined : renderText(text, german, germanFormats('de-DE'));

const tempDir = useTempDir();
let sandbox: MobiusFlowSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const newService = (file = join(tempDir(), 'hubs.json')) =>
  createHubService({
    file,
    secrets: createMemorySecretStore(),
    clock: systemClock,
    httpTimeoutMs: 2_000,
  });

describe('the hub service in German', () => {
  it('refuses an unreviewed, a mistaken and a changed certificate in German', async () => {
    sandbox = await startMobiusFlowSandbox({ hubs: 1, tls: tls('hub-a') });
    const port = sandbox.port;
    const target = sandbox.hubs[0] as SandboxHub;
    const file = join(tempDir(), 'hubs.json');
    const service = newService(file);
    try {
      const hub = await service.add(
        hubDraftSchema.parse({
          name: 'Dachzentrale',
          site: 'Werk Nord',
          host: '127.0.0.1',
          port,
          basePath: new URL(target.baseUrl).pathname,
          hid: target.hid,
          username: target.username,
          password: target.password,
        }),
      );

      const first = hubListSchema.parse(await service.refresh()).hubs[0];
      expect(first?.lastError?.code).toBe('config');
      expect(inGerman(first?.lastError?.text)).toBe(
        'Hub „Dachzentrale“ (Werk Nord) zeigt ein Zertifikat, dem dieser Computer nicht vertraut (Hubs haben meist ein selbstsigniertes). Prüfen Sie das Zertifikat des Hubs und vertrauen Sie ihm, wenn es mit dem auf dem Hub angezeigten übereinstimmt.',
      );

      const mistaken = await licensingFailure(service.trust(hub.id, fingerprintOf('hub-b')));
      expect(inGerman(mistaken.toAppError().text)).toBe(
        `Hub „Dachzentrale“ (Werk Nord) zeigt jetzt das Zertifikat ${fingerprintOf('hub-a')}, nicht das von Ihnen geprüfte (${fingerprintOf('hub-b')}). Prüfen Sie das Zertifikat erneut, bevor Sie ihm vertrauen.`,
      );

      await service.trust(hub.id, fingerprintOf('hub-a'));
      await sandbox.close();
      sandbox = await startMobiusFlowSandbox({ hubs: 1, port, tls: tls('hub-b') });
      const changed = hubListSchema.parse(await service.refresh()).hubs[0];
      expect(changed?.lastError?.code).toBe('tampered');
      expect(inGerman(changed?.lastError?.text)).toMatch(
        /^Das Zertifikat von Hub „Dachzentrale“ \(Werk Nord\) hat sich geändert, seit Sie ihm vertraut haben/,
      );
      // The inventory keeps the text: a restart shows the same German.
      const reopened = newService(file);
      expect(reopened.list().hubs[0]?.lastError?.text).toEqual(changed?.lastError?.text);
      await reopened.close();
    } finally {
      await service.close();
    }
  });

  it('says in German why import lines were refused, and the text survives IPC', async () => {
    const service = newService();
    try {
      const csv = [
        'name,site,scheme,host,port,base_path,hid,lan,username,password',
        'Kessel,,https,h1,8443,,000001,vielleicht,admin,pw',
        ',,https,h2,zwei,,000002,no,admin,pw',
        ',,http,h3 x,8443,,12345G,no,admin,pw',
        'Pumpe,,https,h4,8443,,000004,no,admin,',
      ].join('\r\n');
      const result = hubImportResultSchema.parse(await service.importCsv(csv));
      expect(result.added).toBe(0);
      expect(result.rejected.map((line) => [line.line, inGerman(line.text)])).toEqual([
        [2, 'lan: Schreiben Sie „yes“ oder „no“, nicht „vielleicht“'],
        [3, 'port: „zwei“ ist keine Portnummer'],
        [
          4,
          '„name“: Geben Sie dem Hub einen Namen; „host“: Ein Host ist ein Name oder eine IP-Adresse, ohne Leerzeichen und ohne Pfad; „hid“: Eine Hub-ID besteht aus 6 hexadezimalen Zeichen, z. B. 00A1F3; „scheme“: Unverschlüsseltes http ist nur für einen Hub erlaubt, der als „Im Standort-LAN“ markiert ist',
        ],
        [5, 'password: Ein Hub, der noch nicht im Bestand ist, braucht sein Passwort'],
      ]);
      expect(result.rejected[2]?.message).toBe(
        'name: give the hub a name; host: a host is a name or an IP address, without spaces or a path; hid: a hub id is 6 hexadecimal characters, e.g. 00A1F3; scheme: plain http is allowed only for a hub marked as on the site LAN',
      );
    } finally {
      await service.close();
    }
  });
});
