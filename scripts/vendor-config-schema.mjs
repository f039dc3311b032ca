#!/usr/bin/env node
// Writes docs/vendor-config.schema.json from the zod schema the app validates with
// (src/main/config/vendor-config-json-schema.ts). Run it after changing the configuration schema;
// test/unit/vendor-config-schema.test.ts fails until the committed file matches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { runnerImport } from 'vite';

const root = join(import.meta.dirname, '..');
const target = join(root, 'docs', 'vendor-config.schema.json');
const { module } = await runnerImport(
  join(root, 'src', 'main', 'config', 'vendor-config-json-schema.ts'),
  { root, configFile: false, logLevel: 'error' },
);
const text = await format(JSON.stringify(module.vendorConfigJsonSchema()), {
  ...(await resolveConfig(target)),
  parser: 'json',
});
writeFileSync(target, text);
console.log(`Wrote ${target}`);
