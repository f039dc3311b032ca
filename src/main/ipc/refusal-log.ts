import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isIpcChannel } from '../../shared/ipc';

/**
 * What main writes down when it refuses an IPC request: who asked (the sender's origin), which
 * channel, the error code and why. Never the payload: a refused request may carry a password or a
 * licence key, and a log file is read by people and support tools that must not see those.
 */
export interface Refusal {
  readonly code: 'unauthorized' | 'invalid_input';
  /** A contract channel name, or `unknown` (a channel name from the renderer is not trusted). */
  readonly channel: string;
  readonly reason: string;
  /** The sender frame's origin (never its full URL, which may carry a query), or `none`. */
  readonly sender: string;
}

export interface RefusalLog {
  refused(refusal: Refusal): void;
}

/** Long enough for "field.path: message", short enough that a huge unknown key cannot fill a disk. */
const MAX_FIELD = 200;

/** One line of plain text: control characters (newlines forging log lines) become spaces. */
const bounded = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return flat.length > MAX_FIELD ? `${flat.slice(0, MAX_FIELD)}… (${flat.length} chars)` : flat;
};

export const channelLabel = (channel: unknown): string =>
  isIpcChannel(channel) ? channel : 'unknown';

/** The origin of a sender URL, for the log: `none` without a frame, `unparsable` for junk. */
export function senderLabel(url: string | null | undefined): string {
  if (!url) return 'none';
  try {
    const parsed = new URL(url);
    // app:// is not a special scheme: URL.origin is "null" for it, so spell it out.
    return bounded(parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin);
  } catch {
    return 'unparsable';
  }
}

const line = (refusal: Refusal, at: number): string =>
  `${JSON.stringify({
    at: new Date(at).toISOString(),
    event: 'ipc_refused',
    code: refusal.code,
    channel: bounded(refusal.channel),
    sender: bounded(refusal.sender),
    reason: bounded(refusal.reason),
  })}\n`;

/**
 * Refusals appended as JSON lines to `file` (the app's logs folder). A page flooding main with bad
 * requests must not fill the disk: past `maxBytes` the file is moved to `<file>.1` (replacing the
 * older one), so the log never takes more than twice that. Writing the log never fails a request.
 */
export function createFileRefusalLog(options: {
  readonly file: string;
  readonly maxBytes?: number;
  readonly now?: () => number;
}): RefusalLog & { readonly file: string } {
  const { file } = options;
  const maxBytes = options.maxBytes ?? 1_000_000;
  const now = options.now ?? Date.now;
  return {
    file,
    refused(refusal) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          size = 0;
        }
        if (size >= maxBytes) renameSync(file, `${file}.1`);
        appendFileSync(file, line(refusal, now()), { mode: 0o600 });
      } catch {
        // A full or read-only disk must not turn a refusal into a crash of the IPC handler.
      }
    },
  };
}

/** Where a host has no log folder (and in tests of the shell): the process's standard error. */
export const stderrRefusalLog: RefusalLog = {
  refused: (refusal) => process.stderr.write(line(refusal, Date.now())),
};
