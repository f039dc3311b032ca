#!/usr/bin/env node
// `npm test`: every suite, on any developer machine. It finds a Chromium by itself, gives the
// keyring tests a session bus on Linux, builds the app, runs vitest then Playwright, and ends with
// one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const has = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
// npx is a .cmd script on Windows, which only a shell can start.
const run = (command, args, env = {}) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  }).status ?? 1;

// The OS keyring needs a D-Bus session with an unlocked Secret Service on Linux.
if (
  process.platform === 'linux' &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.LM_TEST_IN_SESSION
) {
  if (has('dbus-run-session')) {
    process.exit(
      run('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
        LM_TEST_IN_SESSION: '1',
      }),
    );
  }
  console.log(
    'note: no D-Bus session and no dbus-run-session: keyring tests will report why they skip.',
  );
}
if (process.env.LM_TEST_IN_SESSION && has('gnome-keyring-daemon')) {
  // Only in the session we started, never a developer's own keyring: a throw-away keyring folder,
  // unlocked with a non-empty password, which creates the login collection (an empty one leaves
  // every lookup failing).
  const keyringHome = mkdtempSync(join(tmpdir(), 'lm-keyring-'));
  spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'test-password',
    stdio: ['pipe', 'ignore', 'ignore'],
    env: { ...process.env, XDG_DATA_HOME: keyringHome },
  });
}

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  const fromPlaywright = () =>
    spawnSync(
      process.execPath,
      ['-e', "process.stdout.write(require('playwright').chromium.executablePath())"],
      { cwd: root, encoding: 'utf8' },
    ).stdout;
  let path = fromPlaywright();
  if (!path || !existsSync(path)) {
    console.log("No Chromium found: installing Playwright's.");
    run('npx', ['playwright', 'install', 'chromium']);
    path = fromPlaywright();
  }
  return path && existsSync(path) ? path : undefined;
}

const chromium = findChromium();
const env = chromium ? { CHROMIUM_PATH: chromium } : {};
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
// Reports from an earlier run must not be counted as this run's.
for (const report of [vitestJson, playwrightJson]) rmSync(report, { force: true });

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
const failed = unit !== 0 || build !== 0 || e2e !== 0;
if (failed && total.failed === 0) total.failed = 1; // a suite that crashed before counting still fails
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
