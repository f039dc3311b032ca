import type { Clock } from '../../shared/clock';
import type {
  LsFeatureView,
  LsFloatingView,
  LsLicenceDetails,
  LsProductView,
} from '../../shared/licensespring-model';
import type { LicenceView } from '../../shared/model';
import { profileOfKind, type ProfileConfig } from '../config/vendor-config';
import {
  persistedLicenseSpringSchema,
  type PersistedLicenseSpring,
  type StateStore,
} from '../store/persisted-state';
import type { LicenseSpringBackend } from './backends/licensespring';
import { toActivationRecord } from './backends/licensespring-mapping';
import type { LsFeature, LsLicence } from './backends/licensespring-types';
import type { HeartbeatScheduler, LeaseTiming } from './heartbeat-scheduler';
import type { LicenceService } from './licence-service';
import {
  currentDetails,
  detailsOf,
  featureViewOf,
  meterOf,
  productViewOf,
} from './licensespring-views';
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
const HOUR = 60 * MINUTE;
/** The server's Date within this of our clock confirms our clock (LicenseSpring's own window). */
const CLOCK_TOLERANCE_MS = 15 * MINUTE;
/** A licence that does not float is still re-checked this often while the app runs. */
const CHECK_EVERY_MS = HOUR;

/** A floating slot lapses `timeoutMinutes` after the last check: check at half that, never under 30 s. */
const floatingTiming = (timeoutMinutes: number, now: number): LeaseTiming => ({
  expiresAt: now + timeoutMinutes * MINUTE,
  heartbeatIntervalMs: Math.max(30_000, (timeoutMinutes * MINUTE) / 2),
});

const licenceEntry = (profileId: string) => `ls-licence:${profileId}`;
const featureEntry = (profileId: string, code: string) => `ls-feature:${profileId}:${code}`;

/**
 * What LicenseSpring adds to an activation: licence details and features, floating slots kept
 * alive at the pace `floating_timeout` requires (through the one heartbeat scheduler, released on
 * quit), borrowing, consumption and trials. The last server answer is kept in the state document,
 * so the local check (expiry, grace, clock moved back) works offline.
 */
