import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { createManualClock } from '../support/manual-clock';

/**
 * GET and PUT /api/v2/mobius/licence/{hid} on emulated hubs (contract 1.3-1.5) against the demo
 * seed: exact envelopes and key order, the 400s, one licence per device, unknown codes.
 */

const START = Date.UTC(2030, 0, 15, 9, 0, 0);
const DATA_KEYS = [
  'licenceCode',
  'size',
  'used',
  'isActive',
  'isValid',
  'type',
  'objectCount',
  'isObjectBased',
  'pointsPerObject',
  'useCustomPointsMap',
];
const CODE_000001 =
  'ac04c6c3692068f7-fc52ccc5ddd3be1e-40cb6835d158ad64-7561711fdff78d28-3c1fe2b9f9a16557-2b18da5f4e4c8829-8dec885037db154c-26695d1953f5d65a';
const UNKNOWN_CODE =
  'c2480687816cf833-20e44db08a00df1c-62fff13ac04f16e4-9066e16d9b185417-9ef8fce8c3115e69-bd5f6186a806e4dd-256e3a2b53ee1b1d-9fd943dbd60a58b2';

let sandbox: MobiusFlowSandbox;
const tokens = new Map<string, string>();

const hub = (hid: string): SandboxHub => {
  const found = sandbox.hubs.find((h) => h.hid === hid);
  if (!found) throw new Error(`no hub ${hid} in the demo seed`);
  return found;
};

async function tokenFor(target: SandboxHub): Promise<string> {
  const res = await fetch(`${target.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: target.username, password: target.password }),
  });
  const { token } = (await res.json()) as { token: string };
  tokens.set(target.hid, token);
  return token;
}

async function licence(
  method: 'GET' | 'PUT',
  target: SandboxHub,
  init: { hid?: string; body?: unknown; rawBody?: string; auth?: boolean } = {},
) {
  const headers: Record<string, string> = {};
  if (init.auth !== false) {
    headers.authorization = `Bearer ${tokens.get(target.hid) ?? (await tokenFor(target))}`;
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const res = await fetch(`${target.baseUrl}/api/v2/mobius/licence/${init.hid ?? target.hid}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}
const put = (target: SandboxHub, licenceCode: unknown) =>
  licence('PUT', target, { body: { licenceCode } });
const badRequest = (message: string) => ({ statusCode: 400, error: 'Bad Request', message });

beforeEach(async () => {
  tokens.clear();
  sandbox = await startMobiusFlowSandbox({ clock: createManualClock(START) });
});
afterEach(() => sandbox.close());

describe('MobiusFlow sandbox: GET licence', () => {
  it('answers the reference envelope with its keys in the reference order', async () => {
    const res = await licence('GET', hub('000001'));
    expect(res.status).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['ts', 'uri', 'data']);
    expect(Object.keys(body.data as object)).toEqual(DATA_KEYS);
    expect(body).toEqual({
      ts: '2030-01-15T09:00:00.000Z',
      uri: '000001',
      data: {
        licenceCode: CODE_000001,
        size: 1000,
        used: 412,
        isActive: true,
        isValid: true,
        type: 'production',
        objectCount: 38,
        isObjectBased: false,
        pointsPerObject: 0,
        useCustomPointsMap: false,
      },
    });
    expect(sandbox.licenceOf('000001')).toEqual(body.data);
  });

  it('serves the demo variety: object-based, trial, invalid, inactive, nearly full', () => {
    expect(sandbox.licenceOf('00a1f3')).toMatchObject({ isObjectBased: true, pointsPerObject: 10 });
    expect(sandbox.licenceOf('0B12C4')).toMatchObject({ type: 'trial', isValid: true });
    expect(sandbox.licenceOf('1c0fff')).toMatchObject({ isValid: false, isActive: true });
    expect(sandbox.licenceOf('2d4e6f')).toMatchObject({ isValid: true, isActive: false });
    const full = sandbox.licenceOf('00a1f4');
    expect(full.used / full.size).toBeGreaterThan(0.9);
    expect(sandbox.hubs).toHaveLength(12);
  });

  it('matches hids in any letter case and echoes the hub’s own spelling', async () => {
    const trial = hub('0B12C4');
    const lower = { ...trial, baseUrl: trial.baseUrl.replace('0B12C4', '0b12c4') };
    const res = await licence('GET', lower, { hid: '0b12C4' });
    expect(res.status).toBe(200);
    expect(res.json().uri).toBe('0B12C4');
  });

  it.each(['00001', '0000001', '00000g', 'hub-01', '%20'])(
    'answers 400 for the malformed hid %j',
    async (hid) => {
      const res = await licence('GET', hub('000001'), { hid });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual(badRequest('params/hid must match pattern "^[0-9A-Fa-f]{6}$"'));
    },
  );

  it('answers 400 for another hub’s well-formed hid', async () => {
    const res = await licence('GET', hub('000001'), { hid: '000002' });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(badRequest('hid 000002 is not this hub (000001)'));
  });

  it('checks the bearer before the hid', async () => {
    const res = await licence('GET', hub('000001'), { hid: 'nope', auth: false });
    expect(res.status).toBe(401);
  });
});

