import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import { isIpcChannel, type IpcChannel } from '../../shared/ipc';
import type { ContractRefusal, DispatchOptions } from './dispatch';

/** Why a request was refused: a fixed category, never text taken from the request. */
export type RefusalReason =
  // The Electron gate: who sent it.
  | 'not the main frame'
  | 'untrusted origin'
  // The dispatcher: the contract.
  | ContractRefusal
  // The browser host: the session and the form of the request.
  | 'wrong or used link token'
  | 'no session'
  | 'foreign host or origin'
  | 'wrong origin or content type'
  | 'unreadable or oversized body';

/**
 * What a host writes down when it refuses a request: who asked (the sender's origin), which
 * channel, the error code and the category of the reason. Never the payload nor a message about
 * it: a refused request may carry a password or a licence key, and a log file is read by people
 * and support tools that must not see those.
 */
export interface Refusal {
  readonly code: 'unauthorized' | 'invalid_input';
  /**
   * A contract channel name; `unknown` for a name the contract does not have (a channel name
   * from the page is not trusted); `none` for a browser-host request that names no channel.
   */
  readonly channel: IpcChannel | 'unknown' | 'none';
  readonly reason: RefusalReason;
  /** The sender's origin (never its full URL, which may carry a query), or `none`. */
  readonly sender: string;
}

export interface RefusalLog {
  refused(refusal: Refusal): void;
}

/** Long enough for any real origin, short enough that a huge host name cannot fill a disk. */
const MAX_SENDER = 200;

export const channelLabel = (channel: unknown): IpcChannel | 'unknown' =>
  isIpcChannel(channel) ? channel : 'unknown';

/** The origin of a sender URL, for the log: `none` without one, `unparsable` for junk. */
export function senderLabel(url: string | null | undefined): string {
  if (!url) return 'none';
  try {
    const parsed = new URL(url);
    // app:// is not a special scheme: URL.origin is "null" for it, so spell it out.
    const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
    return origin.length > MAX_SENDER
      ? `${origin.slice(0, MAX_SENDER)}… (${origin.length} chars)`
      : origin;
  } catch {
    return 'unparsable';
  }
}

/** Dispatch options that write the dispatcher's contract refusals down, with the host's sender. */
export const loggingContractRefusals = (log: RefusalLog, sender: string): DispatchOptions => ({
  onRefused: (channel, reason) => log.refused({ code: 'invalid_input', channel, sender, reason }),
});

const jsonLine = (fields: Record<string, unknown>): string => `${JSON.stringify(fields)}\n`;

const WINDOW_MS = 1_000;

export interface FileRefusalLog extends RefusalLog {
  readonly file: string;
  /**
   * Resolves once every line queued so far is on disk (or was given up on); never rejects. A
   * flood's count is queued only when its second ends.
   */
  flush(): Promise<void>;
}

/**
 * Refusals appended as JSON lines to `file` (in a logs folder), off the caller's path: a
 * refusal only queues a line, written with the next batch after the current event-loop turn, so
 * a page looping bad requests cannot stall Electron's main thread on disk I/O. A flood is
 * collapsed: past `maxLinesPerSecond` in one second the rest are only counted, and one
 * `ipc_refusals_suppressed` line says how many. Past `maxBytes` the file is moved to `<file>.1`
 * (replacing the older one), so the log never takes more than twice that. Writing the log never
 * fails a request.
 */
export function createFileRefusalLog(options: {
  readonly file: string;
  readonly maxBytes?: number;
  readonly maxLinesPerSecond?: number;
  readonly clock?: Clock;
}): FileRefusalLog {
  const { file } = options;
  const maxBytes = options.maxBytes ?? 1_000_000;
  const maxLinesPerSecond = options.maxLinesPerSecond ?? 20;
  const clock = options.clock ?? systemClock;

  let queued: string[] = [];
  let batchScheduled = false;
  let writing: Promise<void> = Promise.resolve();
  // The folder is made once; the file's size is read once, then counted as lines are added.
  let folder: Promise<unknown> | undefined;
  let bytesInFile: number | undefined;

  const writeQueued = async (): Promise<void> => {
    const lines = queued;
    queued = [];
    if (lines.length === 0) return;
    try {
      folder ??= mkdir(dirname(file), { recursive: true });
      await folder;
      let size =
        bytesInFile ??
        (await stat(file).then(
          (found) => found.size,
          () => 0,
        ));
      let chunk = '';
      for (const text of lines) {
        const bytes = Buffer.byteLength(text);
        if (size > 0 && size + bytes > maxBytes) {
          if (chunk) await appendFile(file, chunk, { mode: 0o600 });
          await rename(file, `${file}.1`);
          chunk = '';
          size = 0;
        }
        chunk += text;
        size += bytes;
      }
      await appendFile(file, chunk, { mode: 0o600 });
      bytesInFile = size;
    } catch {
      // A full or read-only disk must not break IPC: these lines are lost, and the next batch
      // reads the file's size again rather than trusting a count that no longer matches it.
      bytesInFile = undefined;
    }
  };
  const flush = (): Promise<void> => (writing = writing.then(writeQueued));
  const enqueue = (text: string): void => {
    queued.push(text);
    if (batchScheduled) return;
    batchScheduled = true;
    setImmediate(() => {
      batchScheduled = false;
      void flush();
    });
  };

  let windowStart = Number.NEGATIVE_INFINITY;
  let linesInWindow = 0;
  let suppressed = 0;
  let report: TimerHandle | undefined;
  const reportSuppressed = (): void => {
    if (report !== undefined) clock.clearTimeout(report);
    report = undefined;
    if (suppressed === 0) return;
    const at = new Date(clock.now()).toISOString();
    enqueue(jsonLine({ at, event: 'ipc_refusals_suppressed', suppressed }));
    suppressed = 0;
  };

  return {
    file,
    flush,
    refused(refusal) {
      const now = clock.now();
      // A new second (or a wall clock set back): say what the last one suppressed, then count anew.
      if (now - windowStart >= WINDOW_MS || now < windowStart) {
        reportSuppressed();
        windowStart = now;
        linesInWindow = 0;
      }
      if (linesInWindow < maxLinesPerSecond) {
        linesInWindow += 1;
        const { code, channel, sender, reason } = refusal;
        const at = new Date(now).toISOString();
        enqueue(jsonLine({ at, event: 'ipc_refused', code, channel, sender, reason }));
        return;
      }
      suppressed += 1;
      // The count is written when the second ends, even if the flood stops with it.
      report ??= clock.setTimeout(reportSuppressed, windowStart + WINDOW_MS - now);
    },
  };
}
