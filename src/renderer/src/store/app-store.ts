import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { AppInfo, ProfileView } from '../../../shared/model';
import { call } from '../api';

/** Every screen the shell can show. Add the id here and an entry in app/screens.ts. */
export type ScreenId =
  | 'activation'
  | 'licence'
  | 'features'
  | 'seats'
  | 'eniris'
  | 'hubs'
  | 'licence-file'
  // App-level: shown whatever the profile (the vendor's screen list does not hide it).
  | 'diagnostics';

export type Startup =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: AppError }
  | {
      readonly status: 'ready';
      readonly info: AppInfo;
      readonly profiles: readonly ProfileView[];
    };

interface AppState {
  readonly startup: Startup;
  /** Null only when the configuration has no profiles at all. */
  readonly profileId: string | null;
  readonly screen: ScreenId;
  start(): Promise<void>;
  selectProfile(profileId: string): void;
  navigate(screen: ScreenId): void;
}

// Remembered so a restart opens the profile the user was last looking at.
const PROFILE_KEY = 'license-manager.profile';

function rememberedProfile(): string | null {
  try {
    return localStorage.getItem(PROFILE_KEY);
  } catch {
    return null;
  }
}

function pickProfile(profiles: readonly ProfileView[]): string | null {
  const remembered = rememberedProfile();
  const match = profiles.find((profile) => profile.id === remembered);
  return (match ?? profiles[0])?.id ?? null;
}

export const useAppStore = create<AppState>()((set, get) => ({
  startup: { status: 'loading' },
  profileId: null,
  screen: 'activation',

  async start() {
    set({ startup: { status: 'loading' } });
    const [info, profiles] = await Promise.all([call('app:info', {}), call('profiles:list', {})]);
    if (!info.ok) return set({ startup: { status: 'failed', error: info.error } });
    if (!profiles.ok) return set({ startup: { status: 'failed', error: profiles.error } });
    set({
      startup: { status: 'ready', info: info.value, profiles: profiles.value },
      profileId: get().profileId ?? pickProfile(profiles.value),
    });
  },

  selectProfile(profileId) {
    try {
      localStorage.setItem(PROFILE_KEY, profileId);
    } catch {
      // Storage may be disabled; the choice then lasts for this session only.
    }
    set({ profileId });
  },

  navigate(screen) {
    set({ screen });
  },
}));

/** The selected profile's view, or undefined before startup or with no profiles. */
export function useSelectedProfile(): ProfileView | undefined {
  return useAppStore((state) =>
    state.startup.status === 'ready'
      ? state.startup.profiles.find((profile) => profile.id === state.profileId)
      : undefined,
  );
}

/** Only screens rendered inside the ready shell call this. */
export function useAppInfo(): AppInfo {
  const startup = useAppStore((state) => state.startup);
  if (startup.status !== 'ready') throw new Error('useAppInfo called before startup finished');
  return startup.info;
}

/** For screens: the shell renders a screen only when a profile is selected. */
export function useRequiredProfile(): ProfileView {
  const profile = useSelectedProfile();
  if (!profile) throw new Error('a screen was rendered without a selected profile');
  return profile;
}
