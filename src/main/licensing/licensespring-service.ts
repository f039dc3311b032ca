import type { Clock } from '../../shared/clock';
import type { LsLicenceDetails, LsProductView } from '../../shared/licensespring-model';
import type { LicenceView } from '../../shared/model';
import { profileOfKind, type ProfileConfig } from '../config/vendor-config';
import type { StateStore } from '../store/persisted-state';
import type { LicenseSpringBackend } from './backends/licensespring';
import { toActivationRecord } from './backends/licensespring-mapping';
import type { LsLicence } from './backends/licensespring-types';
import type { HeartbeatScheduler } from './heartbeat-scheduler';
import type { LicenceService } from './licence-service';
import { createLicenseSpringFeatures } from './licensespring-features';
import {
  createLicenseSpringKeepAlive,
  featureEntry,
  licenceEntry,
} from './licensespring-keep-alive';
import { createLicenseSpringSnapshots, slotGivenBack } from './licensespring-snapshots';
import { currentDetails, detailsOf, meterOf, productViewOf } from './licensespring-views';
import { licensespring as ls } from '../../shared/texts/licensespring.en';
import { LicensingError } from './licensing-error';
import { anchorText, describeAnchor, type TimeAnchor } from '../offline/time-anchor';

type LicenseSpringProfile = Extract<ProfileConfig, { kind: 'licensespring' }>;

export interface LicenseSpringServiceDeps {
  readonly licences: LicenceService;
  readonly profiles: readonly ProfileConfig[];
  readonly state: StateStore;
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
  /** Long-running hosts keep floating slots alive and check licences periodically. */
  readonly keepAlive: boolean;
  /** The latest time this computer has seen, for licences activated offline. */
  readonly timeAnchor: Pick<TimeAnchor, 'observe' | 'confirm'>;
}

const MINUTE = 60_000;
/** The server's Date within this of our clock confirms our clock (LicenseSpring's own window). */
const CLOCK_TOLERANCE_MS = 15 * MINUTE;

/**
 * What LicenseSpring adds to an activation: licence details and features, floating slots kept
 * alive at the pace `floating_timeout` requires (through the one heartbeat scheduler, released on
 * quit), borrowing, consumption and trials. The last server answer is kept in the state document,
 * so the local check (expiry, grace, clock moved back) works offline. The licence itself is handled
 * here; the kept answers (licensespring-snapshots.ts), what is kept alive and given back on quit
 * (licensespring-keep-alive.ts) and the features (licensespring-features.ts) have their modules.
 */
