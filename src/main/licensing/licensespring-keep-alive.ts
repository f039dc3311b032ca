import type { Clock } from '../../shared/clock';
import type { ProfileConfig } from '../config/vendor-config';
import type { LicenseSpringCapability } from './backends/licensespring';
import type { LsFeature } from './backends/licensespring-types';
import type { HeartbeatScheduler, LeaseTiming } from './heartbeat-scheduler';
import { featureTimeoutOf, type LicenseSpringSnapshots } from './licensespring-snapshots';

/**
 * What the LicenseSpring service keeps alive through the one heartbeat scheduler: each activated
 * licence's check, at the pace `floating_timeout` requires for a floating one, and the slot of each
 * floating feature held. They resume after a restart and are given back on quit. Entries are
 * `ls-licence:<profile>` and `ls-feature:<profile>:<code>`. Only long-running hosts keep anything
 * alive.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A licence that does not float is still re-checked this often while the app runs. */
const CHECK_EVERY_MS = HOUR;

/** A floating slot lapses `timeoutMinutes` after the last check: check at half that, never under 30 s. */
const floatingTiming = (timeoutMinutes: number, now: number): LeaseTiming => ({
  expiresAt: now + timeoutMinutes * MINUTE,
  heartbeatIntervalMs: Math.max(30_000, (timeoutMinutes * MINUTE) / 2),
});

export const licenceEntry = (profileId: string) => `ls-licence:${profileId}`;
export const featureEntry = (profileId: string, code: string) => `ls-feature:${profileId}:${code}`;

export function createLicenseSpringKeepAlive(deps: {
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
  /** Long-running hosts keep floating slots alive and check licences periodically. */
  readonly keepAlive: boolean;
  readonly profiles: readonly ProfileConfig[];
  readonly snapshots: Pick<LicenseSpringSnapshots, 'of' | 'all' | 'setHeldFeature'>;
  readonly apiOf: (profileId: string) => LicenseSpringCapability;
  readonly keyOf: (profileId: string) => Promise<string>;
  /** Checks the licence with the server, keeping the answer. */
  readonly check: (profileId: string) => Promise<unknown>;
  /** Checks a feature with the server (a floating one takes its slot again), keeping the answer. */
  readonly checkFeature: (profileId: string, code: string) => Promise<LsFeature>;
}) {
  const { scheduler, clock } = deps;

  // Renews in flight when the slot was released, the licence deactivated or the app is closing
  // must not keep their answer or schedule another check: each of those bumps the generation.
  let closing = false;
  const generations = new Map<string, number>();
  const generationOf = (profileId: string): number => generations.get(profileId) ?? 0;

  const keepChecking = (profileId: string, floatingTimeoutMinutes: number | undefined): void => {
    // A computer activated from a file may never reach the server: asking hourly would only fail.
    if (!deps.keepAlive || closing || deps.snapshots.of(profileId)?.activatedOffline) return;
    const timing = (): LeaseTiming =>
      floatingTimeoutMinutes
        ? floatingTiming(floatingTimeoutMinutes, clock.now())
        : { expiresAt: clock.now() + 2 * CHECK_EVERY_MS, heartbeatIntervalMs: CHECK_EVERY_MS };
    if (scheduler.snapshot(licenceEntry(profileId))?.state === 'held') return;
    scheduler.track(licenceEntry(profileId), timing(), {
      renew: async () => {
        await deps.check(profileId);
        return timing();
      },
      onChange: () => undefined,
    });
  };

  const keepFeature = (profileId: string, code: string, timeoutMinutes: number): void => {
    if (!deps.keepAlive || closing) return;
    scheduler.track(featureEntry(profileId, code), floatingTiming(timeoutMinutes, clock.now()), {
      renew: async () => {
        const feature = await deps.checkFeature(profileId, code);
        return floatingTiming(feature.floating?.timeoutMinutes ?? timeoutMinutes, clock.now());
      },
      onChange: () => undefined,
    });
  };

  return {
    generationOf,
    bump(profileId: string): void {
      generations.set(profileId, generationOf(profileId) + 1);
    },
    isClosing: (): boolean => closing,

    /** The scheduler keeps this entry alive, and has not lost it. */
    isHeld(id: string): boolean {
      const entry = scheduler.snapshot(id);
      return entry !== undefined && entry.state !== 'lost';
    },

    keepChecking,
    keepFeature,

    /** Long-running hosts: keep checking activated licences and held feature slots. */
    restore(): void {
      if (!deps.keepAlive) return;
      for (const [profileId, snapshot] of deps.snapshots.all()) {
        if (!deps.profiles.some((profile) => profile.id === profileId)) continue;
        keepChecking(profileId, snapshot.details.floating?.timeoutMinutes);
        for (const code of snapshot.heldFeatures) {
          const timeout = featureTimeoutOf(snapshot, code);
          if (timeout) {
            keepFeature(profileId, code, timeout);
            void scheduler.renewNow(featureEntry(profileId, code));
          }
        }
      }
    },

    /** On quit, before the scheduler's release: no answer in flight schedules anything again. */
    close(): void {
      closing = true;
    },

    /**
     * On quit, through the scheduler's bounded release: give floating slots back, except borrowed
     * ones (a borrow is for when the app is not running).
     */
    async releaseEntry(id: string): Promise<void> {
      // Profile ids have no colon; a feature code might, so it is the rest of the id.
      const [kind, profileId, ...rest] = id.split(':');
      const code = rest.join(':');
      const details = profileId ? deps.snapshots.of(profileId)?.details : undefined;
      if (!profileId || !details) return;
      const api = deps.apiOf(profileId);
      const borrowed = (until: number | undefined) => until !== undefined && until > clock.now();
      if (kind === 'ls-licence' && details.floating && !borrowed(details.floating.borrowedUntil))
        await api.release(await deps.keyOf(profileId));
      const feature = details.features.find((known) => known.code === code);
      if (kind === 'ls-feature' && feature && !borrowed(feature.floating?.borrowedUntil)) {
        await api.releaseFeature(await deps.keyOf(profileId), code);
        deps.snapshots.setHeldFeature(profileId, code, false);
      }
    },
  };
}

export type LicenseSpringKeepAlive = ReturnType<typeof createLicenseSpringKeepAlive>;
