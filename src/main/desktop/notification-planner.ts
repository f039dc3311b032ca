import type { Clock, TimerHandle } from '../../shared/clock';
import type { LicenceView } from '../../shared/model';
import type { DesktopWords } from './desktop-text';

/**
 * Decides which desktop notifications to show as licences change over time, without Electron:
 *  - a licence about to end: from `warningDays` before its end, at most once a day per licence
 *    (remembered across restarts through `memory`);
 *  - a floating seat lost, and regained: once per change, and only once the new state has held
 *    for `debounceMs`, so a seat that flaps (lost, back, lost) within that time says nothing.
 * Times come from the clock seam; long waits are cut into `MAX_WAIT_MS` steps, so a sleep or a
 * clock change is noticed within hours and no timer outgrows Node's 24.8-day limit.
 */

export const DAY_MS = 86_400_000;
export const DEFAULT_WARNING_DAYS = 14;
/** Long enough to ride out a heartbeat that fails once and succeeds on the retry. */
export const DEFAULT_DEBOUNCE_MS = 60_000;
export const MAX_WAIT_MS = 6 * 3_600_000;

export type NoticeKind = 'expiring' | 'seat-lost' | 'seat-regained';

export interface Notice {
  readonly kind: NoticeKind;
  readonly profileId: string;
  readonly title: string;
  readonly body: string;
}

/** When each profile's licence was last announced as ending (the app's state, in the shell). */
export interface NoticeMemory {
  lastExpiryNotice(
    profileId: string,
  ): { readonly licenseId: string; readonly at: number } | undefined;
  rememberExpiryNotice(profileId: string, licenseId: string, at: number): void;
}

export interface NotificationPlannerOptions {
  readonly clock: Clock;
  readonly notify: (notice: Notice) => void;
  readonly nameOf: (profileId: string) => string;
  /** Days before the end to start warning; the vendor's `expiryWarningDays` where it has one. */
  readonly warningDaysOf: (profileId: string) => number;
  readonly memory: NoticeMemory;
  readonly words: DesktopWords;
  readonly debounceMs?: number;
}

/** Retrying is still a held seat (inside its grace window): only lost counts as lost. */
type Presence = 'held' | 'lost' | 'none';
const presenceOf = (view: LicenceView): Presence =>
  view.seat.state === 'lost' ? 'lost' : view.seat.state === 'none' ? 'none' : 'held';

interface Followed {
  view: LicenceView;
  /** The seat state the person was last told of (or found at the start). */
  announced: Presence;
  seatTimer?: TimerHandle;
  expiryTimer?: TimerHandle;
}

export function createNotificationPlanner(options: NotificationPlannerOptions) {
  const { clock, notify, nameOf, memory, words } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const followed = new Map<string, Followed>();
  let stopped = false;

  const clear = (handle: TimerHandle | undefined): undefined => {
    if (handle !== undefined) clock.clearTimeout(handle);
    return undefined;
  };

  const announceSeat = (profileId: string, entry: Followed): void => {
    entry.seatTimer = undefined;
    const now = presenceOf(entry.view);
    if (now === entry.announced || now === 'none') return;
    const name = nameOf(profileId);
    notify(
      now === 'lost'
        ? {
            kind: 'seat-lost',
            profileId,
            title: words.seatLostTitle(name),
            body: words.seatLostBody(entry.view.seat.nextHeartbeatAt !== undefined),
          }
        : {
            kind: 'seat-regained',
            profileId,
            title: words.seatRegainedTitle(name),
            body: words.seatRegainedBody,
          },
    );
    entry.announced = now;
  };

  const followSeat = (profileId: string, entry: Followed, before: Presence | undefined): void => {
    const now = presenceOf(entry.view);
    if (now === before) return;
    entry.seatTimer = clear(entry.seatTimer);
    // Taking the first seat, or giving it back, is the person's own doing: nothing to say.
    if (now === 'none' || entry.announced === 'none') entry.announced = now;
    if (now !== entry.announced)
      entry.seatTimer = clock.setTimeout(() => announceSeat(profileId, entry), debounceMs);
  };

  const reviewExpiry = (profileId: string, entry: Followed): void => {
    entry.expiryTimer = clear(entry.expiryTimer);
    const { status, expiresAt, licenseId = profileId } = entry.view;
    const now = clock.now();
    if (stopped || status !== 'active' || expiresAt === undefined || now >= expiresAt) return;
    const warnFrom = expiresAt - options.warningDaysOf(profileId) * DAY_MS;
    let last = memory.lastExpiryNotice(profileId);
    if (last?.licenseId !== licenseId) last = undefined;
    if (now >= warnFrom && (last === undefined || now - last.at >= DAY_MS)) {
      const daysLeft = Math.ceil((expiresAt - now) / DAY_MS);
      notify({
        kind: 'expiring',
        profileId,
        title: words.expiringTitle(nameOf(profileId), daysLeft),
        body: words.expiringBody(words.formatDay(expiresAt)),
      });
      memory.rememberExpiryNotice(profileId, licenseId, now);
      last = { licenseId, at: now };
    }
    const nextDue = Math.max(warnFrom, last === undefined ? warnFrom : last.at + DAY_MS);
    if (nextDue >= expiresAt) return;
    const wait = Math.min(Math.max(0, nextDue - now), MAX_WAIT_MS);
    entry.expiryTimer = clock.setTimeout(() => reviewExpiry(profileId, entry), wait);
  };

  return {
    /** Every view the core reports (and each profile's view at the start, as the baseline). */
    observe(view: LicenceView): void {
      if (stopped) return;
      const entry = followed.get(view.profileId);
      const before = entry ? presenceOf(entry.view) : undefined;
      const current = entry ?? { view, announced: presenceOf(view) };
      current.view = view;
      followed.set(view.profileId, current);
      followSeat(view.profileId, current, before);
      reviewExpiry(view.profileId, current);
    },
    stop(): void {
      stopped = true;
      for (const entry of followed.values()) {
        entry.seatTimer = clear(entry.seatTimer);
        entry.expiryTimer = clear(entry.expiryTimer);
      }
    },
  };
}

export type NotificationPlanner = ReturnType<typeof createNotificationPlanner>;
