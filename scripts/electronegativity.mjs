#!/usr/bin/env node
// Electron hardening check for CI: Doyensec's Electronegativity over src/. Fails on any HIGH or
// MEDIUM finding that .electronegativity-justified.json does not justify, on a justification that
// no longer matches anything (so the list stays honest), and on a source file the scanner could
// not parse (a file it cannot read is a file it did not check). Runs offline: the two things the
// tool fetches (translations, Electron's release list) are replaced by local data or left out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const JUSTIFIED_FILE = join(root, '.electronegativity-justified.json');
const FAILING = new Set(['HIGH', 'MEDIUM']);

// Electronegativity fetches its messages from S3 at every run (three tries of a second each, then
// it falls back to the copies it ships). Its own English copy, loaded here, is the same text.
function offlineMessages() {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = createRequire(i18nModule)('i18n');
  const load = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nModule),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const stub = new Module(i18nModule);
  stub.filename = i18nModule;
  stub.loaded = true;
  stub.exports = Object.assign(load, { default: load });
  require.cache[i18nModule] = stub;
}

offlineMessages();
const run = require('@doyensec/electronegativity');
// The defaults it assumes (sandbox, context isolation...) depend on the Electron version; src/ has
// no package.json for it to read, so it is told the one installed.
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;

/** Needs the network (Electron's release list); Electron's currency is a scheduled job's concern. */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

const scan = (input) =>
  run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: OFFLINE_EXCLUDED,
    parserPlugins: [],
  });

const describe = (issue) =>
  `${issue.id} ${issue.severity.name} (${issue.confidence.name}) ${issue.file}:${issue.location.line}`;

// 1. The scanner works here: a deliberately unsafe window must be caught, or a silent parse or
// loading failure would pass every run.
const canaryDir = mkdtempSync(join(tmpdir(), 'electronegativity-canary-'));
let canaryIds;
try {
  writeFileSync(
    join(canaryDir, 'main.js'),
    "const { BrowserWindow } = require('electron');\n" +
      'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n',
  );
  const canary = await scan(canaryDir);
  canaryIds = new Set(
    canary.issues.filter((issue) => FAILING.has(issue.severity.name)).map((issue) => issue.id),
  );
} finally {
  rmSync(canaryDir, { recursive: true, force: true });
}
const canaryMissed = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
].filter((id) => !canaryIds.has(id));

// 2. Our sources.
const result = await scan(join(root, 'src'));
const justified = JSON.parse(readFileSync(JUSTIFIED_FILE, 'utf8'));
const isJustified = (issue, entry) =>
  entry.check === issue.id && entry.file === issue.file.split('\\').join('/');
const failing = result.issues.filter((issue) => FAILING.has(issue.severity.name));
const unjustified = failing.filter(
  (issue) => !justified.some((entry) => isJustified(issue, entry)),
);
const stale = justified.filter((entry) => !failing.some((issue) => isJustified(issue, entry)));
const unparsed = result.errors.filter((error) => !error.tolerable);
const minor = result.issues.length - failing.length;

for (const id of canaryMissed)
  console.error(
    `electronegativity: the canary window was not flagged with ${id}: the scanner is not working`,
  );
for (const issue of unjustified)
  console.error(
    `electronegativity: ${describe(issue)}: ${issue.description} (${issue.shortenedURL}). Fix it, or justify it in ${relative(root, JUSTIFIED_FILE)}.`,
  );
for (const entry of stale)
  console.error(
    `electronegativity: the justification of ${entry.check} in ${entry.file} matches no finding any more: remove it from ${relative(root, JUSTIFIED_FILE)}.`,
  );
for (const error of unparsed)
  console.error(
    `electronegativity: ${relative(root, error.file)} could not be parsed (${error.message}), so it was not checked.`,
  );

const failed = canaryMissed.length + unjustified.length + stale.length + unparsed.length > 0;
console.log(
  `electronegativity ${failed ? 'FAILED' : 'ok'}: ${unjustified.length} unjustified HIGH/MEDIUM, ` +
    `${failing.length - unjustified.length} justified, ${minor} LOW/INFO, ${stale.length} stale ` +
    `justifications, ${unparsed.length} unparsed files (${result.atomicChecks} atomic + ` +
    `${result.globalChecks} global checks, Electron ${electronVersion}).`,
);
process.exit(failed ? 1 : 0);