describe('MobiusFlow sandbox: PUT licence', () => {
  it('installs a spare code, echoes only the code, and re-derives the entitlement', async () => {
    const target = hub('000001');
    const [code] = sandbox.spareCodes;
    expect(code).toBeDefined();
    const res = await put(target, code);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json())).toEqual(['ts', 'uri', 'data']);
    expect(res.json()).toEqual({
      ts: '2030-01-15T09:00:00.000Z',
      uri: '000001',
      data: { licenceCode: code },
    });
    const after = (await licence('GET', target)).json().data;
    // The demo's first spare code: production, 1000 points; usage on the hub is unchanged.
    expect(after).toEqual({
      ...sandbox.licenceOf('000001'),
      licenceCode: code,
      size: 1000,
      used: 412,
      objectCount: 38,
      type: 'production',
      isValid: true,
    });
    expect(sandbox.spareCodes).toContain(CODE_000001);
    expect(sandbox.spareCodes).not.toContain(code);
  });

  it('switches to an object-based entitlement and keeps used/objectCount', async () => {
    const objectBased =
      '51c93485cd5d8146-92935c4c2e1c20b2-ca7f4c6cd21f2cb8-ec53fab534fc24e9-f11497e3b19a6e96-4453e0406a3e6909-90bd343f323fc272-74ee18e8b9915a17';
    expect((await put(hub('000002'), objectBased)).status).toBe(200);
    expect(sandbox.licenceOf('000002')).toEqual({
      licenceCode: objectBased,
      size: 250,
      used: 188,
      isActive: true,
      isValid: true,
      type: 'production',
      objectCount: 21,
      isObjectBased: true,
      pointsPerObject: 10,
      useCustomPointsMap: false,
    });
  });

  it('takes codes in any case and stores them in lower case', async () => {
    const code = sandbox.spareCodes[1] ?? '';
    const res = await put(hub('000001'), code.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.json().data).toEqual({ licenceCode: code });
    expect(sandbox.licenceOf('000001').licenceCode).toBe(code);
  });

  it('accepts the older 8 x 8 hex code shape', async () => {
    const short = '5b54795b-04d55f6e-d61f5d3b-07094a34-2ca2f15f-ffd0283e-a6cae8dc-642b9456';
    expect((await put(hub('000001'), short)).status).toBe(200);
    expect(sandbox.licenceOf('000001')).toMatchObject({ type: 'trial', size: 50 });
  });

  it('installs a well-formed unknown code and then reads back isValid: false', async () => {
    const res = await put(hub('000001'), UNKNOWN_CODE);
    expect(res.status).toBe(200);
    expect((await licence('GET', hub('000001'))).json().data).toEqual({
      licenceCode: UNKNOWN_CODE,
      size: 0,
      used: 412,
      isActive: false,
      isValid: false,
      type: 'unknown',
      objectCount: 38,
      isObjectBased: false,
      pointsPerObject: 0,
      useCustomPointsMap: false,
    });
  });

  it('installs a known code that no longer verifies as isValid: false', async () => {
    const stale = sandbox.spareCodes.at(-1) ?? '';
    expect((await put(hub('000001'), stale)).status).toBe(200);
    expect(sandbox.licenceOf('000001')).toMatchObject({ isValid: false, size: 500 });
  });

  it.each(['', 'abc', 'c2480687816cf833', 'xyz-123', 'c248-', '-c248', 'c248 - 0687'])(
    'refuses the malformed code %j with 400',
    async (code) => {
      const res = await put(hub('000001'), code);
      expect(res.status).toBe(400);
      expect(res.json()).toEqual(badRequest('Invalid licence code format'));
      expect(sandbox.licenceOf('000001').licenceCode).toBe(CODE_000001);
    },
  );

  it('refuses a code in use on another hub, and frees a code once it is replaced', async () => {
    const taken = sandbox.licenceOf('000002').licenceCode;
    const res = await put(hub('000001'), taken);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(badRequest('licence already in use on another device'));
    expect(sandbox.licenceOf('000001').licenceCode).toBe(CODE_000001);

    expect((await put(hub('000002'), UNKNOWN_CODE)).status).toBe(200);
    expect((await put(hub('000001'), taken)).status).toBe(200);
    // Unknown codes are held too: one device each.
    expect((await put(hub('00a1f3'), UNKNOWN_CODE)).status).toBe(400);
  });

  it('re-installs the hub’s own code idempotently', async () => {
    const res = await put(hub('000001'), CODE_000001);
    expect(res.status).toBe(200);
    expect(sandbox.licenceOf('000001').licenceCode).toBe(CODE_000001);
  });

  it.each([
    [{}, "body must have required property 'licenceCode'"],
    [{ licenceCode: 42 }, 'body/licenceCode must be string'],
    [[UNKNOWN_CODE], 'body must be object'],
  ])('refuses the body %j with 400', async (body, message) => {
    const res = await licence('PUT', hub('000001'), { body });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(badRequest(message));
  });

  it('answers 400 for a bad or foreign hid, and 401 without a bearer', async () => {
    const code = sandbox.spareCodes[0];
    expect(
      (await licence('PUT', hub('000001'), { hid: '00000x', body: { licenceCode: code } })).status,
    ).toBe(400);
    const foreign = await licence('PUT', hub('000001'), {
      hid: '000002',
      body: { licenceCode: code },
    });
    expect(foreign.json()).toEqual(badRequest('hid 000002 is not this hub (000001)'));
    expect(
      (await licence('PUT', hub('000001'), { auth: false, body: { licenceCode: code } })).status,
    ).toBe(401);
    expect(sandbox.licenceOf('000001').licenceCode).toBe(CODE_000001);
  });
});