export function createLicenseSpringService(deps: LicenseSpringServiceDeps) {
  const { licences, state: store, scheduler, clock } = deps;

  const profileOf = (profileId: string): LicenseSpringProfile =>
    profileOfKind(deps.profiles, profileId, 'licensespring');
  /** The adapter's LicenseSpring calls for a profile, refused for a profile of another kind. */
  const apiOf = (profileId: string) => {
    profileOf(profileId);
    return (licences.backend(profileId) as LicenseSpringBackend).licenseSpring;
  };
  const snapshotOf = (profileId: string): PersistedLicenseSpring | undefined =>
    store.load().licenseSpring[profileId];
  const saveSnapshot = (
    profileId: string,
    change: (previous: PersistedLicenseSpring) => PersistedLicenseSpring,
  ): void => {
    store.update((state) => {
      const previous = state.licenseSpring[profileId];
      if (previous) state.licenseSpring[profileId] = checked(change(previous));
    });
  };

  // Renews in flight when the slot was released, the licence deactivated or the app is closing
  // must not keep their answer or schedule another check: each of those bumps the generation.
  let closing = false;
  const generations = new Map<string, number>();
  const generationOf = (profileId: string): number => generations.get(profileId) ?? 0;
  const bump = (profileId: string): void => {
    generations.set(profileId, generationOf(profileId) + 1);
  };

  const isHeld = (id: string): boolean => {
    const entry = scheduler.snapshot(id);
    return entry !== undefined && entry.state !== 'lost';
  };
  const view = (profileId: string): LsLicenceDetails => {
    const snapshot = snapshotOf(profileId);
    if (!snapshot) throw new LicensingError('not_activated', ls.notActivatedYet());
    const now = clock.now();
    // Remember the latest time seen, so a clock moved back later is noticed (a minute's precision
    // is plenty and keeps this from writing on every read).
    if (now > snapshot.highestSeenAt + MINUTE)
      saveSnapshot(profileId, (previous) => ({ ...previous, highestSeenAt: now }));
    const details = currentDetails(snapshot, now, {
      licence: isHeld(licenceEntry(profileId)),
      features: new Set(
        snapshot.heldFeatures.filter((code) => isHeld(featureEntry(profileId, code))),
      ),
    });
    return snapshot.activatedOffline ? { ...details, activatedOffline: true } : details;
  };

  const checking = new Set<string>();
  /** check_license through the licence service (status, dates), keeping the full answer here. */
  const check = async (profileId: string): Promise<LsLicenceDetails> => {
    const api = apiOf(profileId);
    const seen: { licence?: LsLicence } = {};
    const generation = generationOf(profileId);
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
    if (seen.licence && generation === generationOf(profileId) && !closing)
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
    store.update((state) => {
      const previous = state.licenseSpring[profileId];
      state.licenseSpring[profileId] = checked({
        details,
        gracePeriodHours: licence.gracePeriodHours,
        highestSeenAt: confirmed ? now : Math.max(previous?.highestSeenAt ?? 0, now),
        heldFeatures: previous?.heldFeatures ?? [],
        // An answer from the server means it is reachable: periodic checks apply again.
        activatedOffline: offline,
      });
    });
    // A server Date that agrees with our clock is the trusted time offline licences lack: it
    // clears a clock-moved-back mark (or a damaged record) in the tamper-evident record too.
    if (confirmed && !offline) void deps.timeAnchor.confirm(now).catch(() => undefined);
    keepChecking(profileId, licence.floating?.timeoutMinutes);
  };

  const keepChecking = (profileId: string, floatingTimeoutMinutes: number | undefined): void => {
    // A computer activated from a file may never reach the server: asking hourly would only fail.
    if (!deps.keepAlive || closing || snapshotOf(profileId)?.activatedOffline) return;
    const timing = (): LeaseTiming =>
      floatingTimeoutMinutes
        ? floatingTiming(floatingTimeoutMinutes, clock.now())
        : { expiresAt: clock.now() + 2 * CHECK_EVERY_MS, heartbeatIntervalMs: CHECK_EVERY_MS };
    if (scheduler.snapshot(licenceEntry(profileId))?.state === 'held') return;
    scheduler.track(licenceEntry(profileId), timing(), {
      renew: async () => {
        await check(profileId);
        return timing();
      },
      onChange: () => undefined,
    });
  };

  const keepFeature = (profileId: string, code: string, timeoutMinutes: number): void => {
    if (!deps.keepAlive || closing) return;
    scheduler.track(featureEntry(profileId, code), floatingTiming(timeoutMinutes, clock.now()), {
      renew: async () => {
        const feature = await apiOf(profileId).checkFeature(await keyOf(profileId), code);
        rememberFeature(profileId, code, feature);
        return floatingTiming(feature.floating?.timeoutMinutes ?? timeoutMinutes, clock.now());
      },
      onChange: () => undefined,
    });
  };

  /** A feature's fresh answer replaces what was known, except a borrow the answer cannot show. */
  const rememberFeature = (profileId: string, code: string, feature: LsFeature): void =>
    updateFeature(profileId, code, (known) => {
      const fresh = { ...featureViewOf(feature, clock.now()), lastCheckedAt: clock.now() };
      const borrowedUntil = known.floating?.borrowedUntil;
      return fresh.floating && borrowedUntil
        ? { ...fresh, floating: { ...fresh.floating, borrowedUntil } }
        : fresh;
    });

  const updateFeature = (
    profileId: string,
    code: string,
    change: (known: LsFeatureView) => LsFeatureView,
  ): void =>
    saveSnapshot(profileId, (previous) => ({
      ...previous,
      details: {
        ...previous.details,
        features: previous.details.features.map((known) =>
          known.code === code ? change(known) : known,
        ),
      },
    }));

  /**
   * The stored key, once the licence's terms are known here: a host without the background check
   * (a CLI run, or a call right after activating) reads them from the server first.
   */
  const keyOf = async (profileId: string): Promise<string> => {
    const key = await licences.storedKey(profileId);
    if (!snapshotOf(profileId)) await check(profileId);
    return key;
  };

  const setHeldFeature = (profileId: string, code: string, held: boolean): void =>
    saveSnapshot(profileId, (previous) => ({
      ...previous,
      heldFeatures: held
        ? [...new Set([...previous.heldFeatures, code])]
        : previous.heldFeatures.filter((known) => known !== code),
    }));

  const forget = (profileId: string): void => {
    bump(profileId);
    const snapshot = snapshotOf(profileId);
    scheduler.untrack(licenceEntry(profileId));
    for (const code of snapshot?.heldFeatures ?? [])
      scheduler.untrack(featureEntry(profileId, code));
    store.update((state) => void delete state.licenseSpring[profileId]);
  };

  licences.onChange(({ profileId, status }: LicenceView) => {
    if (
      !deps.profiles.some((profile) => profile.id === profileId && profile.kind === 'licensespring')
    )
      return;
    const known = snapshotOf(profileId) !== undefined;
    // A deactivation (here, or from the CLI) ends everything this service keeps.
    if (status === 'inactive' && known) forget(profileId);
    // A new activation: read its terms and start the periodic checks at once.
    if (status === 'active' && !known && !checking.has(profileId) && deps.keepAlive)
      void check(profileId).catch(() => undefined);
  });

  const service = {
    api: apiOf,

    async product(profileId: string): Promise<LsProductView> {
      return productViewOf(profileId, await apiOf(profileId).product());
    },

    /** The last server answer with a fresh local check; `refresh` asks the server first. */
    async details(profileId: string, refresh = false): Promise<LsLicenceDetails> {
      if (refresh || !snapshotOf(profileId)) return check(profileId);
      const details = view(profileId);
      if (!snapshotOf(profileId)?.activatedOffline) return details;
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
      bump(profileId);
      try {
        await apiOf(profileId).release(key);
      } catch (error) {
        // Still ours: keep it alive, and let the person try again.
        keepChecking(profileId, snapshotOf(profileId)?.details.floating?.timeoutMinutes);
        throw error;
      }
      saveSnapshot(profileId, (previous) => {
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
      if (feature) updateFeature(profileId, feature, (known) => ({ ...known, consumption: meter }));
      else
        saveSnapshot(profileId, (previous) => ({
          ...previous,
          details: { ...previous.details, consumption: meter },
        }));
      return view(profileId);
    },

    /** check_license_feature: a floating feature takes a slot, kept alive until released. */
    async checkFeature(profileId: string, code: string): Promise<LsLicenceDetails> {
      const feature = await apiOf(profileId).checkFeature(await keyOf(profileId), code);
      rememberFeature(profileId, code, feature);
      // Only a long-running host keeps the slot; a CLI check lets it lapse (or `feature release`).
      if (feature.floating && deps.keepAlive) {
        setHeldFeature(profileId, code, true);
        keepFeature(profileId, code, feature.floating.timeoutMinutes);
      }
      return view(profileId);
    },

    async releaseFeature(profileId: string, code: string): Promise<LsLicenceDetails> {
      const key = await keyOf(profileId);
      const held = snapshotOf(profileId)?.heldFeatures.includes(code) ?? false;
      scheduler.untrack(featureEntry(profileId, code));
      try {
        await apiOf(profileId).releaseFeature(key, code);
      } catch (error) {
        const timeout = featureTimeoutOf(snapshotOf(profileId), code);
        if (held && timeout) keepFeature(profileId, code, timeout);
        throw error;
      }
      setHeldFeature(profileId, code, false);
      updateFeature(profileId, code, (known) =>
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
      updateFeature(profileId, code, (known) =>
        known.floating
          ? { ...known, floating: { ...known.floating, borrowedUntil: borrowed.borrowedUntil } }
          : known,
      );
      return view(profileId);
    },

    /** Long-running hosts: keep checking activated licences and held feature slots. */
    restore(): void {
      if (!deps.keepAlive) return;
      for (const [profileId, snapshot] of Object.entries(store.load().licenseSpring)) {
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
      const details = profileId ? snapshotOf(profileId)?.details : undefined;
      if (!profileId || !details) return;
      const api = apiOf(profileId);
      const borrowed = (until: number | undefined) => until !== undefined && until > clock.now();
      if (kind === 'ls-licence' && details.floating && !borrowed(details.floating.borrowedUntil))
        await api.release(await keyOf(profileId));
      const feature = details.features.find((known) => known.code === code);
      if (kind === 'ls-feature' && feature && !borrowed(feature.floating?.borrowedUntil)) {
        await api.releaseFeature(await keyOf(profileId), code);
        setHeldFeature(profileId, code, false);
      }
    },
  };
  return service;
}

/**
 * A slot this computer gave back: one fewer in use (as far as we know without asking, which would
 * take a slot again), and no borrow left (a release ends it).
 */
function slotGivenBack<F extends LsFloatingView>(floating: F): F {
  const inUse = floating.inUse === undefined ? undefined : Math.max(0, floating.inUse - 1);
  return { ...floating, inUse, borrowedUntil: undefined };
}

const featureTimeoutOf = (snapshot: PersistedLicenseSpring | undefined, code: string) =>
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

function requireKey(key: string | undefined): string {
  if (!key) throw new LicensingError('not_activated', ls.keyNotStored());
  return key;
}

export type LicenseSpringService = ReturnType<typeof createLicenseSpringService>;
