#!/usr/bin/env node
// `npm test`: every suite, on any developer machine. It finds a Chromium by itself, gives the
// keyring tests a session bus on Linux, checks the Electron hardening (Electronegativity), builds
// the app, runs vitest then Playwright, and ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKeyringSession, findChromium, has } from './test-environment.mjs';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
// npx is a .cmd script on Windows, which only a shell can start.
const run = (command, args, env = {}) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  }).status ?? 1;

ensureKeyringSession();

const chromium = findChromium(root);
const env = chromium ? { CHROMIUM_PATH: chromium } : {};
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
// Reports from an earlier run must not be counted as this run's.
for (const report of [vitestJson, playwrightJson]) rmSync(report, { force: true });

// Electron hardening (Electronegativity over src/, offline): no unjustified HIGH or MEDIUM finding.
// It needs no build, so it runs first; a finding fails the run but does not stop the suites.
const hardening = run('node', [join('scripts', 'electronegativity.mjs')]);

// Built first: the CLI and browser-host suites run the built CLI exactly as users do.
const build = run('npx', ['electron-vite', 'build']);
const unit =
  build === 0
    ? run(
        'npx',
        [
          'vitest',
          'run',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${vitestJson}`,
        ],
        env,
      )
    : 1;
let e2e = 1;
if (build === 0) {
  const headed = process.platform === 'linux' && !process.env.DISPLAY && has('xvfb-run');
  const [command, args] = headed
    ? ['xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', 'npx', 'playwright', 'test']]
    : ['npx', ['playwright', 'test']];
  e2e = run(command, args, { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
}

function counts() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    total.passed += report.numPassedTests ?? 0;
    total.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (existsSync(playwrightJson)) {
    const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
    total.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    total.failed += stats.unexpected ?? 0;
    total.skipped += stats.skipped ?? 0;
  }
  return total;
}

const total = counts();
const failed = hardening !== 0 || unit !== 0 || build !== 0 || e2e !== 0;
if (failed && total.failed === 0) total.failed = 1; // a suite that crashed before counting still fails
console.log(
  `\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped` +
    (hardening === 0 ? '' : '; electronegativity found unjustified findings (see above)'),
);
process.exit(failed ? 1 : 0);
