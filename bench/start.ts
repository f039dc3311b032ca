import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadVendorConfig } from '../src/main/config/load-config';
import { openKeyringSecretStore } from '../src/main/store/keyring-secret-store';
import type { BabelSandbox } from '../src/sandbox';
import demoSeed from '../src/sandbox/babel/demo-seed.json';
import { openBenchCore } from './bench-core';
import { median, type Row } from './measure';

const RUNS = 9;
const PRODUCT = 'bench-start';

/** The built bundles sit in out/bench/code: three levels below the project. */
const CLI = join(__dirname, '..', '..', '..', 'bin', 'license-manager.js');

const wallMs = (
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; stdout: string } => {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
};

/**
 * Start-up under Node: a fresh process opens the core the way a long-running host does, with a
 * floating seat held by the previous run to restore, beside a bare `node -e 0`.
 */
export async function benchStart(dir: string, sandbox: BabelSandbox): Promise<Row[]> {
  const dataDir = join(dir, 'start');
  mkdirSync(dataDir, { recursive: true });
  const config = {
    productName: 'Bench',
    productId: PRODUCT,
    profiles: [
      { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    ],
  };
  const configFile = join(dir, 'start-config.json');
  writeFileSync(configFile, JSON.stringify(config));

  // The previous run: activated, a seat held, then gone without giving it back.
  const secrets = await openKeyringSecretStore(PRODUCT, dataDir);
  if (secrets.protected) {
    const previous = await openBenchCore(dataDir, PRODUCT, {
      config: await loadVendorConfig({ base: configFile }),
      secrets,
      keepAlive: false,
    });
    await previous.service.activate('seats', { method: 'key', key: demoSeed.demo.floatingKey });
    await previous.service.requestSeat('seats');
    await previous.close(0);
  }

  const child = join(__dirname, 'core-ready.cjs');
  const bare = Array.from({ length: RUNS }, () => wallMs(['-e', '0']).ms);
  const runs = Array.from({ length: RUNS }, () => {
    const { ms, stdout } = wallMs([child, configFile, dataDir]);
    return {
      ms,
      ...(JSON.parse(stdout) as {
        readyMs: number;
        loadedMs: number;
        secretStore: string;
        seat: string;
      }),
    };
  });
  // The CLI as a silent install runs it: a fresh process each time, on its own data folder. It
  // keeps Node's compile cache (here in the bench folder); the first run fills it.
  const cliEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(dir, 'cli-home'),
    NODE_COMPILE_CACHE: join(dir, 'compile-cache'),
  };
  const status = [CLI, '--config', configFile, '--json', 'status'];
  wallMs(status, cliEnv);
  const cliWarm = Array.from({ length: RUNS }, () => wallMs(status, cliEnv).ms);
  const cliCold = Array.from(
    { length: RUNS },
    () => wallMs(status, { ...cliEnv, NODE_DISABLE_COMPILE_CACHE: '1' }).ms,
  );

  const last = runs[runs.length - 1];
  const restored = last?.seat === 'held' ? 'a held seat restored' : `seat ${last?.seat}`;
  return [
    {
      figure: 'core ready, from process start (Node, in-process clock)',
      value: median(runs.map((run) => run.readyMs)),
      unit: 'ms',
      reference: `target < 150 ms; secret store ${last?.secretStore}, ${restored}`,
    },
    {
      figure: 'of which Node start and module loading',
      value: median(runs.map((run) => run.loadedMs)),
      unit: 'ms',
      reference: 'the rest is config, keyring, fingerprint, state and restore',
    },
    {
      figure: 'process spawn to exit, core opened',
      value: median(runs.map((run) => run.ms)),
      unit: 'ms',
      reference: `bare \`node -e 0\`: ${median(bare).toFixed(0)} ms`,
    },
    {
      figure: 'CLI `status --json`, spawn to exit',
      value: median(cliWarm),
      unit: 'ms',
      reference: `with its compile cache; without: ${median(cliCold).toFixed(0)} ms`,
    },
  ];
}
