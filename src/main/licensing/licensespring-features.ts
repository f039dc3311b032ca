import type { Clock } from '../../shared/clock';
import type { LsLicenceDetails } from '../../shared/licensespring-model';
import type { LicenseSpringCapability } from './backends/licensespring';
import type { LsFeature } from './backends/licensespring-types';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import { featureEntry, type LicenseSpringKeepAlive } from './licensespring-keep-alive';
import {
  featureTimeoutOf,
  slotGivenBack,
  type LicenseSpringSnapshots,
} from './licensespring-snapshots';
import { featureViewOf } from './licensespring-views';

/**
 * A LicenseSpring licence's features: check one (a floating feature takes a slot, which a
 * long-running host keeps alive until it is released), give its slot back, borrow it. Each answer
 * is kept in the licence's snapshot; each call answers the licence's details as they now stand.
 */
export function createLicenseSpringFeatures(deps: {
  readonly clock: Clock;
  readonly keepAlive: boolean;
  readonly scheduler: Pick<HeartbeatScheduler, 'untrack'>;
  readonly snapshots: LicenseSpringSnapshots;
  readonly keeping: Pick<LicenseSpringKeepAlive, 'keepFeature'>;
  readonly apiOf: (profileId: string) => LicenseSpringCapability;
  readonly keyOf: (profileId: string) => Promise<string>;
  readonly view: (profileId: string) => LsLicenceDetails;
}) {
  const { clock, scheduler, snapshots, keeping, apiOf, keyOf, view } = deps;

  /** A feature's fresh answer replaces what was known, except a borrow the answer cannot show. */
  const rememberFeature = (profileId: string, code: string, feature: LsFeature): void =>
    snapshots.updateFeature(profileId, code, (known) => {
      const fresh = { ...featureViewOf(feature, clock.now()), lastCheckedAt: clock.now() };
      const borrowedUntil = known.floating?.borrowedUntil;
      return fresh.floating && borrowedUntil
        ? { ...fresh, floating: { ...fresh.floating, borrowedUntil } }
        : fresh;
    });

  /** check_license_feature, its answer kept: also how a held slot is kept alive. */
  const recheck = async (profileId: string, code: string): Promise<LsFeature> => {
    const feature = await apiOf(profileId).checkFeature(await keyOf(profileId), code);
    rememberFeature(profileId, code, feature);
    return feature;
  };

  return {
    recheck,

    /** check_license_feature: a floating feature takes a slot, kept alive until released. */
    async checkFeature(profileId: string, code: string): Promise<LsLicenceDetails> {
      const feature = await recheck(profileId, code);
      // Only a long-running host keeps the slot; a CLI check lets it lapse (or `feature release`).
      if (feature.floating && deps.keepAlive) {
        snapshots.setHeldFeature(profileId, code, true);
        keeping.keepFeature(profileId, code, feature.floating.timeoutMinutes);
      }
      return view(profileId);
    },

    async releaseFeature(profileId: string, code: string): Promise<LsLicenceDetails> {
      const key = await keyOf(profileId);
      const held = snapshots.of(profileId)?.heldFeatures.includes(code) ?? false;
      scheduler.untrack(featureEntry(profileId, code));
      try {
        await apiOf(profileId).releaseFeature(key, code);
      } catch (error) {
        const timeout = featureTimeoutOf(snapshots.of(profileId), code);
        if (held && timeout) keeping.keepFeature(profileId, code, timeout);
        throw error;
      }
      snapshots.setHeldFeature(profileId, code, false);
      snapshots.updateFeature(profileId, code, (known) =>
        known.floating ? { ...known, floating: slotGivenBack(known.floating) } : known,
      );
      return view(profileId);
    },

    async borrowFeature(
      profileId: string,
      code: string,
      until?: number,
    ): Promise<LsLicenceDetails> {
      const borrowed = await apiOf(profileId).borrowFeature(await keyOf(profileId), code, until);
      snapshots.updateFeature(profileId, code, (known) =>
        known.floating
          ? { ...known, floating: { ...known.floating, borrowedUntil: borrowed.borrowedUntil } }
          : known,
      );
      return view(profileId);
    },
  };
}
