// What `npm test` and `npm run bench` need around them on any developer machine: an OS keyring in
// a session of their own (never a developer's own), and a Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const has = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * The OS keyring needs a D-Bus session with an unlocked Secret Service on Linux. Without a session
 * bus this re-runs the calling script under `dbus-run-session` and exits with its status (so it
 * does not return). In the session it started, it unlocks a throw-away keyring folder with a
 * non-empty password, which creates the login collection (an empty one leaves every lookup
 * failing). Elsewhere it returns and changes nothing.
 */
export function ensureKeyringSession() {
  if (process.platform !== 'linux') return;
  if (!process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.LM_IN_KEYRING_SESSION) {
    if (!has('dbus-run-session')) {
      console.log(
        'note: no D-Bus session and no dbus-run-session: keyring tests say why they skip.',
      );
      return;
    }
    const rerun = spawnSync(
      'dbus-run-session',
      ['--', process.execPath, ...process.argv.slice(1)],
      {
        stdio: 'inherit',
        env: { ...process.env, LM_IN_KEYRING_SESSION: '1' },
      },
    );
    process.exit(rerun.status ?? 1);
  }
  if (process.env.LM_IN_KEYRING_SESSION && has('gnome-keyring-daemon')) {
    spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      input: 'test-password',
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'lm-keyring-')) },
    });
  }
}

/** CHROMIUM_PATH, the system's Chromium, or Playwright's own (installed when missing). */
export function findChromium(root) {
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
    spawnSync('npx', ['playwright', 'install', 'chromium'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    path = fromPlaywright();
  }
  return path && existsSync(path) ? path : undefined;
}
