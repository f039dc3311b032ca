#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts with rolldown (shipped with Vite) and runs it under Node.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'rolldown';

const root = join(import.meta.dirname, '..');
const outfile = join(root, 'out', 'bench', 'run.cjs');
await build({
  input: join(root, 'bench', 'run.ts'),
  platform: 'node',
  external: [/^node:/, 'axios', 'zod', 'node-machine-id', '@napi-rs/keyring'],
  output: { file: outfile, format: 'cjs' },
  logLevel: 'silent',
});
process.exit(
  spawnSync(process.execPath, ['--expose-gc', outfile], { cwd: root, stdio: 'inherit' }).status ??
    1,
);
