#!/usr/bin/env node
// `npm run bench`: builds the app (the renderer and start figures measure the built output), bundles
// the benchmark with rolldown (shipped with Vite) and runs it under Node. `npm run bench -- <part>`
// runs one part only (see bench/run.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import { ensureKeyringSession, findChromium } from './test-environment.mjs';

// The start and browser-host figures open the OS keyring, as the app does.
ensureKeyringSession();

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const chromium = findChromium(root);
// Its own folder, emptied first: chunk names change with every build.
const outDir = join(root, 'out', 'bench', 'code');
const built = spawnSync('npx', ['electron-vite', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  shell: process.platform === 'win32',
});
if (built.status !== 0) process.exit(built.status ?? 1);
rmSync(outDir, { recursive: true, force: true });
await build({
  input: { run: join(root, 'bench', 'run.ts'), 'core-ready': join(root, 'bench', 'core-ready.ts') },
  platform: 'node',
  // As in the app's main build, only the production dependencies stay external (zod is bundled,
  // which the start figure depends on); the benchmark's own tools are loaded from node_modules.
  external: [
    /^node:/,
    ...Object.keys(manifest.dependencies),
    'vite',
    '@vitejs/plugin-react',
    'playwright',
  ],
  output: { dir: outDir, format: 'cjs', entryFileNames: '[name].cjs' },
  logLevel: 'silent',
});
process.exit(
  spawnSync(process.execPath, ['--expose-gc', join(outDir, 'run.cjs'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
  }).status ?? 1,
);
