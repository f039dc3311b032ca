import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseCliArgs } from '../../src/cli/args';
import { runHub, type HubCliArgs } from '../../src/cli/hub-commands';
import { createHubService, type HubService } from '../../src/main/hubs/hub-service';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { systemClock } from '../../src/shared/clock';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';

/** `license-manager hub …` verbs against the sandbox, through runHub as the CLI calls it. */

const tempDir = useTempDir();
const NO_ARGS: HubCliArgs = { lan: false };

async function rig(options: Parameters<typeof startMobiusFlowSandbox>[0] = {}) {
  const sandbox: MobiusFlowSandbox = await startMobiusFlowSandbox({ hubs: 6, ...options });
  onTestFinished(() => sandbox.close());
  const dir = tempDir();
  const hubs: HubService = createHubService({
    file: join(dir, 'product.hubs.json'),
    secrets: createMemorySecretStore(),
    clock: systemClock,
    httpTimeoutMs: 1_000,
  });
  onTestFinished(() => hubs.close());
  const hub = (index: number) => sandbox.hubs[index] as SandboxHub;
  const addArgs = (target: SandboxHub, extra: Partial<HubCliArgs> = {}): HubCliArgs => {
    const url = new URL(target.baseUrl);
    return {
      name: target.name,
      site: target.site,
      host: url.hostname,
      port: Number(url.port),
      basePath: url.pathname,
      hid: target.hid,
      username: target.username,
      scheme: url.protocol.replace(':', ''),
      lan: url.protocol === 'http:',
      ...extra,
    };
  };
  const run = (
    verb: string,
    rest: readonly string[] = [],
    args: HubCliArgs = NO_ARGS,
    password = 'unused',
  ) => runHub(hubs, verb, rest, args, async () => password);
  const addHub = (target: SandboxHub, extra: Partial<HubCliArgs> = {}) =>
    run('add', [], addArgs(target, extra), target.password);
  return { sandbox, hubs, dir, hub, run, addHub };
}

describe('hub CLI: one hub at a time', () => {
  it('adds a hub, lists it in aligned columns, reads its licence and changes its code', async () => {
    const { sandbox, hub, run, addHub } = await rig();
    const added = await addHub(hub(0));
    expect(added.text).toMatch(
      new RegExp(`^added ${hub(0).name} \\(hid ${hub(0).hid}, id [0-9a-f-]{36}\\)$`),
    );
    await addHub(hub(1));

    const list = await run('list');
    const [header, ...rows] = list.text.split('\n');
    expect(header).toMatch(/^SITE +NAME +HID +ADDRESS +LICENCE +LAST REFRESH +STATUS$/);
    expect(rows).toHaveLength(2);
    const hidColumn = header?.indexOf('HID') ?? -1;
    expect(rows.map((row) => row.slice(hidColumn, hidColumn + 6))).toEqual([
      hub(0).hid,
      hub(1).hid,
    ]);

    const got = await run('get', [hub(0).hid.toLowerCase()]);
    const truth = sandbox.licenceOf(hub(0).hid);
    expect(got.text).toContain(`usage        ${truth.used} of ${truth.size}`);
    expect(got.value).toMatchObject({ hid: hub(0).hid, licence: { size: truth.size } });

    const spare = sandbox.spareCodes[0] as string;
    const set = await run('set', [hub(0).hid, spare]);
    expect(set.text).toMatch(/^before +/);
    expect(sandbox.licenceOf(hub(0).hid).licenceCode).toBe(spare);
    expect(set.text).not.toContain(spare);
  });

  it("fails `get` with the hub's error, so the exit code says what went wrong", async () => {
    const { sandbox, hub, run, addHub } = await rig();
    await addHub(hub(0));
    sandbox.setHubFault(hub(0).hid, 'down');
    const error = await licensingFailure(run('get', [hub(0).hid]));
    expect(error.code).toBe('offline');
  });

  it('says what is missing from `hub add` and refuses plain http off the LAN', async () => {
    const { hub, run, addHub } = await rig();
    await expect(run('add', [], { lan: false, host: 'h' })).rejects.toThrow(/Give --name NAME/);
    await expect(addHub(hub(0), { lan: false })).rejects.toThrow(
      /--scheme: plain http is allowed only/,
    );
    await expect(run('frobnicate')).rejects.toThrow(/Use one of: hub list\|add/);
  });
});

