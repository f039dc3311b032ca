import { createAxiosHttpClient } from '../src/main/http/axios-http-client';
import type { HttpClient } from '../src/main/http/http-client';
import { createMemorySecretStore } from '../src/main/store/secret-store';
import { startBabelSandbox } from '../src/sandbox';
import { startLicenseSpringSandbox } from '../src/sandbox/licensespring/server';
import { createManualClock } from '../test/support/manual-clock';
import { benchConfig, openBenchCore } from './bench-core';
import type { Row } from './measure';
import { babelSeedWithPools, licenseSpringSeedWithFloating } from './seeds';

const SEATS = 30;
const LICENSESPRING = 20;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Simulated time moves in 10-second steps, each settled before the next. */
const STEP_MS = 10_000;

/** One floating licence per lease, so no two leases share a pool. */
function seeds() {
  const babelKeys = Array.from(
    { length: SEATS },
    (_, i) => `BENCH-${String(i).padStart(5, '0')}-SEATS-DAY00`,
  );
  const lsKeys = Array.from(
    { length: LICENSESPRING },
    (_, i) => `BN${String(i).padStart(2, '0')}-FLOT-DAY0-0000`,
  );
  return {
    babelKeys,
    lsKeys,
    babel: babelSeedWithPools(babelKeys.map((key) => ({ key }))),
    licenseSpring: licenseSpringSeedWithFloating(lsKeys),
  };
}

/** Counts requests and knows when none is in flight, so a simulated step can settle. */
function countingHttp(inner: HttpClient) {
  let inFlight = 0;
  let total = 0;
  return {
    client: {
      async request(request) {
        inFlight += 1;
        total += 1;
        try {
          return await inner.request(request);
        } finally {
          inFlight -= 1;
        }
      },
    } satisfies HttpClient,
    inFlight: () => inFlight,
    total: () => total,
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMiB = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

/**
 * 50 leases on two backends (30 floating seats, 20 LicenseSpring floating licences) kept alive
 * by the one heartbeat scheduler for a simulated day, against sandboxes on the same injected
 * clock: every heartbeat is a real HTTP exchange and an atomic state write.
 */
export async function benchHeartbeatDay(dir: string): Promise<Row[]> {
  const clock = createManualClock(Date.now());
  const seed = seeds();
  const babel = await startBabelSandbox({ clock, seed: seed.babel });
  const ls = await startLicenseSpringSandbox({ clock, seed: seed.licenseSpring });
  const http = countingHttp(createAxiosHttpClient({ userAgent: 'license-manager/bench' }));
  const config = benchConfig('bench-day', [
    ...seed.babelKeys.map((_, i) => ({
      id: `seats-${i}`,
      kind: 'seats' as const,
      label: `Seats ${i}`,
      baseUrl: babel.url,
      apiKey: babel.apiKey,
    })),
    ...seed.lsKeys.map((_, i) => ({
      id: `ls-${i}`,
      kind: 'licensespring' as const,
      label: `LicenseSpring ${i}`,
      baseUrl: ls.url,
      productCode: ls.productCode,
      auth: { kind: 'hmac' as const, apiKey: ls.apiKey, sharedKey: ls.sharedKey },
      publicKey: ls.publicKeyPem,
      authorizationMethod: 'license-key' as const,
      allowConsumption: false,
    })),
  ]);
  const core = await openBenchCore(dir, 'day', {
    config,
    secrets: createMemorySecretStore(),
    keepAlive: true,
    clock,
    http: http.client,
  });
  const settle = async (): Promise<void> => {
    do {
      await new Promise((resolve) => setImmediate(resolve));
      await clock.flush();
    } while (http.inFlight() > 0);
  };
  try {
    for (const [i, key] of seed.babelKeys.entries()) {
      await core.service.activate(`seats-${i}`, { method: 'key', key });
      await core.service.requestSeat(`seats-${i}`);
    }
    for (const [i, key] of seed.lsKeys.entries())
      await core.service.activate(`ls-${i}`, { method: 'key', key });
    await settle();

    const held = async () => {
      let count = 0;
      for (let i = 0; i < SEATS; i += 1)
        if ((await core.service.status(`seats-${i}`)).seat.state === 'held') count += 1;
      return count;
    };
    const requestsBefore = http.total();
    const cpuBefore = process.cpuUsage();
    const wallStart = performance.now();
    // The heap after a full GC at the end of every simulated hour: the first hour warms up
    // (JIT, sockets, caches), so growth is read from hour 1 to hour 24.
    const hourly: number[] = [];
    for (let elapsed = STEP_MS; elapsed <= DAY_MS; elapsed += STEP_MS) {
      await clock.advanceAsync(STEP_MS);
      await settle();
      if (elapsed % HOUR_MS === 0) {
        gc();
        hourly.push(heapMiB());
      }
    }
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - wallStart;
    const requests = http.total() - requestsBefore;
    const stillHeld = await held();
    const first = hourly[0] ?? NaN;
    const last = hourly[hourly.length - 1] ?? NaN;
    return [
      {
        figure: `50 leases for a simulated day: requests sent`,
        value: requests,
        unit: '',
        reference: `${stillHeld}/${SEATS} seats still held at the end; ${(wall / 1000).toFixed(0)} s of real time`,
      },
      {
        figure: '50 leases for a simulated day: CPU (client + sandboxes)',
        value: (cpu.user + cpu.system) / 1000,
        unit: 'ms',
        reference: `${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} ms a request, one process`,
      },
      {
        figure: '50 leases for a simulated day: heap growth, hour 1 to 24 (after GC)',
        value: last - first,
        unit: 'MiB',
        reference: `${first.toFixed(1)} → ${last.toFixed(1)} MiB, hourly range ${Math.min(...hourly).toFixed(1)}–${Math.max(...hourly).toFixed(1)} MiB`,
      },
    ];
  } finally {
    await core.close(1_000);
    await Promise.all([babel.close(), ls.close()]);
  }
}
