import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { MALFORMED_BODY, type FaultSpec } from '../../src/sandbox/faults';

/** Every fault kind against a running Babel sandbox, the admin routes, and close() while hung. */

const keys = demoKeys();
let sandbox: BabelSandbox;

const info = (signal?: AbortSignal) =>
  fetch(`${sandbox.url}/v1/license/info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
    body: JSON.stringify({ userKey: keys.floatingKey, machineId: 'm', clientId: 'c' }),
    ...(signal ? { signal } : {}),
  });
const admin = (method: string, route: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeEach(async () => {
  sandbox = await startBabelSandbox();
});
afterEach(() => sandbox.close());

describe('sandbox faults', () => {
  it('latency delays the answer, then answers normally; `times` runs out', async () => {
    sandbox.faults.inject({ kind: 'latency', ms: 400, times: 1 });
    const started = performance.now();
    const slow = await info();
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(sandbox.faults.active).toEqual([]);
    // Ten minutes' delay, once: the request that takes it is given up on, and the next one is
    // answered (within 10 s rather than 10 min), with no tight upper bound to flake under load.
    sandbox.faults.inject({ kind: 'latency', ms: 600_000, times: 1 });
    const givenUp = new AbortController();
    const hung = info(givenUp.signal);
    await expect.poll(() => sandbox.faults.active).toEqual([]);
    givenUp.abort();
    await expect(hung).rejects.toThrow();
    expect((await info(AbortSignal.timeout(10_000))).status).toBe(200);
  });

  it('status answers a JSON error the given number of times, only on its path', async () => {
    sandbox.faults.inject({ kind: 'status', status: 503, times: 2, path: '/v1/license/info' });
    const first = await info();
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({
      code: 'Unavailable',
      message: expect.stringContaining('503'),
    });
    expect(sandbox.faults.active).toEqual([
      { kind: 'status', status: 503, times: 1, path: '/v1/license/info' },
    ]);

    const elsewhere = await fetch(`${sandbox.url}/v1/license/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
      body: JSON.stringify({ userKey: keys.floatingKey, machineId: 'm', clientId: 'c' }),
    });
    expect(elsewhere.status).toBe(200);
    expect((await info()).status).toBe(503);
    expect((await info()).status).toBe(200);
  });

  it('429 carries Retry-After (given, or one second by default)', async () => {
    sandbox.faults.inject({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 7 });
    sandbox.faults.inject({ kind: 'status', status: 429, times: 1 });
    const given = await info();
    expect([given.status, given.headers.get('retry-after')]).toEqual([429, '7']);
    const defaulted = await info();
    expect([defaulted.status, defaulted.headers.get('retry-after')]).toEqual([429, '1']);
  });

  it('reset destroys the connection without an answer', async () => {
    sandbox.faults.inject({ kind: 'reset', times: 1 });
    const error = await info().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((error as Error).cause).toMatchObject({ code: 'ECONNRESET' });
    expect((await info()).status).toBe(200);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    sandbox.faults.inject({ kind: 'malformed', times: 1 });
    const res = await info();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(MALFORMED_BODY);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('hang never answers, so the client times out; admin routes stay reachable', async () => {
    sandbox.faults.inject({ kind: 'hang' });
    await expect(info(AbortSignal.timeout(300))).rejects.toMatchObject({ name: 'TimeoutError' });

    const state = await admin('GET', 'state');
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({
      [keys.floatingKey]: { activation: 0, floating: 2 },
    });
    expect((await admin('DELETE', 'faults')).status).toBe(200);
    expect((await info()).status).toBe(200);
  });

  it('close() ends promptly even while a request hangs', async () => {
    sandbox.faults.inject({ kind: 'hang' });
    const pending = info().then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the request reach the server
    // Without ending the hanging connection, close() would wait for it forever (the test's
    // timeout); a generous bound still tells the two apart on a loaded machine.
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await pending).toBe('failed');
  });

  it('latency composes with a status fault: slow, then the error', async () => {
    sandbox.faults.inject({ kind: 'latency', ms: 150, times: 1 });
    sandbox.faults.inject({ kind: 'status', status: 500, times: 1 });
    const started = performance.now();
    expect((await info()).status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('sandbox admin routes', () => {
  it('injects, lists and clears faults over HTTP', async () => {
    const spec: FaultSpec = { kind: 'status', status: 502, times: 3, path: '/v1/license/info' };
    const added = await admin('POST', 'faults', spec);
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ active: [spec] });
    expect((await info()).status).toBe(502);
    expect(await (await admin('GET', 'faults')).json()).toEqual({
      active: [{ ...spec, times: 2 }],
    });
    expect(await (await admin('DELETE', 'faults')).json()).toEqual({ active: [] });
    expect(sandbox.faults.active).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 404 }, 'status must be 429 or 5xx'],
    [{ kind: 'latency' }, 'ms'],
    [{ kind: 'explode' }, 'kind'],
    [{ kind: 'hang', path: '/__sandbox/faults' }, 'cannot be faulted'],
    [{ kind: 'reset', times: 0 }, 'times'],
    [{ kind: 'reset', extra: true }, 'extra'],
  ])('refuses the invalid fault %j with 400', async (spec, message) => {
    const res = await admin('POST', 'faults', spec);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('InvalidArgument');
    expect(body.message).toContain(message);
    expect(sandbox.faults.active).toEqual([]);
  });

  it('throws on an invalid fault injected in-process', () => {
    expect(() => sandbox.faults.inject({ kind: 'status', status: 200 })).toThrow(/429 or 5xx/);
  });

  it('answers 404 and 405 on its own routes and revokes on request', async () => {
    expect((await admin('GET', 'nothing')).status).toBe(404);
    const put = await admin('PUT', 'state');
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await admin('POST', 'revoke', { userKey: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' })).status).toBe(
      404,
    );
    expect((await admin('POST', 'revoke', { userKey: 7 })).status).toBe(400);
  });

  it('needs no API key, while the protocol routes still do', async () => {
    expect((await admin('GET', 'state')).status).toBe(200);
    const res = await fetch(`${sandbox.url}/v1/license/info`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});
