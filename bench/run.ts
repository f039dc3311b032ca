import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFingerprinter } from '../src/main/device/fingerprint';
import { startBabelSandbox } from '../src/sandbox';
import { benchActivation } from './activation';
import { benchHeartbeatCycles } from './heartbeat-cycles';
import { benchHeartbeatDay } from './heartbeat-day';
import { benchHubFleet } from './hub-fleet';
import { median, time, type Row } from './measure';
import { benchRenderer } from './renderer';
import { benchSeatPoolLoad } from './seat-pool-load';
import { benchStart } from './start';
import { benchSystemStore } from './system-store';
import { benchTlsTrust } from './tls-trust';

async function benchFingerprint(): Promise<Row[]> {
  const fingerprinter = createFingerprinter('bench');
  const first = await time(() => fingerprinter.get());
  const cached = await Promise.all(
    Array.from({ length: 50 }, () => time(() => fingerprinter.get())),
  );
  return [
    {
      figure: 'fingerprint, first call',
      value: first,
      unit: 'ms',
      reference: 'reads the machine id once (a shell on some systems)',
    },
    { figure: 'fingerprint, cached', value: median(cached), unit: 'ms', reference: 'target ≈ 0' },
  ];
}

/** The parts, in the order they run; `npm run bench -- <part> …` runs only those named. */
const PARTS: Record<string, (dir: string) => Promise<Row[]>> = {
  fingerprint: () => benchFingerprint(),
  start: async (dir) => {
    const sandbox = await startBabelSandbox({});
    try {
      return await benchStart(dir, sandbox);
    } finally {
      await sandbox.close();
    }
  },
  renderer: () => benchRenderer(),
  activation: (dir) => benchActivation(dir),
  heartbeats: (dir) => benchHeartbeatDay(dir),
  cycles: (dir) => benchHeartbeatCycles(dir),
  fleet: (dir) => benchHubFleet(dir),
  load: () => benchSeatPoolLoad(),
  tls: () => benchTlsTrust(),
  store: () => benchSystemStore(),
};

/**
 * `npm run bench`: the figures that say how fast and how light the app is, each beside the
 * reference it should be read against. Prints a table and writes bench-results/bench.json.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in PARTS));
  if (unknown.length > 0)
    throw new Error(`unknown part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'lm-bench-'));
  const rows: Row[] = [];
  try {
    for (const [name, part] of Object.entries(PARTS)) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const started = performance.now();
      const partRows = await part(dir);
      rows.push(...partRows);
      console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((row) => row.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(12)}  reference`);
  for (const row of rows)
    console.log(
      `${row.figure.padEnd(width)}  ${`${row.value.toFixed(2)} ${row.unit}`.padStart(12)}  ${row.reference}`,
    );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.platform}, Node ${process.version}`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/bench.json',
    `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
  );
  console.log(`\n${machine}\nwritten: bench-results/bench.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
