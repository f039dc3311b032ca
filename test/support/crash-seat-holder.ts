/**
 * Child process of the crash and quit tests (bundled by crash-child.ts, never imported by a test):
 * one installation of the real core, as the desktop app composes it, that activates the floating
 * licence, takes a seat and prints `held`. Then it waits, heartbeating, until the test kills it
 * (a crash) or sends SIGTERM (a quit): on SIGTERM it does what index.ts does on `before-quit`,
 * `core.close(releaseTimeoutMs)`, prints what happened and how long it took, and exits.
 */
import { writeSync } from 'node:fs';
import { openCrashInstallation, type SeatHolderOptions } from './crash-seat-installation';

const say = (line: string): void => void writeSync(1, `${line}\n`);

async function main(options: SeatHolderOptions): Promise<void> {
  // The sandbox runs on the test's manual clock; this process lives in real time from there.
  const offsetMs = options.sandboxNow - Date.now();
  const core = await openCrashInstallation(options, {
    now: () => Date.now() + offsetMs,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
  });
  if ((await core.service.status('seats')).status !== 'active')
    await core.service.activate('seats', { method: 'key', key: options.key });
  await core.service.requestSeat('seats');
  // The app's window keeps Electron running; here a timer does.
  const alive = setInterval(() => undefined, 60_000);
  process.once('SIGTERM', () => {
    const started = Date.now();
    void core.close(options.releaseTimeoutMs).then((outcome) => {
      say(JSON.stringify({ outcome, closeMs: Date.now() - started }));
      clearInterval(alive);
      // Like app.quit(): leave now, whatever request is still hanging.
      process.exit(0);
    });
  });
  say('held');
}

main(JSON.parse(process.argv[2] ?? '{}') as SeatHolderOptions).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
