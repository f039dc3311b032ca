import type { LsFeatureView, LsFloatingView } from '../../shared/licensespring-model';
import { licensespring as ls } from '../../shared/texts/licensespring.en';
import {
  persistedLicenseSpringSchema,
  type PersistedLicenseSpring,
  type StateStore,
} from '../store/persisted-state';
import { LicensingError } from './licensing-error';

/**
 * The last server answer about each LicenseSpring licence, kept in the state document so the
 * local check (expiry, grace, clock moved back) works offline, with the features whose floating
 * slots this computer holds. Every change is a locked read-modify-write of the state.
 */
export function createLicenseSpringSnapshots(store: StateStore) {
  const of = (profileId: string): PersistedLicenseSpring | undefined =>
    store.load().licenseSpring[profileId];

  /** Changes the profile's snapshot, if it has one. */
  const change = (
    profileId: string,
    changed: (previous: PersistedLicenseSpring) => PersistedLicenseSpring,
  ): void => {
    store.update((state) => {
      const previous = state.licenseSpring[profileId];
      if (previous) state.licenseSpring[profileId] = checked(changed(previous));
    });
  };

  return {
    of,
    change,

    /** Writes the profile's snapshot, made from the one it replaces (if any). */
    write(
      profileId: string,
      make: (previous: PersistedLicenseSpring | undefined) => PersistedLicenseSpring,
    ): void {
      store.update((state) => {
        state.licenseSpring[profileId] = checked(make(state.licenseSpring[profileId]));
      });
    },

    remove(profileId: string): void {
      store.update((state) => void delete state.licenseSpring[profileId]);
    },

    /** Every profile's snapshot, for a long-running host resuming its checks. */
    all: (): [string, PersistedLicenseSpring][] => Object.entries(store.load().licenseSpring),

    updateFeature(
      profileId: string,
      code: string,
      changed: (known: LsFeatureView) => LsFeatureView,
    ): void {
      change(profileId, (previous) => ({
        ...previous,
        details: {
          ...previous.details,
          features: previous.details.features.map((known) =>
            known.code === code ? changed(known) : known,
          ),
        },
      }));
    },

    setHeldFeature(profileId: string, code: string, held: boolean): void {
      change(profileId, (previous) => ({
        ...previous,
        heldFeatures: held
          ? [...new Set([...previous.heldFeatures, code])]
          : previous.heldFeatures.filter((known) => known !== code),
      }));
    },
  };
}

export type LicenseSpringSnapshots = ReturnType<typeof createLicenseSpringSnapshots>;

/**
 * A slot this computer gave back: one fewer in use (as far as we know without asking, which would
 * take a slot again), and no borrow left (a release ends it).
 */
export function slotGivenBack<F extends LsFloatingView>(floating: F): F {
  const inUse = floating.inUse === undefined ? undefined : Math.max(0, floating.inUse - 1);
  return { ...floating, inUse, borrowedUntil: undefined };
}

export const featureTimeoutOf = (snapshot: PersistedLicenseSpring | undefined, code: string) =>
  snapshot?.details.features.find((feature) => feature.code === code)?.floating?.timeoutMinutes;

/** A snapshot that would not load again is refused before it is written, never after. */
function checked(snapshot: PersistedLicenseSpring): PersistedLicenseSpring {
  const parsed = persistedLicenseSpringSchema.safeParse(snapshot);
  if (!parsed.success)
    throw new LicensingError(
      'protocol',
      ls.cannotKeep({ field: parsed.error.issues[0]?.path.join('.') ?? 'details' }),
    );
  return parsed.data;
}
