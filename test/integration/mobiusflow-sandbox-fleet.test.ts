import { afterEach, describe, expect, it } from 'vitest';
import {
  mobiusFlowDemo,
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type MobiusFlowSeed,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { generateFleetSeed } from '../../src/sandbox/mobiusflow/generate';
import { parseMobiusFlowSeed } from '../../src/sandbox/mobiusflow/seed';

/**
 * Whole fleets: a generated 1,000-hub engine serving 1,000 logins and licence reads, generation
 * that is deterministic, exact fault shares, seed validation, and hubs on their own ports.
 */

const started: MobiusFlowSandbox[] = [];
async function start(options: Parameters<typeof startMobiusFlowSandbox>[0] = {}) {
  const sandbox = await startMobiusFlowSandbox(options);
  started.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

async function readLicence(hub: SandboxHub): Promise<{ uri: string; data: unknown }> {
  const login = await fetch(`${hub.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: hub.username, password: hub.password }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${hub.baseUrl}/api/v2/mobius/licence/${hub.hid}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { uri: string; data: unknown };
}

/** Runs `task` over `items` with at most `width` in flight. */
async function inParallel<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const LICENCE_CODE = /^[0-9a-f]{16}(-[0-9a-f]{16}){7}$/;

describe('MobiusFlow sandbox: a 1,000-hub fleet', () => {
  it('starts 1,000 hubs and serves a login and a licence read on each, concurrently', async () => {
    const sandbox = await start({ hubs: 1000 });
    const { hubs } = sandbox;
    expect(hubs).toHaveLength(1000);
    expect(hubs[0]).toMatchObject({ hid: '000001', baseUrl: `${sandbox.url}/hubs/000001` });
    expect(hubs[999]?.hid).toBe('0003e8');
    expect(new Set(hubs.map((h) => h.baseUrl)).size).toBe(1000);

    const answers = await inParallel(hubs, 100, readLicence);
    answers.forEach((answer, i) => {
      const hid = hubs[i]?.hid ?? '';
      expect(answer.uri).toBe(hid);
      expect(answer.data).toEqual(sandbox.licenceOf(hid));
    });
    const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
      counters: { logins: number; licenceReads: number };
    };
    expect(state.counters).toMatchObject({ logins: 1000, licenceReads: 1000 });
    // Correctness, not speed, is asserted; the generous timeout keeps a loaded CI machine green.
  }, 60_000);
});

describe('MobiusFlow sandbox: generated fleets', () => {
  it('generates 12 hubs by default, named by number and site, with well-formed codes', async () => {
    const sandbox = await start({ hubs: undefined, faultRate: 0 });
    expect(sandbox.hubs.map((h) => h.hid)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i + 1).toString(16).padStart(6, '0')),
    );
    for (const hub of sandbox.hubs) {
      expect(hub.name).toMatch(/^Hub \d{4} · Site [A-Z]+$/);
      expect(hub.name.endsWith(hub.site)).toBe(true);
      expect(hub.fault).toBeUndefined();
      expect(sandbox.licenceOf(hub.hid).licenceCode).toMatch(LICENCE_CODE);
    }
    expect(sandbox.hubs[0]?.name.startsWith('Hub 0001 · ')).toBe(true);
    expect(sandbox.spareCodes).toHaveLength(8);
    sandbox.spareCodes.forEach((code) => expect(code).toMatch(LICENCE_CODE));
  });

  it('is deterministic: the same size gives the same credentials and licences', async () => {
    const [one, two] = [await start({ hubs: 50 }), await start({ hubs: 50 })];
    const view = (s: MobiusFlowSandbox) =>
      s.hubs.map(({ hid, name, username, password }) => ({
        hid,
        name,
        username,
        password,
        licence: s.licenceOf(hid),
      }));
    expect(view(one)).toEqual(view(two));
    expect(one.spareCodes).toEqual(two.spareCodes);
    expect(new Set(one.hubs.map((h) => h.password)).size).toBe(50);
  });

  it('generates fleets the seed schema accepts unchanged (the engine skips it for speed)', () => {
    const generated = generateFleetSeed(1000, 0.25);
    expect(parseMobiusFlowSeed(generated)).toEqual(generated);
  });

  it('mixes licence kinds across a large fleet', async () => {
    const sandbox = await start({ hubs: 400 });
    const licences = sandbox.hubs.map((h) => sandbox.licenceOf(h.hid));
    const share = (test: (l: (typeof licences)[number]) => boolean) =>
      licences.filter(test).length / licences.length;
    expect(share((l) => l.type === 'trial')).toBeGreaterThan(0.1);
    expect(share((l) => l.isObjectBased)).toBeGreaterThan(0.1);
    expect(share((l) => !l.isValid)).toBeGreaterThan(0);
    expect(share((l) => !l.isActive)).toBeGreaterThan(0);
    expect(share((l) => l.used > 0.9 * l.size)).toBeGreaterThan(0.03);
    expect(licences.every((l) => l.used <= l.size)).toBe(true);
  });

  it('faults exactly round(N x faultRate) hubs, kinds in turn, credentials unchanged', async () => {
    const clean = await start({ hubs: 100 });
    const faulted = await start({ hubs: 100, faultRate: 0.1 });
    const kinds = faulted.hubs.flatMap((h) => (h.fault ? [h.fault] : []));
    expect(kinds).toHaveLength(10);
    expect(kinds.filter((k) => k === 'slow')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'down')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'error500')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'malformed')).toHaveLength(2);
    expect(faulted.hubs.map((h) => h.password)).toEqual(clean.hubs.map((h) => h.password));
    const again = await start({ hubs: 100, faultRate: 0.1 });
    expect(again.hubs.map((h) => h.fault)).toEqual(faulted.hubs.map((h) => h.fault));
  });

  it.each([
    [{ hubs: 0 }, /hubs must be an integer from 1/],
    [{ hubs: 2.5 }, /hubs must be an integer/],
    [{ faultRate: 1.5 }, /faultRate must be a number from 0 to 1/],
    [{ accessTtlSeconds: 0 }, /accessTtlSeconds/],
    [{ slowMs: -1 }, /slowMs/],
    [{ hubs: 3, seed: { codes: [], hubs: [] } }, /either seed or hubs/],
    [{ hubs: 101, portPerHub: true }, /at most 100 hubs/],
  ])('refuses the options %j', async (options, message) => {
    await expect(startMobiusFlowSandbox(options)).rejects.toThrow(message);
  });
});

describe('MobiusFlow sandbox: seeds', () => {
  const code = (n: number) => `${String(n).repeat(16)}-${'a'.repeat(16)}`;
  const hubEntry = (hid: string, licenceCode: string) => ({
    hid,
    name: `Hub ${hid}`,
    site: 'Test site',
    username: 'admin',
    password: `pw-${hid}`,
    licenceCode,
    used: 1,
    objectCount: 1,
  });
  const seed = (hubs: MobiusFlowSeed['hubs']): MobiusFlowSeed => ({
    codes: [1, 2, 3].map((n) => ({ code: code(n), type: 'production', size: 10 })),
    hubs,
  });

  it('defaults to the demo seed, which mobiusFlowDemo describes', async () => {
    const sandbox = await start();
    const demo = mobiusFlowDemo();
    expect(
      sandbox.hubs.map(({ hid, username, password }) => ({ hid, username, password })),
    ).toEqual(demo.hubs.map(({ hid, username, password }) => ({ hid, username, password })));
    expect(sandbox.spareCodes).toEqual(demo.spareCodes);
    expect(demo.hubs[0]?.licenceCode).toBe(sandbox.licenceOf('000001').licenceCode);
  });

  it('starts from an explicit seed with defaults filled in', async () => {
    const sandbox = await start({ seed: seed([hubEntry('00000a', code(1))]) });
    expect(sandbox.hubs).toHaveLength(1);
    expect(sandbox.licenceOf('00000A')).toMatchObject({
      isActive: true,
      isValid: true,
      isObjectBased: false,
      pointsPerObject: 0,
    });
    expect(sandbox.spareCodes).toEqual([code(2), code(3)]);
  });

  it.each([
    [
      'a duplicate hid (any case)',
      [hubEntry('00000a', code(1)), hubEntry('00000A', code(2))],
      /hubs\.1\.hid: duplicate/,
    ],
    [
      'one code on two hubs',
      [hubEntry('00000a', code(1)), hubEntry('00000b', code(1))],
      /hubs\.1\.licenceCode: duplicate/,
    ],
    ['a code not in the table', [hubEntry('00000a', code(9))], /not in this seed's "codes" table/],
    ['a malformed hid', [hubEntry('hub-01', code(1))], /hubs\.0\.hid/],
    ['a malformed code', [hubEntry('00000a', 'abc')], /hubs\.0\.licenceCode/],
  ])('refuses a seed with %s', async (_what, hubs, message) => {
    await expect(startMobiusFlowSandbox({ seed: seed(hubs) })).rejects.toThrow(message);
  });
});

describe('MobiusFlow sandbox: portPerHub', () => {
  it('gives each hub its own origin serving the bare vendor paths', async () => {
    const sandbox = await start({ hubs: 3, portPerHub: true });
    const origins = sandbox.hubs.map((h) => h.baseUrl);
    origins.forEach((origin) => expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));
    expect(new Set([...origins, sandbox.url]).size).toBe(4);

    const [a, b] = sandbox.hubs as [SandboxHub, SandboxHub];
    expect((await readLicence(a)).uri).toBe(a.hid);
    expect((await readLicence(b)).uri).toBe(b.hid);
    // The hub's own port serves that hub alone: no /hubs/ prefix and no admin routes there.
    expect(
      (await fetch(`${a.baseUrl}/hubs/${b.hid}/api/v1/auth/login`, { method: 'POST' })).status,
    ).toBe(404);
    expect((await fetch(`${a.baseUrl}/__sandbox/state`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__sandbox/state`)).status).toBe(200);
  });

  it('keeps token namespaces apart between hub ports and applies hub faults there', async () => {
    const sandbox = await start({ hubs: 2, portPerHub: true });
    const [a, b] = sandbox.hubs as [SandboxHub, SandboxHub];
    const login = await fetch(`${a.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: a.username, password: a.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const onB = await fetch(`${b.baseUrl}/api/v2/mobius/licence/${b.hid}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(onB.status).toBe(401);
    sandbox.setHubFault(b.hid, 'error500');
    expect((await fetch(`${b.baseUrl}/api/v2/mobius/licence/${b.hid}`)).status).toBe(500);
  });
});
