import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createMemorySecretStore } from '../src/main/store/secret-store';
import { startBabelSandbox } from '../src/sandbox';
import babelSeed from '../src/sandbox/babel/demo-seed.json';
import { createManualClock } from '../test/support/manual-clock';
import { benchConfig, openBenchCore } from './bench-core';
import type { Row } from './measure';

const CYCLES = Number(process.env.LM_BENCH_CYCLES ?? 100_000);
const SAMPLE_EVERY = CYCLES / 10;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMiB = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

/**
 * Memory over 100,000 heartbeat cycles of one floating seat: each cycle goes through the
 * scheduler's renew path, the seats adapter over HTTP, and the atomic state write. The state
 * lives on a RAM disk when there is one (/dev/shm): this figure is about memory, and a disk's
 * fsync would only stretch the run (the day benchmark pays it).
 */
export async function benchHeartbeatCycles(dir: string): Promise<Row[]> {
  const stateDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : dir, 'lm-cycles-'));
  const clock = createManualClock(Date.now());
  const sandbox = await startBabelSandbox({ clock });
  const core = await openBenchCore(stateDir, 'cycles', {
    config: benchConfig('bench-cycles', [
      { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    ]),
    secrets: createMemorySecretStore(),
    // Tracked by the scheduler, on a clock that never fires on its own: every renew is ours.
    keepAlive: true,
    clock,
  });
  try {
    await core.service.activate('seats', { method: 'key', key: babelSeed.demo.floatingKey });
    await core.service.requestSeat('seats');
    const samples: number[] = [];
    const started = performance.now();
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      await core.service.renewSeat('seats');
      if (cycle % SAMPLE_EVERY === 0) {
        gc();
        samples.push(heapMiB());
      }
    }
    const perCycle = (performance.now() - started) / CYCLES;
    const state = (await core.service.status('seats')).seat.state;
    const first = samples[0] ?? NaN;
    const last = samples[samples.length - 1] ?? NaN;
    return [
      {
        figure: `heap growth over ${CYCLES.toLocaleString('en')} heartbeat cycles (after GC)`,
        value: last - first,
        unit: 'MiB',
        reference: `[${samples.map((s) => s.toFixed(2)).join(' ')}] ${first.toFixed(2)} MiB after ${SAMPLE_EVERY.toLocaleString('en')} → ${last.toFixed(2)} MiB; ${perCycle.toFixed(2)} ms a cycle; seat ${state}`,
      },
    ];
  } finally {
    await core.close(1_000);
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
