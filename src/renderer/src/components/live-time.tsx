import { useNow } from '../lib/clock';
import { formatDateTime, formatDuration, formatRelative, isoTime } from '../lib/format';

/**
 * Leaves that tick: each subscribes to the shared clock by itself, so a countdown re-renders one
 * <time> element per second and nothing around it.
 */

export function Countdown({ to, elapsed }: { readonly to: number; readonly elapsed: string }) {
  const now = useNow();
  const left = to - now;
  return (
    <time dateTime={isoTime(to)} title={formatDateTime(to)}>
      {left > 0 ? formatDuration(left) : elapsed}
    </time>
  );
}

export function RelativeTime({ at }: { readonly at: number }) {
  const now = useNow();
  return (
    <time dateTime={isoTime(at)} title={formatDateTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}
