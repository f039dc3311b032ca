import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';

/**
 * Child processes that run the real TypeScript sources, for tests that kill them. The entry is
 * bundled once with rolldown (shipped with Vite, as in scripts/bench.mjs) into a temp folder;
 * everything but Node's own modules is bundled, so the child needs no node_modules next to it.
 * `electron` becomes an empty module: electron-store only needs it to load when given an
 * absolute folder, exactly as test/unit/electron-stores.test.ts stubs it.
 */

const ELECTRON_STUB = '\0electron-stub';

/**
 * Starts the bundle from V8's code cache when the warm-up run left one: a kill loop starts a
 * thousand children, and compiling the bundle is a good part of each start.
 */
const LOADER = `'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const file = join(__dirname, 'child.cjs');
const cacheFile = file + '.v8-cache';
let cachedData;
try { cachedData = readFileSync(cacheFile); } catch {}
const source = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})';
const script = new Script(source, { filename: file, cachedData });
if (process.env.LM_WRITE_CODE_CACHE) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const entry = { exports: {} };
script.runInThisContext()(entry.exports, require, entry, file, __dirname);
`;

export interface ChildBundle {
  /** What to run with node: the loader next to the bundle. */
  readonly file: string;
  remove(): void;
}

/**
 * Code behind a dynamic `import()` lands in its own chunk and is loaded only when reached, so a
 * child that does not need electron-store does not pay for loading it. `warmUp` arguments run the
 * child once to completion, which leaves the code cache every later start reads.
 */
export async function bundleChild(
  entry: string,
  options: { warmUp?: readonly string[] } = {},
): Promise<ChildBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'lm-crash-child-'));
  await build({
    input: entry,
    platform: 'node',
    external: [/^node:/],
    plugins: [
      {
        name: 'electron-stub',
        resolveId: (id) => (id === 'electron' ? ELECTRON_STUB : undefined),
        load: (id) => (id === ELECTRON_STUB ? 'export default {};' : undefined),
      },
    ],
    output: {
      dir,
      entryFileNames: 'child.cjs',
      chunkFileNames: '[name]-[hash].cjs',
      format: 'cjs',
      minify: true,
    },
    logLevel: 'silent',
  });
  const file = join(dir, 'loader.cjs');
  writeFileSync(file, LOADER);
  const bundle = { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
  if (options.warmUp) {
    const end = await startChild(bundle, options.warmUp, { LM_WRITE_CODE_CACHE: '1' }).ended;
    if (end.code !== 0) throw new Error(`the child's warm-up run failed: ${end.stderr}`);
  }
  return bundle;
}

/** The child's environment: loading the system's extra CA bundle costs ~30 ms per start. */
const childEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS; // vitest's loader hooks are not for the child
  return env;
};

export interface RunningChild {
  readonly process: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: readonly string[];
  /** Resolves with the first stdout line that passes `match`; rejects if the child ends first. */
  waitForLine(match: (line: string) => boolean): Promise<string>;
  /** Resolves once the child has exited and its output is read to the end. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startChild(
  bundle: ChildBundle,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): RunningChild {
  const child = spawn(process.execPath, [bundle.file, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(env),
  });
  const lines: string[] = [];
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  let partial = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters) {
        if (!waiter.match(line)) continue;
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => void (stderr += chunk));
  const ended = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return {
    process: child,
    lines,
    waitForLine: (match) => {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.add({ match, resolve });
        void ended.then((end) =>
          reject(
            new Error(
              `child ended (code ${end.code}, signal ${end.signal}) before the expected line: ${end.stderr}`,
            ),
          ),
        );
      });
    },
    ended,
  };
}
