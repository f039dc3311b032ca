import type { LicenceView } from '../../shared/model';
import type { Dispatcher } from '../ipc/dispatch';
import { channelLabel } from '../ipc/refusal-log';

/**
 * The app's recent events, in memory, for the diagnostics screen and the support bundle: what
 * started, what failed (every refused or failed request, with its code and message), and how
 * licences and seats changed. Bounded (the oldest lines go first) and redacted as each line is
 * written, so nothing secret is ever held here to leak later.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  readonly at: number;
  readonly level: LogLevel;
  readonly message: string;
}

export interface RecentLog {
  record(level: LogLevel, message: string): void;
  lines(): readonly LogLine[];
}

const DEFAULT_CAPACITY = 300;
const MAX_LINE = 500;

export function createRecentLog(options: {
  readonly now: () => number;
  readonly redact: (text: string) => string;
  readonly capacity?: number;
}): RecentLog {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const lines: LogLine[] = [];
  return {
    record(level, message) {
      // One line each: control characters (a forged newline) become spaces.
      // eslint-disable-next-line no-control-regex
      const flat = options.redact(message).replace(/[\u0000-\u001f\u007f]/g, ' ');
      const bounded = flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}…` : flat;
      lines.push({ at: options.now(), level, message: bounded });
      if (lines.length > capacity) lines.splice(0, lines.length - capacity);
    },
    lines: () => [...lines],
  };
}

/** Every request that ended in an error, with its channel, code and message (never the payload). */
export const loggingFailures =
  (dispatch: Dispatcher, log: RecentLog): Dispatcher =>
  async (channel, payload, options) => {
    const result = await dispatch(channel, payload, options);
    if (!result.ok)
      log.record(
        'error',
        `${channelLabel(channel)}: ${result.error.code}: ${result.error.message}`,
      );
    return result;
  };

/** A listener for licence views that logs each change of status or seat state, once. */
export function licenceChangeLogger(log: RecentLog): (view: LicenceView) => void {
  const last = new Map<string, string>();
  return (view) => {
    const { seat } = view;
    const summary = [
      `licence ${view.profileId}: ${view.status}`,
      seat.state === 'none' ? '' : `, seat ${seat.state}`,
      seat.lastError ? ` (${seat.lastError.code}: ${seat.lastError.message})` : '',
    ].join('');
    if (last.get(view.profileId) === summary) return;
    last.set(view.profileId, summary);
    log.record(seat.state === 'lost' ? 'warn' : 'info', summary);
  };
}