export function createLicenseSpringService(deps: LicenseSpringServiceDeps) {
  const { licences, scheduler, clock } = deps;
  const snapshots = createLicenseSpringSnapshots(deps.state);
  const keeping = createLicenseSpringKeepAlive({
    ...{ scheduler, clock, keepAlive: deps.keepAlive, profiles: deps.profiles, snapshots },
    apiOf: (profileId) => apiOf(profileId),
    keyOf: (profileId) => keyOf(profileId),
    check: (profileId) => check(profileId),
    checkFeature: (profileId, code) => features.recheck(profileId, code),
  });

  const profileOf = (profileId: string): LicenseSpringProfile =>
    profileOfKind(deps.profiles, profileId, 'licensespring');
  /** The adapter's LicenseSpring calls for a profile, refused for a profile of another kind. */
  const apiOf = (profileId: string) => {
    profileOf(profileId);
    return (licences.backend(profileId) as LicenseSpringBackend).licenseSpring;
  };
  const view = (profileId: string): LsLicenceDetails => {
    const snapshot = snapshots.of(profileId);
    if (!snapshot) throw new LicensingError('not_activated', ls.notActivatedYet());
    const now = clock.now();
    // Remember the latest time seen, so a clock moved back later is noticed (a minute's precision
    // is plenty and keeps this from writing on every read).
    if (now > snapshot.highestSeenAt + MINUTE)
      snapshots.change(profileId, (previous) => ({ ...previous, highestSeenAt: now }));
    const details = currentDetails(snapshot, now, {
      licence: keeping.isHeld(licenceEntry(profileId)),
      features: new Set(
        snapshot.heldFeatures.filter((code) => keeping.isHeld(featureEntry(profileId, code))),
      ),
    });
    return snapshot.activatedOffline ? { ...details, activatedOffline: true } : details;
  };

  const checking = new Set<string>();
  /** check_license through the licence service (status, dates), keeping the full answer here. */
  const check = async (profileId: string): Promise<LsLicenceDetails> => {
    const api = apiOf(profileId);
    const seen: { licence?: LsLicence } = {};
    const generation = keeping.generationOf(profileId);
    checking.add(profileId);
    try {
      await licences.checkWith(profileId, async (key) => {
        const licence = await api.check(requireKey(key));
        seen.licence = licence;
        return toActivationRecord(licence);
      });
    } finally {
      checking.delete(profileId);
    }
    if (seen.licence && generation === keeping.generationOf(profileId) && !keeping.isClosing())
      remember(profileId, seen.licence);
    return view(profileId);
  };

  const remember = (profileId: string, licence: LsLicence, offline = false): void => {
    const now = clock.now();
    const details = detailsOf(profileId, licence, {
      checkedAt: now,
      canConsume: profileOf(profileId).allowConsumption,
    });
    // The server's Date agreeing with our clock confirms it: a mark left by a clock that ran
    // ahead is cleared. Otherwise only our own clock counts (the server may be minutes ahead).
    const confirmed =
      licence.serverTime !== undefined && Math.abs(licence.serverTime - now) <= CLOCK_TOLERANCE_MS;
    snapshots.write(profileId, (previous) => ({
      details,
      gracePeriodHours: licence.gracePeriodHours,
      highestSeenAt: confirmed ? now : Math.max(previous?.highestSeenAt ?? 0, now),
      heldFeatures: previous?.heldFeatures ?? [],
      // An answer from the server means it is reachable: periodic checks apply again.
      activatedOffline: offline,
    }));
    // A server Date that agrees with our clock is the trusted time offline licences lack: it
    // clears a clock-moved-back mark (or a damaged record) in the tamper-evident record too.
    if (confirmed && !offline) void deps.timeAnchor.confirm(now).catch(() => undefined);
    keeping.keepChecking(profileId, licence.floating?.timeoutMinutes);
  };

  /**
   * The stored key, once the licence's terms are known here: a host without the background check
   * (a CLI run, or a call right after activating) reads them from the server first.
   */
  const keyOf = async (profileId: string): Promise<string> => {
    const key = await licences.storedKey(profileId);
    if (!snapshots.of(profileId)) await check(profileId);
    return key;
  };

  const forget = (profileId: string): void => {
    keeping.bump(profileId);
    const snapshot = snapshots.of(profileId);
    scheduler.untrack(licenceEntry(profileId));
    for (const code of snapshot?.heldFeatures ?? [])
      scheduler.untrack(featureEntry(profileId, code));
    snapshots.remove(profileId);
  };

  licences.onChange(({ profileId, status }: LicenceView) => {
    if (
      !deps.profiles.some((profile) => profile.id === profileId && profile.kind === 'licensespring')
    )
      return;
    const known = snapshots.of(profileId) !== undefined;
    // A deactivation (here, or from the CLI) ends everything this service keeps.
    if (status === 'inactive' && known) forget(profileId);
    // A new activation: read its terms and start the periodic checks at once.
    if (status === 'active' && !known && !checking.has(profileId) && deps.keepAlive)
      void check(profileId).catch(() => undefined);
  });

  const features = createLicenseSpringFeatures({
    ...{ clock, keepAlive: deps.keepAlive, scheduler, snapshots, keeping },
    ...{ apiOf, keyOf, view },
  });

  const service = {
    api: apiOf,

    async product(profileId: string): Promise<LsProductView> {
      return productViewOf(profileId, await apiOf(profileId).product());
    },

    /** The last server answer with a fresh local check; `refresh` asks the server first. */
    async details(profileId: string, refresh = false): Promise<LsLicenceDetails> {
      if (refresh || !snapshots.of(profileId)) return check(profileId);
      const details = view(profileId);
      if (!snapshots.of(profileId)?.activatedOffline) return details;
      // Activated from a file, this licence has no server to confirm the clock: the tamper-evident
      // record of the latest time seen decides whether the clock can be trusted.
      const clockCheck = await deps.timeAnchor.observe();
      return clockCheck.state === 'ok'
        ? details
        : {
            ...details,
            localCheck: {
              state: 'clock_moved_back',
              message: describeAnchor(clockCheck),
              text: anchorText(clockCheck),
            },
          };
    },

    /**
     * An activation read from a verified offline response file: recorded through `record` (the
     * licence service) without the usual first check with the server, then kept like a checked one.
     */
    async adoptOffline(
      profileId: string,
      licence: LsLicence,
      record: () => Promise<LicenceView>,
    ): Promise<LicenceView> {
      profileOf(profileId);
      checking.add(profileId);
      let recorded: LicenceView;
      try {
        recorded = await record();
      } finally {
        checking.delete(profileId);
      }
      remember(profileId, licence, true);
      await deps.timeAnchor.observe();
      return recorded;
    },

    /** Asks the server for this computer's trial key, activates it and reads its terms. */
    async startTrial(profileId: string, email?: string): Promise<LicenceView> {
      if (profileOf(profileId).authorizationMethod === 'user')
        throw new LicensingError('invalid_input', ls.trialNeedsAccount());
      const key = await apiOf(profileId).trialKey(email);
      const activated = await licences.activate(profileId, { method: 'key', key });
      await check(profileId);
      return activated;
    },

    async borrow(profileId: string, until?: number): Promise<LsLicenceDetails> {
      await apiOf(profileId).borrow(await keyOf(profileId), until);
      return check(profileId);
    },

    /** Gives the floating slot back now; the next check (or "Check with server") takes one again. */
    async release(profileId: string): Promise<LsLicenceDetails> {
      const key = await keyOf(profileId);
      scheduler.untrack(licenceEntry(profileId));
      keeping.bump(profileId);
      try {
        await apiOf(profileId).release(key);
      } catch (error) {
        // Still ours: keep it alive, and let the person try again.
        keeping.keepChecking(profileId, snapshots.of(profileId)?.details.floating?.timeoutMinutes);
        throw error;
      }
      snapshots.change(profileId, (previous) => {
        const { floating } = previous.details;
        return floating
          ? { ...previous, details: { ...previous.details, floating: slotGivenBack(floating) } }
          : previous;
      });
      return view(profileId);
    },

    async consume(profileId: string, amount: number, feature?: string): Promise<LsLicenceDetails> {
      if (!profileOf(profileId).allowConsumption)
        throw new LicensingError('invalid_input', ls.consumptionNotAllowed());
      const api = apiOf(profileId);
      const key = await keyOf(profileId);
      const meter = meterOf(
        feature ? await api.consumeFeature(key, feature, amount) : await api.consume(key, amount),
      );
      if (feature)
        snapshots.updateFeature(profileId, feature, (known) => ({ ...known, consumption: meter }));
      else
        snapshots.change(profileId, (previous) => ({
          ...previous,
          details: { ...previous.details, consumption: meter },
        }));
      return view(profileId);
    },

    checkFeature: features.checkFeature,
    releaseFeature: features.releaseFeature,
    borrowFeature: features.borrowFeature,

    restore: keeping.restore,
    close: keeping.close,
    releaseEntry: keeping.releaseEntry,
  };
  return service;
}

function requireKey(key: string | undefined): string {
  if (!key) throw new LicensingError('not_activated', ls.keyNotStored());
  return key;
}

export type LicenseSpringService = ReturnType<typeof createLicenseSpringService>;
