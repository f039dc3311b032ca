import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { hubSecretName } from '../../src/main/hubs/hub-records';
import { createHubService } from '../../src/main/hubs/hub-service';
import { maskKey } from '../../src/main/licensing/mask';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { systemClock, type Clock } from '../../src/shared/clock';
import {
  hubCodeChangeSchema,
  hubImportResultSchema,
  hubListSchema,
  hubsChangedSchema,
} from '../../src/shared/hubs-model';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/** The hub fleet service over real loopback HTTP against the sandbox engine. */

const tempDir = useTempDir();
const HEADER = 'name,site,scheme,host,port,base_path,hid,lan,username,password';
const csvOf = (hubs: readonly SandboxHub[], withPasswords = true): string =>
  [
    HEADER,
    ...hubs.map((hub) => {
      const url = new URL(hub.baseUrl);
      const password = withPasswords ? hub.password : '';
      return `"${hub.name}",${hub.site},http,${url.hostname},${url.port},${url.pathname},${hub.hid},yes,${hub.username},${password}`;
    }),
  ].join('\r\n');

async function rig(
  sandboxOptions: Parameters<typeof startMobiusFlowSandbox>[0],
  options: {
    clock?: Clock;
    httpTimeoutMs?: number;
    secrets?: ReturnType<typeof createMemorySecretStore>;
  } = {},
) {
  const clock = options.clock ?? systemClock;
  const sandbox = await startMobiusFlowSandbox({ clock, ...sandboxOptions });
  onTestFinished(() => sandbox.close());
  const secrets = options.secrets ?? createMemorySecretStore();
  const file = join(tempDir(), 'product.hubs.json');
  const service = createHubService({
    file,
    secrets,
    clock,
    httpTimeoutMs: options.httpTimeoutMs ?? 2_000,
  });
  onTestFinished(() => service.close());
  const imported = await service.importCsv(csvOf(sandbox.hubs));
  expect(imported).toMatchObject({ added: sandbox.hubs.length, rejected: [] });
  const idOf = (hid: string) => service.find(hid).id;
  return { sandbox, service, secrets, file, idOf };
}

async function counters(sandbox: MobiusFlowSandbox) {
  const response = await createAxiosHttpClient().request({
    method: 'GET',
    url: `${sandbox.url}/__sandbox/state`,
  });
  return (response.body as { counters: Record<string, number> }).counters;
}

