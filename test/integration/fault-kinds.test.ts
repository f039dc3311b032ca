import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { DRIP_BODY, PORTAL_PAGE, SCHEMA_BREAKING_BODY, SEEN_LIMIT } from '../../src/sandbox/faults';

/**
 * The fault kinds and the request log the fault matrix (fault-matrix.test.ts) relies on, checked on
 * their own against one sandbox: `schema`, `portal`, `drip`, and `seen`. The older kinds are covered by
 * sandbox-faults.test.ts.
 */

const keys = demoKeys();
const INFO = '/v1/license/info';
let sandbox: BabelSandbox;

const info = () =>
  fetch(`${sandbox.url}${INFO}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
    body: JSON.stringify({ userKey: keys.floatingKey, machineId: 'm', clientId: 'c' }),
  });
const admin = (method: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/faults`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeEach(async () => {
  sandbox = await startBabelSandbox();
});
afterEach(() => sandbox.close());

describe('schema fault', () => {
  it('answers 200 with well-formed JSON that fits no protocol, or the body given', async () => {
    sandbox.faults.inject({ kind: 'schema', times: 1 });
    sandbox.faults.inject({ kind: 'schema', times: 1, body: { success: 'yes' } });
    const first = await info();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await first.json()).toEqual(SCHEMA_BREAKING_BODY);
    expect(await (await info()).json()).toEqual({ success: 'yes' });
    expect(await (await info()).json()).toMatchObject({ licenseId: expect.any(String) });
  });
});

describe('portal fault', () => {
  it('answers 200 text/html with a sign-in page, as a captive portal does, then lets requests through', async () => {
    sandbox.faults.inject({ kind: 'portal', times: 1, path: INFO });
    const page = await info();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toBe(PORTAL_PAGE);
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(sandbox.faults.seen.at(-1)).toEqual({ method: 'POST', path: INFO, fault: 'portal' });
    // Used up: the protocol answers again.
    expect(await (await info()).json()).toMatchObject({ licenseId: expect.any(String) });
  });

  it('is accepted over the admin route, and refused with fields it does not have', async () => {
    expect((await admin('POST', { kind: 'portal', body: '<html>' })).status).toBe(400);
    const ok = await admin('POST', { kind: 'portal', times: 2, path: INFO });
    expect(await ok.json()).toEqual({ active: [{ kind: 'portal', times: 2, path: INFO }] });
  });
});

describe('drip fault', () => {
  it('sends the headers at once, then a byte per tick, and stops when the client hangs up', async () => {
    sandbox.faults.inject({ kind: 'drip', intervalMs: 20, times: 1 });
    const received: string[] = [];
    // Headers held back until the whole body was dripped would come after about 80 s, past the
    // test's own timeout: that the response arrives at all shows they came first.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${sandbox.url}${INFO}`, { method: 'POST' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => received.push(chunk));
        setTimeout(() => {
          req.destroy();
          resolve(res.statusCode ?? 0);
        }, 300);
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end();
    });
    expect(status).toBe(200);
    const text = received.join('');
    // About 15 bytes in 300 ms: a trickle of the body, never the whole of it.
    expect(text.length).toBeGreaterThan(2);
    expect(text.length).toBeLessThan(60);
    expect(DRIP_BODY.startsWith(text)).toBe(true);
    // The server is not left dripping into a closed socket: the next request is answered normally.
    expect((await info()).status).toBe(200);
  });

  it('is refused with an interval outside 1 ms to 60 s', async () => {
    expect((await admin('POST', { kind: 'drip', intervalMs: 0 })).status).toBe(400);
    expect((await admin('POST', { kind: 'drip', intervalMs: 60_001 })).status).toBe(400);
    const ok = await admin('POST', { kind: 'drip', intervalMs: 5, path: INFO });
    expect(await ok.json()).toEqual({ active: [{ kind: 'drip', intervalMs: 5, path: INFO }] });
  });
});

describe('request log (seen)', () => {
  it('records every protocol request with the fault that answered it, never admin routes', async () => {
    sandbox.faults.inject({ kind: 'status', status: 503, times: 1 });
    await info();
    sandbox.faults.inject({ kind: 'latency', ms: 1, times: 1 });
    await info();
    await info();
    await admin('GET');
    expect(sandbox.faults.seen).toEqual([
      { method: 'POST', path: INFO, fault: 'status' },
      { method: 'POST', path: INFO, fault: 'latency' },
      { method: 'POST', path: INFO },
    ]);
    sandbox.faults.clear();
    expect(sandbox.faults.seen).toHaveLength(3); // a record, not a setting
  });

  it(`keeps the latest ${SEEN_LIMIT} requests only`, async () => {
    for (let n = 0; n < SEEN_LIMIT + 3; n += 1) await info();
    expect(sandbox.faults.seen).toHaveLength(SEEN_LIMIT);
  });
});
