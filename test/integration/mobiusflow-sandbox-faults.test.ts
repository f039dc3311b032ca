import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';

/**
 * Per-hub faults (slow, down, error500, malformed), set in process and through the admin routes,
 * the server-wide fault layer in the Fastify envelope, and the admin state counts.
 */

const SLOW_MS = 300;
let sandbox: MobiusFlowSandbox;
let faulty: SandboxHub;
let healthy: SandboxHub;

const loginTo = (hub: SandboxHub) =>
  fetch(`${hub.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: hub.username, password: hub.password }),
  });

/** node:http rather than fetch, so a dropped connection shows its socket error code. */
function rawLogin(hub: SandboxHub): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username: hub.username, password: hub.password });
    const req = http.request(`${hub.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const admin = (method: string, route: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const stateOf = async () =>
  (await (await admin('GET', 'state')).json()) as { faults: Record<string, number> };

beforeEach(async () => {
  sandbox = await startMobiusFlowSandbox({ slowMs: SLOW_MS });
  [faulty, healthy] = sandbox.hubs as [SandboxHub, SandboxHub];
});
afterEach(() => sandbox.close());

describe('MobiusFlow sandbox: per-hub faults', () => {
  it('slow: answers normally after slowMs, without holding up other hubs', async () => {
    sandbox.setHubFault(faulty.hid, 'slow');
    const started = performance.now();
    const finished: string[] = [];
    const [slow, fast] = await Promise.all([
      loginTo(faulty).finally(() => finished.push(faulty.hid)),
      loginTo(healthy).finally(() => finished.push(healthy.hid)),
    ]);
    expect(slow.status).toBe(200);
    expect(fast.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 10);
    expect(finished).toEqual([healthy.hid, faulty.hid]);
  });

  it('down: drops the connection with a reset, before any route', async () => {
    sandbox.setHubFault(faulty.hid, 'down');
    await expect(rawLogin(faulty)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(fetch(`${faulty.baseUrl}/api/v2/mobius/licence/${faulty.hid}`)).rejects.toThrow();
    expect((await rawLogin(healthy)).status).toBe(200);
  });

  it('error500: a Fastify 500 on every route of the hub', async () => {
    sandbox.setHubFault(faulty.hid, 'error500');
    const res = await rawLogin(faulty);
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Hub 000001 failed (fault injected by the sandbox)',
    });
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    sandbox.setHubFault(faulty.hid, 'malformed');
    const res = await rawLogin(faulty);
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.body) as unknown).toThrow(SyntaxError);
  });

  it('clears a fault with undefined and shows the current one in hubs', async () => {
    sandbox.setHubFault(faulty.hid, 'error500');
    expect(sandbox.hubs[0]?.fault).toBe('error500');
    sandbox.setHubFault(faulty.hid, undefined);
    expect(sandbox.hubs[0]?.fault).toBeUndefined();
    expect((await loginTo(faulty)).status).toBe(200);
    expect(() => sandbox.setHubFault('ffffff', 'down')).toThrow(/ffffff/);
  });
});

describe('MobiusFlow sandbox: admin routes', () => {
  it('sets and clears a hub fault, and counts faults in the state', async () => {
    const set = await admin('POST', 'hub-fault', { hid: faulty.hid, fault: 'error500' });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ hid: '000001', fault: 'error500' });
    expect((await loginTo(faulty)).status).toBe(500);
    expect((await stateOf()).faults).toEqual({ slow: 0, down: 0, error500: 1, malformed: 0 });

    await admin('POST', 'hub-fault', { hid: faulty.hid, fault: null });
    expect((await loginTo(faulty)).status).toBe(200);
    expect((await stateOf()).faults.error500).toBe(0);
  });

  it('refuses an unknown hub (404) and an unknown fault (400)', async () => {
    expect((await admin('POST', 'hub-fault', { hid: 'ffffff', fault: 'down' })).status).toBe(404);
    expect((await admin('POST', 'hub-fault', { hid: faulty.hid, fault: 'melt' })).status).toBe(400);
    expect((await admin('POST', 'hub-fault', { hid: faulty.hid })).status).toBe(400);
  });

  it('reports counts for the whole fleet', async () => {
    const state = await (await admin('GET', 'state')).json();
    expect(state).toEqual({
      hubs: 12,
      faults: { slow: 0, down: 0, error500: 0, malformed: 0 },
      licences: { valid: 11, invalid: 1, inactive: 1, over90PercentUsed: 1 },
      spareCodes: 6,
      counters: { logins: 0, refreshes: 0, licenceReads: 0, licenceWrites: 0, unauthorized: 0 },
    });
  });

  it('keeps admin routes working while a hub is down', async () => {
    sandbox.setHubFault(faulty.hid, 'down');
    expect((await admin('GET', 'state')).status).toBe(200);
  });
});

describe('MobiusFlow sandbox: server-wide faults', () => {
  it('answers injected 5xx in the Fastify envelope, on every hub', async () => {
    sandbox.faults.inject({ kind: 'status', status: 503, times: 2 });
    for (const hub of [faulty, healthy]) {
      const res = await loginTo(hub);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringContaining('503'),
      });
    }
    expect((await loginTo(faulty)).status).toBe(200);
  });

  it('targets one hub through the path as sent', async () => {
    sandbox.faults.inject({ kind: 'reset', path: `/hubs/${faulty.hid}/api/v1/auth/login` });
    await expect(rawLogin(faulty)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await rawLogin(healthy)).status).toBe(200);
  });
});
