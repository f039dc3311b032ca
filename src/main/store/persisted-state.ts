import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { lsLicenceDetailsSchema } from '../../shared/licensespring-model';
import { LICENCE_MODES, LICENCE_STATUSES } from '../../shared/model';
import { textSchema } from '../../shared/text-schema';
import type { Wording } from '../../shared/text';
import { store } from '../../shared/texts/store.en';

/**
 * Everything the app remembers between runs that is not a secret. Secrets (keys and tokens) live
 * in the SecretStore under the names from `secretName`; this document only points at them.
 */
const epochMs = z.number().int().nonnegative();

export const persistedLicenceSchema = z.object({
  licenseId: z.string(),
  mode: z.enum(LICENCE_MODES),
  status: z.enum(LICENCE_STATUSES),
  statusReason: z.string().optional(),
  /** The same reason as a text the screens translate, when the core worded it. */
  statusReasonText: textSchema.optional(),
  keyLabel: z.string(),
  expiresAt: epochMs.optional(),
  supportExpiresAt: epochMs.optional(),
  activeClients: z.number().int().nonnegative(),
  maxClients: z.number().int().nonnegative(),
  activatedAt: epochMs,
  lastCheckedAt: epochMs,
});
export type PersistedLicence = z.infer<typeof persistedLicenceSchema>;

export const persistedLeaseSchema = z.object({
  licenseId: z.string(),
  expiresAt: epochMs,
  heartbeatIntervalMs: z.number().int().positive(),
  activeClients: z.number().int().nonnegative(),
  maxClients: z.number().int().nonnegative(),
  lastHeartbeatAt: epochMs,
});
export type PersistedLease = z.infer<typeof persistedLeaseSchema>;

/**
 * A LicenseSpring licence as last confirmed by the server, so the app can check it locally (expiry,
 * grace, clock moved back) while offline, and the floating feature slots it keeps alive.
 */
export const persistedLicenseSpringSchema = z.object({
  details: lsLicenceDetailsSchema,
  gracePeriodHours: z.number().nonnegative().optional(),
  /** The latest time this app has seen: a clock earlier than this was moved back. */
  highestSeenAt: epochMs,
  heldFeatures: z.array(z.string()).default([]),
  /** Activated from a response file without a network: no periodic server checks. */
  activatedOffline: z.boolean().default(false),
});
export type PersistedLicenseSpring = z.infer<typeof persistedLicenseSpringSchema>;

/**
 * A licence file imported on a `licence-file` profile. The signed file itself is kept in the
 * secret store and verified again on every read, so editing this entry changes nothing.
 */
export const persistedLicenceFileSchema = z.object({ importedAt: epochMs });

/** The latest time seen, with its MAC (offline/time-anchor.ts). */
const timeAnchorSchema = z.object({ latest: epochMs, mac: z.string().max(200) });

/**
 * Desktop integration (src/main/desktop): whether the person chose to start the app at login,
 * and when each profile's coming expiry was last announced (so a restart does not repeat it).
 */
const desktopStateSchema = z.object({
  startAtLogin: z.boolean().default(false),
  expiryNotices: z.record(z.string(), z.object({ licenseId: z.string(), at: epochMs })).default({}),
});
export type DesktopState = z.infer<typeof desktopStateSchema>;

/**
 * Records keyed by profile id, read without a prototype: a profile id comes from outside (IPC, the
 * CLI), and `licences['constructor']` on a plain object is Object's constructor, which would read
 * as a licence. With no prototype, only stored entries are there.
 */
const byProfileId = <T extends z.ZodType>(entry: T) =>
  z
    .record(z.string(), entry)
    .transform((record) => Object.assign(Object.create(null) as typeof record, record));

export const persistedStateSchema = z.object({
  version: z.literal(1),
  /** One id per installation: servers use it to tell this app instance from others on the machine. */
  clientId: z.string().uuid(),
  licences: byProfileId(persistedLicenceSchema),
  leases: byProfileId(persistedLeaseSchema),
  // prefault, not default: the empty record goes through the schema, so it has no prototype either.
  licenseSpring: byProfileId(persistedLicenseSpringSchema).prefault({}),
  licenceFiles: byProfileId(persistedLicenceFileSchema).prefault({}),
  timeAnchor: timeAnchorSchema.optional(),
  desktop: desktopStateSchema.optional(),
});
export type PersistedState = z.infer<typeof persistedStateSchema>;

export const emptyState = (): PersistedState =>
  persistedStateSchema.parse({ version: 1, clientId: randomUUID(), licences: {}, leases: {} });

export const secretName = {
  licenceKey: (profileId: string) => `licence-key:${profileId}`,
  activationToken: (profileId: string) => `activation-token:${profileId}`,
  seatToken: (profileId: string) => `seat-token:${profileId}`,
  licenceFile: (profileId: string) => `licence-file:${profileId}`,
} as const;

/**
 * The narrow persistence interface: the app backs it with electron-store, the CLI and tests with a
 * JSON file. Several processes may share one state (the CLI while `serve` runs), so nothing is
 * cached: `load` reads the current document, and `update` is a read-modify-write under a lock, so
 * one process never writes back another's stale copy. Neither throws for a damaged file: it is
 * quarantined and the state starts empty, and `recovery` says so for the UI.
 */
export interface StateStore {
  load(): PersistedState;
  update(change: (state: PersistedState) => void): PersistedState;
  readonly location: string;
  readonly recovery?: Wording;
}

/** How both state stores (the app's and the CLI's) name the state when they move a damaged one aside. */
export const STATE_RECOVERY = {
  what: store.licenceState(),
  afterRecovery: store.licenceStateRecovered(),
} as const;
