#!/usr/bin/env node
'use strict';
// The CLI is built with the app (`npm run build`) so it runs the very same core.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('license-manager: not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
require(built);
