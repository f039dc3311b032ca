#!/usr/bin/env node
'use strict';
// The CLI is built with the app (`npm run build`) so it runs the very same core.
const { existsSync } = require('node:fs');
const module_ = require('node:module');
const { join } = require('node:path');

// Node 22.1+ keeps compiled code between runs, which takes most of the module loading out of a
// silent install's repeated calls; older Node has no such cache and simply skips this.
module_.enableCompileCache?.();

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('license-manager: not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
require(built);
