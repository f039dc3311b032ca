import type { FleetProgress, HubView } from '../../../../shared/hubs-model';
import { hubsWords as words } from './hubs-words';

/**
 * A refresh of the fleet: how far it has got, what it did, and which of two answers to keep when
 * they arrive out of order. Callers pass what they read; nothing here reads a clock.
 */

/** The share of a refresh done, 0 to 1 (1 for an empty run, which has nothing left to do). */
export function progressRatio(progress: FleetProgress): number {
  return progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
}

/** "412 of 1,000 hubs · 3 failed". */
export function progressText({ done, total, failed }: FleetProgress): string {
  const { progress } = words();
  return failed > 0
    ? progress.runningWithFailures(done, total, failed)
    : progress.running(done, total);
}

/** What a finished refresh-all did, for the live region and the line under the button. */
export function refreshSummary({ done, total, failed }: FleetProgress): string {
  const { progress } = words();
  return failed > 0
    ? progress.refreshedWithFailures(total, done - failed, failed)
    : progress.refreshed(total, done - failed);
}

/**
 * Of two views of one hub, the one to keep: the incoming one, unless it was read from the hub
 * before the one on screen (a list requested before a refresh event, answered after it).
 */
export function fresherHub(current: HubView | undefined, incoming: HubView): HubView {
  const shown = current?.lastRefreshAt;
  const arriving = incoming.lastRefreshAt;
  if (shown !== undefined && (arriving === undefined || arriving < shown))
    return current ?? incoming;
  return incoming;
}

/**
 * Of two progress reports, the later: events and answers travel on different connections, so a
 * report of an earlier run, or of fewer hubs done in the same run, may arrive last.
 */
export function laterProgress(current: FleetProgress, incoming: FleetProgress): FleetProgress {
  const { startedAt: shown } = current;
  const { startedAt: arriving } = incoming;
  if (shown === undefined || arriving === undefined) return incoming;
  if (arriving < shown) return current;
  if (arriving > shown) return incoming;
  if (!current.running && incoming.running) return current;
  if (incoming.running && incoming.done < current.done) return current;
  return incoming;
}