describe('hub fleet against the sandbox: a 200-hub refresh', () => {
  it('finishes despite slow, dead, failing and garbled hubs, and reports each failure', async () => {
    const { sandbox, service } = await rig(
      { hubs: 200, faultRate: 0.1, slowMs: 10_000 },
      { httpTimeoutMs: 2_000 },
    );
    const started = Date.now();
    const events: unknown[] = [];
    service.onChange((event) => events.push(event));
    const list = await service.refresh({ concurrency: 16 });
    expect(Date.now() - started).toBeLessThan(10_000);
    // What goes over IPC fits the shared contract.
    expect(hubListSchema.parse(list)).toEqual(list);
    for (const event of events) hubsChangedSchema.parse(event);
    expect(list.progress).toMatchObject({ running: false, total: 200, done: 200, failed: 20 });
    const expected = {
      slow: 'timeout',
      down: 'offline',
      error500: 'server_error',
      malformed: 'protocol',
    };
    for (const hub of sandbox.hubs) {
      const view = list.hubs.find((item) => item.hid === hub.hid);
      if (hub.fault) {
        expect(view?.lastError?.code, `${hub.hid} (${hub.fault})`).toBe(expected[hub.fault]);
        expect(view?.lastError?.message).toContain(`"${hub.name}"`);
        expect(view?.licence).toBeUndefined();
      } else {
        const truth = sandbox.licenceOf(hub.hid);
        expect(view?.lastError).toBeUndefined();
        expect(view?.licence).toMatchObject({
          codeLabel: maskKey(truth.licenceCode),
          size: truth.size,
          used: truth.used,
        });
      }
    }
    const report = service.reportCsv().trim().split('\r\n');
    expect(report).toHaveLength(201);
    expect(
      report.filter((line) => /,(Hub .*:|.*did not answer|.*cut off)/.test(line)).length,
    ).toBeGreaterThan(0);
  });

  it('reads the next hub while a licence code is being written, and ends once every code is kept', async () => {
    const inner = createMemorySecretStore();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing: string[] = [];
    // Licence codes are written only once the test lets them: a secret store busy with a burst.
    const secrets: typeof inner = {
      ...inner,
      set: async (name, value) => {
        if (name.startsWith('hub-licence:')) {
          writing.push(name);
          await held;
        }
        await inner.set(name, value);
      },
    };
    const { sandbox, service, idOf } = await rig({ hubs: 12 }, { secrets });
    let ended = false;
    const refreshed = service.refresh({ concurrency: 1 }).finally(() => (ended = true));
    // One lane: had it waited for each code's write, it would still be at the first hub.
    await vi.waitFor(() => expect(writing).toHaveLength(12), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    // No record says its code is kept before it is.
    expect(service.list().hubs.filter((hub) => hub.licence)).toEqual([]);
    release();
    const list = await refreshed;
    expect(list.progress).toMatchObject({ done: 12, failed: 0 });
    for (const hub of sandbox.hubs)
      expect(await inner.get(`hub-licence:${idOf(hub.hid)}`)).toBe(
        sandbox.licenceOf(hub.hid).licenceCode,
      );
  });

  it('renews tokens through the refresh route when the clock moves on during a run', async () => {
    const clock = createManualClock(Date.UTC(2026, 2, 1));
    const { sandbox, service } = await rig(
      { hubs: 100, accessTtlSeconds: 60, slowMs: 40 },
      { clock, httpTimeoutMs: 60_000 },
    );
    await service.refresh({ concurrency: 8 });
    expect(await counters(sandbox)).toMatchObject({ logins: 100, refreshes: 0 });
    // Every request now takes 40 ms of real time: the second run lasts about a second.
    for (const hub of sandbox.hubs) sandbox.setHubFault(hub.hid, 'slow');
    const running = service.refresh({ concurrency: 4 });
    // Mid-run: 50 s (past the renewal point at 48 s), then 30 s more (past the tokens' expiry).
    await new Promise((resolve) => setTimeout(resolve, 150));
    await clock.advanceAsync(50_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await clock.advanceAsync(30_000);
    const list = await running;
    expect(list.progress).toMatchObject({ done: 100, failed: 0 });
    const after = await counters(sandbox);
    expect(after.logins).toBe(100);
    expect(after.refreshes).toBeGreaterThan(50);
    expect(after.unauthorized).toBe(0);
  });
});

describe('hub fleet against the sandbox: licence codes', () => {
  it('puts a code, reads it back, and keeps the full code only in the secret store', async () => {
    const { sandbox, service, secrets, file, idOf } = await rig({ hubs: 3 });
    const hub = sandbox.hubs[0] as SandboxHub;
    const id = idOf(hub.hid);
    await service.refresh({ ids: [id] });
    const original = sandbox.licenceOf(hub.hid).licenceCode;
    const spare = sandbox.spareCodes[0] as string;
    const change = await service.setCode(id, spare);
    expect(hubCodeChangeSchema.parse(change)).toEqual(change);
    expect(change.before?.codeLabel).toBe(maskKey(original));
    expect(change.after).toMatchObject({
      codeLabel: maskKey(spare),
      isValid: sandbox.licenceOf(hub.hid).isValid,
    });
    expect(change.hub.licence).toEqual(change.after);
    expect(secrets.entries.get(hubSecretName.licenceCode(id))).toBe(spare);
    expect(readFileSync(file, 'utf8')).not.toContain(spare);
  });

  it("refuses a malformed code before asking the hub, and a code in use with the hub's words", async () => {
    const { sandbox, service, idOf } = await rig({ hubs: 3 });
    const [first, second] = sandbox.hubs as [SandboxHub, SandboxHub];
    await expect(service.setCode(idOf(first.hid), 'not a code')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await counters(sandbox)).toMatchObject({ logins: 0 });
    const taken = sandbox.licenceOf(second.hid).licenceCode;
    const error = await licensingFailure(service.setCode(idOf(first.hid), taken));
    expect(error.message).toMatch(/in use/);
  });

  it('reads an unknown code back as not valid', async () => {
    const { sandbox, service, idOf } = await rig({ hubs: 2 });
    const change = await service.setCode(
      idOf((sandbox.hubs[0] as SandboxHub).hid),
      'abcdef01-23456789',
    );
    expect(change.after).toMatchObject({ isValid: false, type: 'unknown' });
  });
});

describe('hub fleet against the sandbox: inventory round trips', () => {
  it('says in German why import lines were refused, and the text survives IPC', async () => {
    const service = createHubService({
      file: join(tempDir(), 'hubs.json'),
      secrets: createMemorySecretStore(),
      clock: systemClock,
    });
    onTestFinished(() => service.close());
    const csv = [
      HEADER,
      'Kessel,,https,h1,8443,,000001,vielleicht,admin,pw',
      ',,https,h2,zwei,,000002,no,admin,pw',
      ',,http,h3 x,8443,,12345G,no,admin,pw',
      'Pumpe,,https,h4,8443,,000004,no,admin,',
    ].join('\r\n');
    const result = hubImportResultSchema.parse(await service.importCsv(csv));
    expect(result.added).toBe(0);
    expect(result.rejected.map((line) => [line.line, inGerman(line)])).toEqual([
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
  });

  it('exports without passwords; the export plus passwords imports into a new inventory that works', async () => {
    const { sandbox, service } = await rig({ hubs: 20 });
    const exported = service.exportCsv();
    for (const hub of sandbox.hubs) expect(exported).not.toContain(`,${hub.password}`);
    const other = createHubService({
      file: join(tempDir(), 'b.json'),
      secrets: createMemorySecretStore(),
      clock: systemClock,
    });
    onTestFinished(() => other.close());
    const withoutPasswords = await other.importCsv(exported);
    expect(withoutPasswords.added).toBe(0);
    expect(withoutPasswords.rejected).toHaveLength(20);
    const passwords = new Map(sandbox.hubs.map((hub) => [hub.hid, hub.password]));
    const filled = exported
      .trim()
      .split('\r\n')
      .map((line, index) =>
        index === 0 ? line : `${line}${passwords.get(line.split(',').at(-4) ?? '')}`,
      )
      .join('\r\n');
    const result = hubImportResultSchema.parse(await other.importCsv(filled));
    expect(result).toMatchObject({ added: 20, updated: 0, rejected: [] });
    expect(other.exportCsv()).toBe(exported);
    const list = await other.refresh();
    expect(list.progress).toMatchObject({ done: 20, failed: 0 });
  });

  it('removes a hub and deletes its password, refresh token and licence code', async () => {
    const { sandbox, service, secrets, idOf } = await rig({ hubs: 2 });
    await service.refresh();
    const id = idOf((sandbox.hubs[0] as SandboxHub).hid);
    const names = [
      hubSecretName.password(id),
      hubSecretName.refreshToken(id),
      hubSecretName.licenceCode(id),
    ];
    for (const name of names) expect(secrets.entries.has(name)).toBe(true);
    await service.remove(id);
    for (const name of names) expect(secrets.entries.has(name)).toBe(false);
    expect(secrets.entries.size).toBe(3);
  });

  it('records a wrong password on the hub, and the next refresh after a fix clears it', async () => {
    const { sandbox, service, idOf } = await rig({ hubs: 2 });
    const hub = sandbox.hubs[0] as SandboxHub;
    const id = idOf(hub.hid);
    const view = service.find(id);
    const {
      id: _id,
      hasPassword: _has,
      tlsFingerprint: _fp,
      licence: _l,
      lastRefreshAt: _r,
      lastError: _e,
      ...draft
    } = view;
    await service.update(id, { ...draft, password: 'wrong' });
    let list = await service.refresh({ ids: [id] });
    expect(list.hubs.find((item) => item.id === id)?.lastError).toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringMatching(/refused the account "admin"|refused the account/),
    });
    await service.update(id, { ...draft, password: hub.password });
    list = await service.refresh({ ids: [id] });
    expect(list.hubs.find((item) => item.id === id)?.lastError).toBeUndefined();
  });
});
