import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { trustedCertificates, trusting } from '../src/main/net/ca-bundle';
import { readSystemStore } from '../src/main/net/system-certificates';
import { median, type Row } from './measure';

const RUNS = 5;

/** A fresh Node reading the store on its main thread: ms. Node reads it once per process. */
const readOnMainThread = (): number =>
  Number(
    execFileSync(process.execPath, [
      '-e',
      `const t = performance.now(); require('node:tls').getCACertificates('system');
       process.stdout.write(String(performance.now() - t));`,
    ]),
  );

/**
 * What reading this computer's store costs the app's main thread, which at start holds back the
 * window and every IPC answer: read there (a fresh process each time), against the app's read in
 * a worker, where the main thread only starts the worker and takes the answer. Then the TLS trust
 * made from it, once, with the first request.
 */
export async function benchSystemStore(): Promise<Row[]> {
  if (!('getCACertificates' in tls)) {
    console.log(`system store: not measured, Node ${process.version} cannot read it (22.15+ can)`);
    return [];
  }
  readOnMainThread(); // warms the file cache, not measured
  const onMain = median(Array.from({ length: RUNS }, readOnMainThread));

  // This process has not read the store yet: the worker's read is a first read too.
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const started = performance.now();
  const store = await readSystemStore();
  const answered = performance.now() - started;
  stalls.disable();
  if (!('certificates' in store)) throw new Error('this computer’s store could not be read');

  const list = trustedCertificates(store.certificates);
  const trustStarted = performance.now();
  trusting(list);
  const trustMs = performance.now() - trustStarted;
  const size = `${store.certificates.length} certificates in this computer's store`;
  return [
    {
      figure: 'system store read on the main thread',
      value: onMain,
      unit: 'ms',
      reference: `${size}: what reading it at start would hold back (median of ${RUNS})`,
    },
    {
      figure: 'system store read in a worker: longest main-thread stall',
      value: stalls.max / 1e6,
      unit: 'ms',
      reference: 'the app: the main thread stays free while it is read (target < 10)',
    },
    {
      figure: 'system store read in a worker: answered after',
      value: answered,
      unit: 'ms',
      reference: 'what the first request waits, at most, when sent at once',
    },
    {
      figure: 'TLS trust with the store, made once',
      value: trustMs,
      unit: 'ms',
      reference: `${list.length} CAs parsed on the main thread with the first request, not at start`,
    },
  ];
}