describe('MobiusFlow sandbox: routing', () => {
  it.each([
    [
      'DELETE',
      '/hubs/000001/api/v2/mobius/licence/000001',
      'Route DELETE:/api/v2/mobius/licence/000001 not found',
    ],
    ['GET', '/hubs/000001/api/v1/auth/login', 'Route GET:/api/v1/auth/login not found'],
    ['GET', '/hubs/000001/api/v1/licence/000001', 'Route GET:/api/v1/licence/000001 not found'],
    ['GET', '/hubs/abcdef/api/v2/mobius/licence/abcdef', 'No emulated hub at /hubs/abcdef'],
    ['GET', '/api/v2/mobius/licence/000001', expect.stringContaining('not found')],
  ])('answers %s %s with a Fastify 404', async (method, path, message) => {
    const res = await fetch(`${sandbox.url}${path}`, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', message });
  });

  it('counts reads, writes and refusals in the admin state', async () => {
    await licence('GET', hub('000001'));
    await put(hub('000001'), sandbox.spareCodes[0]);
    await licence('GET', hub('000001'), { auth: false });
    const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
      counters: unknown;
      spareCodes: number;
    };
    expect(state.counters).toEqual({
      logins: 1,
      refreshes: 0,
      licenceReads: 1,
      licenceWrites: 1,
      unauthorized: 1,
    });
    expect(state.spareCodes).toBe(6);
  });
});

describe('MobiusFlow sandbox: account roles', () => {
  const setRoles = (body: unknown) =>
    fetch(`${sandbox.url}/__sandbox/account-roles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const rolesClaim = (token: string) =>
    (
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        roles: unknown;
      }
    ).roles;

  it('refuses a licence change to an account below admin with 403, from its next sign-in', async () => {
    const target = hub('000001');
    const [before, after] = sandbox.spareCodes;
    const adminToken = await tokenFor(target);
    expect((await setRoles({ hid: '000001', roles: 159 })).status).toBe(200);
    // A token keeps the roles of its sign-in (stateless JWTs).
    expect((await put(target, before)).status).toBe(200);
    const lowered = await tokenFor(target);
    expect([rolesClaim(adminToken), rolesClaim(lowered)]).toEqual([255, 159]);
    expect((await licence('GET', target)).status).toBe(200);
    const refused = await put(target, after);
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Missing role: changing the licence needs the admin role',
    });
    expect(sandbox.licenceOf('000001').licenceCode).toBe(before);
  });

  it('takes roles from 0 to 255 for a known hub only', async () => {
    expect((await setRoles({ hid: '000001', roles: 256 })).status).toBe(400);
    expect((await setRoles({ hid: 'abcdef', roles: 1 })).status).toBe(404);
    expect(() => sandbox.setAccountRoles('000001', 1.5)).toThrow(/whole number from 0 to 255/);
    sandbox.setAccountRoles('000001', 0);
    const target = hub('000001');
    expect(rolesClaim(await tokenFor(target))).toBe(0);
  });
});

describe('MobiusFlow sandbox: a hub that answers another hub’s hid for itself', () => {
  it('reads and changes its own licence, with its own hid as uri', async () => {
    await sandbox.close();
    sandbox = await startMobiusFlowSandbox({
      clock: createManualClock(START),
      foreignHid: 'answer-own',
    });
    const own = sandbox.licenceOf('000002');
    const read = await licence('GET', hub('000001'), { hid: '000002' });
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ uri: '000001', data: sandbox.licenceOf('000001') });
    const code = sandbox.spareCodes[0];
    const changed = await licence('PUT', hub('000001'), {
      hid: '000002',
      body: { licenceCode: code },
    });
    expect(changed.json()).toMatchObject({ uri: '000001', data: { licenceCode: code } });
    expect(sandbox.licenceOf('000001').licenceCode).toBe(code);
    expect(sandbox.licenceOf('000002')).toEqual(own);
  });
});