describe('hub CLI: the fleet', () => {
  it('imports, refreshes with a summary of failures, exports and reports to files', async () => {
    const { sandbox, dir, run, hub } = await rig({ hubs: 12, slowMs: 200 });
    const csv = join(dir, 'in.csv');
    const lines = sandbox.hubs.map((target) => {
      const url = new URL(target.baseUrl);
      return `${target.name},${target.site},http,${url.hostname},${url.port},${url.pathname},${target.hid},yes,${target.username},${target.password}`;
    });
    writeFileSync(
      csv,
      [
        'name,site,scheme,host,port,base_path,hid,lan,username,password',
        ...lines,
        'broken,,https,h,x',
      ].join('\n'),
    );
    const imported = await run('import', [csv]);
    expect(imported.text).toBe(
      '12 added, 0 updated, 1 rejected\n  line 14: port: "x" is not a port number',
    );

    sandbox.setHubFault(hub(3).hid, 'error500');
    sandbox.setHubFault(hub(5).hid, 'down');
    sandbox.setHubFault(hub(7).hid, 'slow'); // answers, but each request takes 200 ms
    const refreshed = await run('refresh', [], { lan: false, concurrency: 3 });
    const [summary, header, ...failures] = refreshed.text.split('\n');
    expect(summary).toMatch(
      new RegExp(`^12 hubs, 10 ok, 2 failed, slowest ${hub(7).name} \\(0\\.[4-9] s\\)$`),
    );
    expect(header).toMatch(/^SITE +NAME +HID +ERROR$/);
    expect(failures.map((line) => line.match(/[0-9a-f]{6}/)?.[0]).sort()).toEqual(
      [hub(3).hid, hub(5).hid].sort(),
    );
    expect(refreshed.value).toMatchObject({ total: 12, ok: 10, failed: 2 });

    const exported = join(dir, 'out.csv');
    expect((await run('export', [exported])).text).toBe(`wrote 12 hubs to ${exported}`);
    expect(readFileSync(exported, 'utf8')).not.toContain(hub(0).password);
    if (process.platform !== 'win32') expect(statSync(exported).mode & 0o777).toBe(0o600);
    const report = join(dir, 'report.csv');
    await run('report', [report]);
    expect(readFileSync(report, 'utf8').trim().split('\r\n')).toHaveLength(13);
  });

  it('shows the certificate and exits 3 until --fingerprint pins it', async () => {
    const fixtures = join(__dirname, '..', 'fixtures', 'mobiusflow-tls');
    const certPem = readFileSync(join(fixtures, 'hub-a.pem'), 'utf8');
    const { hub, run, addHub } = await rig({
      tls: { certPem, keyPem: readFileSync(join(fixtures, 'hub-a.key'), 'utf8') },
    });
    await addHub(hub(0));
    const fingerprint = new X509Certificate(certPem).fingerprint256;
    const shown = await run('trust', [hub(0).hid]);
    expect(shown.exitCode).toBe(3);
    expect(shown.text).toContain(`fingerprint  ${fingerprint}`);
    expect(shown.text).toContain(`hub trust ${hub(0).hid} --fingerprint=${fingerprint}`);
    // The command as printed parses to the same fingerprint.
    expect(
      parseCliArgs(['hub', 'trust', hub(0).hid, `--fingerprint=${fingerprint}`, '--json']),
    ).toMatchObject({ command: ['hub', 'trust', hub(0).hid], fingerprint, json: true });
    const pinned = await run('trust', [hub(0).hid], { lan: false, fingerprint });
    expect(pinned.exitCode).toBeUndefined();
    expect(pinned.text).toBe(`trusted the certificate ${fingerprint} for ${hub(0).name}`);
    const again = await run('trust', [hub(0).hid]);
    expect(again.text).toMatch(/already trusted$/);
    expect((await run('get', [hub(0).hid])).value).toMatchObject({ licence: expect.any(Object) });
  });
});

describe('hub CLI: files', () => {
  it('says plainly when a file cannot be read or written', async () => {
    const { run, dir } = await rig({ hubs: 1 });
    await expect(run('import', [join(dir, 'missing.csv')])).rejects.toMatchObject({
      code: 'invalid_input',
      message: `Cannot read ${join(dir, 'missing.csv')} (ENOENT). Check the path and permissions.`,
    });
    await expect(run('export', [join(dir, 'no', 'such', 'dir.csv')])).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
