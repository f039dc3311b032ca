import { Worker } from 'node:worker_threads';

/** This computer's certificate store: its CAs, or why they are not used. */
export type SystemStore =
  { readonly certificates: readonly string[] } | { readonly unused: 'macos' | 'unreadable' };

/**
 * Runs in the worker: Node reads the store from 22.15 (Electron 45's Node has it); an older Node
 * answers null. Plain CommonJS, evaluated as it stands: the bundler never sees it.
 */
const READ_IN_WORKER = `
const { parentPort } = require('node:worker_threads');
const tls = require('node:tls');
parentPort.postMessage(tls.getCACertificates ? tls.getCACertificates('system') : null);
`;

/**
 * How long the read may take before the store counts as unreadable: requests wait for it, and a
 * store provider that hangs must not hang them.
 */
const READ_LIMIT_MS = 10_000;

/**
 * The CA certificates this computer's own store trusts (Windows' certificate store, the Linux
 * system bundle OpenSSL reads, which SSL_CERT_FILE and SSL_CERT_DIR move), much as Chromium
 * trusts them: a company root CA deployed to every PC, or a TLS-inspecting proxy's, then needs no
 * caFile in the Electron app.
 *
 * Read in a worker thread, so the main thread is free meanwhile: the read takes 40-130 ms on a
 * Debian build machine (`npm run bench -- store`), and the app starts it first thing at start,
 * where it would hold back the window and every IPC answer. Never rejects: a store that cannot be
 * read, or not within `limitMs`, leaves the usual roots and the CA bundle.
 */
export function readSystemStore(
  platform: NodeJS.Platform = process.platform,
  limitMs = READ_LIMIT_MS,
): Promise<SystemStore> {
  // Node reads the macOS keychain evaluating each certificate with revocation checks, which
  // takes 5 to 10 s on company-managed Macs (nodejs/node#63313; other reports say 45 s): off the
  // main thread still too long for the first licensing call to wait. A company CA goes in caFile.
  if (platform === 'darwin') return Promise.resolve({ unused: 'macos' });
  return new Promise((settle) => {
    let worker: Worker;
    try {
      worker = new Worker(READ_IN_WORKER, { eval: true });
    } catch {
      // A Node that cannot start workers here.
      settle({ unused: 'unreadable' });
      return;
    }
    // Whichever comes first stands; the worker is no longer needed after it.
    const answer = (store: SystemStore): void => {
      clearTimeout(limit);
      settle(store);
      void worker.terminate();
    };
    const unreadable = (): void => answer({ unused: 'unreadable' });
    const limit = setTimeout(unreadable, limitMs);
    worker.once('message', (certificates: string[] | null) =>
      answer(certificates ? { certificates } : { unused: 'unreadable' }),
    );
    worker.once('error', unreadable);
    worker.once('exit', unreadable);
  });
}
