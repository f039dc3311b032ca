import type { ProfileConfig } from '../config/vendor-config';
import type { DesktopState, PersistedState, StateStore } from '../store/persisted-state';
import { DEFAULT_WARNING_DAYS, type NoticeMemory } from './notification-planner';

/** The desktop part of the app's state, with its defaults when nothing was saved yet. */
export const desktopStateOf = (state: Pick<PersistedState, 'desktop'>): DesktopState =>
  state.desktop ?? { startAtLogin: false, expiryNotices: {} };

/** When each licence's end was last announced, kept with the app's state across restarts. */
export function noticeMemoryIn(state: StateStore): NoticeMemory {
  return {
    lastExpiryNotice(profileId) {
      const notices = desktopStateOf(state.load()).expiryNotices;
      return Object.hasOwn(notices, profileId) ? notices[profileId] : undefined;
    },
    rememberExpiryNotice(profileId, licenseId, at) {
      state.update((current) => {
        const desktop = desktopStateOf(current);
        current.desktop = {
          ...desktop,
          expiryNotices: { ...desktop.expiryNotices, [profileId]: { licenseId, at } },
        };
      });
    },
  };
}

/** Days of warning before a licence ends: the profile's `expiryWarningDays` where it has one. */
export const warningDaysIn =
  (profiles: readonly ProfileConfig[]) =>
  (profileId: string): number => {
    const profile = profiles.find((candidate) => candidate.id === profileId);
    return profile && 'expiryWarningDays' in profile
      ? profile.expiryWarningDays
      : DEFAULT_WARNING_DAYS;
  };
