import { watch } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createChangeBatcher } from '../../src/main/hubs/change-batcher';
import { createHubService, type HubService } from '../../src/main/hubs/hub-service';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { systemClock, type Clock } from '../../src/shared/clock';
import type { HubsChanged } from '../../src/shared/hubs-model';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * Fleet refreshes against a loopback server playing many hubs under /hubs/{hid}: the pool bound,
 * hubs that never answer, joining and aborting runs, batched events and batched writes.
 */

const hidOf = (index: number): string => (index + 1).toString(16).padStart(6, '0').toUpperCase();

interface FakeFleet {
  readonly url: string;
  readonly port: number;
  /** Most requests in flight at once, over all hubs. */
  readonly maxInFlight: () => number;
  readonly licenceReads: () => number;
  close(): Promise<void>;
}

async function startFleet(options: {
  delayMs: number;
  hanging?: readonly string[];
}): Promise<FakeFleet> {
  let inFlight = 0;
  let maxInFlight = 0;
  let reads = 0;
  const hanging = new Set(options.hanging ?? []);
  const server = http.createServer((req, res) => {
    const [, hid = '', route = ''] = /^\/hubs\/([0-9A-F]{6})(\/.*)$/.exec(req.url ?? '') ?? [];
    req.resume();
    if (hanging.has(hid)) return; // accepts the connection, never answers
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.setHeader('content-type', 'application/json');
      if (route === '/api/v1/auth/login') {
        res.end(JSON.stringify({ token: `access-${hid}`, refreshToken: `refresh-${hid}` }));
        return;
      }
      reads += 1;
      res.end(
        JSON.stringify({
          ts: new Date().toISOString(),
          uri: hid,
          data: {
            licenceCode: `${hid.toLowerCase()}0000-1111aaaa`,
            size: 100,
            used: 10,
            isActive: true,
            isValid: true,
            type: 'production',
            objectCount: 3,
            isObjectBased: false,
            pointsPerObject: 0,
            useCustomPointsMap: false,
          },
        }),
      );
    }, options.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    maxInFlight: () => maxInFlight,
    licenceReads: () => reads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const tempDir = useTempDir();

async function fleetService(
  fleet: FakeFleet,
  count: number,
  options: { clock?: Clock; httpTimeoutMs?: number; maxConcurrency?: number } = {},
): Promise<{ service: HubService; file: string }> {
  const file = join(tempDir(), 'hubs.json');
  const service = createHubService({
    file,
    secrets: createMemorySecretStore(),
    clock: options.clock ?? systemClock,
    httpTimeoutMs: options.httpTimeoutMs ?? 2_000,
    maxConcurrency: options.maxConcurrency,
  });
  onTestFinished(() => service.close());
  const lines = Array.from(
    { length: count },
    (_, index) =>
      `Hub ${index + 1},Site ${index % 3},http,127.0.0.1,${fleet.port},/hubs/${hidOf(index)},${hidOf(index)},yes,admin,pw`,
  );
  const result = await service.importCsv(
    ['name,site,scheme,host,port,base_path,hid,lan,username,password', ...lines].join('\n'),
  );
  expect(result.rejected).toEqual([]);
  return { service, file };
}

describe('fleet refresh: the pool', () => {
  it('never has more hubs in flight than the concurrency asked for, and uses all of it', async () => {
    const fleet = await startFleet({ delayMs: 15 });
    onTestFinished(() => fleet.close());
    const { service } = await fleetService(fleet, 40);
    const list = await service.refresh({ concurrency: 4 });
    expect(list.progress).toMatchObject({ running: false, total: 40, done: 40, failed: 0 });
    expect(list.hubs.every((hub) => hub.licence?.size === 100)).toBe(true);
    expect(fleet.maxInFlight()).toBe(4);
  });

  it('uses the service maxConcurrency when the call names none', async () => {
    const fleet = await startFleet({ delayMs: 15 });
    onTestFinished(() => fleet.close());
    const { service } = await fleetService(fleet, 40, { maxConcurrency: 6 });
    await service.refresh();
    expect(fleet.maxInFlight()).toBe(6);
  });

  it('finishes every other hub while two never answer, and reports those two as timeouts', async () => {
    const hanging = [hidOf(0), hidOf(7)];
    const fleet = await startFleet({ delayMs: 10, hanging });
    onTestFinished(() => fleet.close());
    const { service } = await fleetService(fleet, 60, { httpTimeoutMs: 400 });
    const started = Date.now();
    const list = await service.refresh({ concurrency: 4 });
    // Two stuck workers of four for ~0.8 s each; the other 58 hubs go through the rest meanwhile.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(list.progress).toMatchObject({ total: 60, done: 60, failed: 2 });
    const failed = list.hubs.filter((hub) => hub.lastError);
    expect(failed.map((hub) => hub.hid).sort()).toEqual(hanging.sort());
    for (const hub of failed) {
      expect(hub.lastError?.code).toBe('timeout');
      expect(hub.lastError?.message).toMatch(new RegExp(`^Hub "${hub.name}" \\(${hub.site}\\)`));
    }
    expect(fleet.licenceReads()).toBe(58);
  });
});

describe('fleet refresh: runs that overlap', () => {
  it('lets a refresh of hubs already in the run wait for just those, and refuses others', async () => {
    const fleet = await startFleet({ delayMs: 20 });
    onTestFinished(() => fleet.close());
    const { service } = await fleetService(fleet, 30);
    const some = service
      .list()
      .hubs.slice(0, 10)
      .map((hub) => hub.id);
    const rest = service
      .list()
      .hubs.slice(10)
      .map((hub) => hub.id);
    const whole = service.refresh({ ids: some, concurrency: 2 });
    await expect(service.refresh({ ids: rest })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/A refresh of 10 hubs is running/),
    });
    const joined = await service.refresh({ ids: [some[0] ?? ''] });
    expect(joined.hubs.find((hub) => hub.id === some[0])?.licence).toBeDefined();
    expect(joined.progress.running).toBe(true);
    await whole;
  });

  it('close() stops a running refresh at once and keeps what the hubs had', async () => {
    const fleet = await startFleet({
      delayMs: 10,
      hanging: Array.from({ length: 20 }, (_, i) => hidOf(i)),
    });
    onTestFinished(() => fleet.close());
    const { service, file } = await fleetService(fleet, 20, { httpTimeoutMs: 30_000 });
    const run = service.refresh({ concurrency: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await service.close();
    const list = await run;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(list.hubs.some((hub) => hub.lastError)).toBe(false);
    const reopened = createHubService({
      file,
      secrets: createMemorySecretStore(),
      clock: systemClock,
    });
    expect(reopened.list().hubs).toHaveLength(20);
    await reopened.close();
  });
});

describe('fleet refresh: events and writes', () => {
  it('batches change events to at most ~4 a second, ending with the final progress', async () => {
    const fleet = await startFleet({ delayMs: 5 });
    onTestFinished(() => fleet.close());
    const { service } = await fleetService(fleet, 200);
    const events: { at: number; event: HubsChanged }[] = [];
    service.onChange((event) => events.push({ at: Date.now(), event }));
    const started = Date.now();
    await service.refresh({ concurrency: 8 });
    const seconds = (Date.now() - started) / 1000;
    expect(events.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    for (let index = 1; index < events.length - 1; index++) {
      expect((events[index]?.at ?? 0) - (events[index - 1]?.at ?? 0)).toBeGreaterThanOrEqual(240);
    }
    const seen = new Set(events.flatMap(({ event }) => event.hubs.map((hub) => hub.id)));
    expect(seen.size).toBe(200);
    expect(events.at(-1)?.event.progress).toMatchObject({ running: false, done: 200, total: 200 });
  });

  it('writes the inventory a few times per run, not once per hub', async () => {
    const fleet = await startFleet({ delayMs: 40 });
    onTestFinished(() => fleet.close());
    const { service, file } = await fleetService(fleet, 100);
    let writes = 0;
    const watcher = watch(join(file, '..'), (_event, name) => {
      if (name === 'hubs.json') writes += 1;
    });
    onTestFinished(async () => watcher.close());
    await service.refresh({ concurrency: 4 }); // ~1 s of work
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(6);
  });

  it('with a clock that stands still, writes once at the end, holding every result', async () => {
    const fleet = await startFleet({ delayMs: 1 });
    onTestFinished(() => fleet.close());
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const { service, file } = await fleetService(fleet, 30, { clock });
    await service.refresh();
    const reopened = createHubService({ file, secrets: createMemorySecretStore(), clock });
    const hubs = reopened.list().hubs;
    expect(
      hubs.every((hub) => hub.licence?.codeLabel && hub.lastRefreshAt === Date.UTC(2026, 0, 1)),
    ).toBe(true);
    await reopened.close();
  });
});

describe('change batcher on a manual clock', () => {
  it('delivers the first change at once, then at most one batch per 250 ms', () => {
    const clock = createManualClock(0);
    const batches: { at: number; ids: readonly string[] }[] = [];
    const batcher = createChangeBatcher(clock, 250, (ids) =>
      batches.push({ at: clock.now(), ids }),
    );
    batcher.mark(['a']);
    clock.advance(0);
    batcher.mark(['b']);
    clock.advance(100);
    batcher.mark(['c', 'b']);
    clock.advance(149);
    expect(batches).toEqual([{ at: 0, ids: ['a'] }]);
    clock.advance(1);
    batcher.mark(['d']);
    clock.advance(1_000);
    batcher.flush();
    expect(batches).toEqual([
      { at: 0, ids: ['a'] },
      { at: 250, ids: ['b', 'c'] },
      { at: 500, ids: ['d'] },
      { at: 1_250, ids: [] },
    ]);
  });
});
