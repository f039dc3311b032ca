import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core';
import { createFingerprinter } from '../src/main/device/fingerprint';
import { createFileStateStore } from '../src/main/store/file-state-store';
import { createMemorySecretStore } from '../src/main/store/secret-store';
import { startBabelSandbox } from '../src/sandbox';
import demoSeed from '../src/sandbox/babel/demo-seed.json';
import { benchHubFleet } from './hub-fleet';
import { median, time, type Row } from './measure';

/**
 * `npm run bench`: figures for the foundation, each beside the reference it should be read
 * against. Prints a table and writes bench-results/bench.json. Numbers are medians.
 */
async function main(): Promise<void> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'lm-bench-'));
  const sandbox = await startBabelSandbox({});
  const config = {
    productName: 'Bench',
    productId: 'bench',
    demo: false,
    allowWeakSecretStore: false,
    profiles: [
      {
        id: 'seats',
        kind: 'seats' as const,
        label: 'Seats',
        baseUrl: sandbox.url,
        apiKey: sandbox.apiKey,
      },
    ],
  };
  try {
    const fingerprinter = createFingerprinter('bench');
    rows.push({
      figure: 'fingerprint, first call',
      value: await time(() => fingerprinter.get()),
      unit: 'ms',
      reference: 'spawns a shell once (4–7 ms measured on this class of machine)',
    });
    rows.push({
      figure: 'fingerprint, cached',
      value: median(
        await Promise.all(Array.from({ length: 50 }, () => time(() => fingerprinter.get()))),
      ),
      unit: 'ms',
      reference: 'target ≈ 0',
    });

    const readyTimes: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const state = join(dir, `state-${run}.json`);
      readyTimes.push(
        await time(async () => {
          const core = await createCore({
            config,
            version: 'bench',
            secrets: createMemorySecretStore(),
            state: createFileStateStore(state),
            hubInventoryFile: join(dir, `hubs-${run}.json`),
            keepAlive: true,
            allowInProcessDemo: false,
          });
          await core.close(100);
        }),
      );
    }
    rows.push({
      figure: 'core ready (config, stores, fingerprint, restore)',
      value: median(readyTimes),
      unit: 'ms',
      reference: 'target < 150 ms',
    });

    const core = await createCore({
      config,
      version: 'bench',
      secrets: createMemorySecretStore(),
      state: createFileStateStore(join(dir, 'state.json')),
      hubInventoryFile: join(dir, 'hubs.json'),
      keepAlive: false,
      allowInProcessDemo: false,
    });
    // Same machine as the core: the activation is idempotent, so both sides do identical server work.
    const body = JSON.stringify({
      userKey: demoSeed.demo.activationKey,
      machineId: core.fingerprint.id,
      clientId: 'bench',
      clientName: 'bench',
    });
    const bare = async () => {
      const response = await fetch(`${sandbox.url}/v1/license/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
        body,
      });
      await response.json();
    };
    for (let warm = 0; warm < 20; warm += 1) {
      await bare();
      await core.service.activate('seats', { method: 'key', key: demoSeed.demo.activationKey });
    }
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let run = 0; run < 200; run += 1) {
      bareTimes.push(await time(bare));
      ourTimes.push(
        await time(() =>
          core.service.activate('seats', { method: 'key', key: demoSeed.demo.activationKey }),
        ),
      );
    }
    rows.push({
      figure: 'activation round trip, bare fetch',
      value: median(bareTimes),
      unit: 'ms',
      reference: 'the floor',
    });
    rows.push({
      figure: 'activation through the core',
      value: median(ourTimes),
      unit: 'ms',
      reference: 'includes validation, masking and an atomic state write',
    });
    rows.push({
      figure: 'activation overhead ratio',
      value: median(ourTimes) / median(bareTimes),
      unit: '×',
      reference: 'target < 1.2× the bare round trip',
    });

    // One licence per profile: give the activation back before taking the floating licence.
    await core.service.deactivate('seats');
    await core.service.activate('seats', { method: 'key', key: demoSeed.demo.floatingKey });
    await core.service.requestSeat('seats');
    // Run under --expose-gc (scripts/bench.mjs does) so the heap figure is not GC timing noise.
    const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    for (let beat = 0; beat < 50; beat += 1) await core.service.renewSeat('seats');
    collect();
    const cpuBefore = process.cpuUsage();
    const heapBefore = process.memoryUsage().heapUsed;
    const beats = 500;
    const beatStart = performance.now();
    for (let beat = 0; beat < beats; beat += 1) await core.service.renewSeat('seats');
    const beatWall = (performance.now() - beatStart) / beats;
    const cpu = process.cpuUsage(cpuBefore);
    collect();
    rows.push({
      figure: 'heartbeat, wall time each (client + sandbox in one process)',
      value: beatWall,
      unit: 'ms',
      reference: '≈1 ms keep-alive loopback measured on this class of machine',
    });
    rows.push({
      figure: 'heartbeat, CPU each (client + sandbox)',
      value: (cpu.user + cpu.system) / 1000 / beats,
      unit: 'ms',
      reference: 'at a 5-minute interval: 288 beats a day',
    });
    rows.push({
      figure: `heap change after ${beats} heartbeats`,
      value: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024,
      unit: 'MiB',
      reference: 'after a full GC: no growth expected',
    });
    await core.service.releaseSeat('seats');
    await core.close(100);
    rows.push(...(await benchHubFleet(dir)));
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((row) => row.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  reference`);
  for (const row of rows)
    console.log(
      `${row.figure.padEnd(width)}  ${`${row.value.toFixed(2)} ${row.unit}`.padStart(10)}  ${row.reference}`,
    );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/bench.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  console.log('\nwritten: bench-results/bench.json');
}

void main();
