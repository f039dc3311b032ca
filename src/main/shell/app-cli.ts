import { app, net, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { appCliHost, type AppPaths } from './app-home';
import { readSystemStore } from '../net/system-certificates';
import { systemProxyResolver } from './system-proxy';

/** Resolves once everything written to the stream has been handed to the OS. */
const drained = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));

/**
 * The installed app as a command line (`LicenseManager --cli activate --key ... --quiet`), for
 * silent installs: no window, the app's own stores, the CLI's output and exit codes. Installers
 * cannot use the Node CLI for this: RunAsNode is fused off, and the Node CLI keeps its own stores.
 */
export async function runAppCli(argv: readonly string[], paths: () => AppPaths): Promise<void> {
  app.dock?.hide();
  const ownsStores = app.requestSingleInstanceLock();
  await app.whenReady(); // safeStorage works only once the app is ready
  const { runCli } = await import('../../cli/run-cli');
  const code = await runCli(
    argv,
    appCliHost({
      paths: paths(),
      safeStorage,
      ownsStores,
      rendererDir: join(__dirname, '../renderer'),
      version: app.getVersion(),
      systemProxy: systemProxyResolver(session.defaultSession),
      chromiumFetch: (url, init) => net.fetch(url, init),
      systemCertificates: readSystemStore,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    }),
  );
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  app.exit(code);
}
