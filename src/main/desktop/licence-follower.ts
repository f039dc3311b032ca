import type { LicenceView, ProfileView } from '../../shared/model';
import { followedProfiles, type TrayLicence } from './tray-model';

/** The part of the licence service the tray and the notifications read. */
export interface LicenceSource {
  profiles(): ProfileView[];
  status(profileId: string): Promise<LicenceView>;
  onChange(listener: (view: LicenceView) => void): () => void;
}

/**
 * Keeps the latest view of each licence of this computer and reports every one: first each
 * profile's current view (the baseline), then every change the core pushes. Answers the
 * unsubscribe function.
 */
export async function followLicences(
  source: LicenceSource,
  listener: (view: LicenceView, all: readonly TrayLicence[]) => void,
): Promise<() => void> {
  const followed = followedProfiles(source.profiles());
  const views = new Map<string, LicenceView>();
  const report = (view: LicenceView): void => {
    views.set(view.profileId, view);
    // In the profiles' order, whatever order the views came in.
    const all = followed.flatMap(({ id }) => {
      const current = views.get(id);
      return current ? [{ profileId: id, view: current }] : [];
    });
    listener(view, all);
  };
  // Listen before reading, so a change between the two is not missed.
  const stop = source.onChange((view) => {
    if (followed.some(({ id }) => id === view.profileId)) report(view);
  });
  for (const { id } of followed) {
    const view = await source.status(id);
    // A change pushed meanwhile is newer than what was read.
    if (!views.has(id)) report(view);
  }
  return stop;
}
