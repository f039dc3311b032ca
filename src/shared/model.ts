import { z } from 'zod';
import { epochMs } from './epoch';
import { appErrorSchema } from './errors';
import { textSchema } from './text-schema';
import { vendorViewSchema } from './vendor-model';

/**
 * What the renderer may see. Everything here is safe to show: keys and tokens appear only as
 * masked labels, and no schema has room for a secret.
 */

export const BACKEND_KINDS = [
  'seats',
  'licensespring',
  'mobiusflow',
  'flecs',
  'eniris',
  'licence-file',
] as const;
export const backendKindSchema = z.enum(BACKEND_KINDS);
export type BackendKind = z.infer<typeof backendKindSchema>;

/** How a licence can be activated: a licence key, the user's account, or the device serial. */
export const ACTIVATION_METHODS = ['key', 'account', 'serial'] as const;
export type ActivationMethod = (typeof ACTIVATION_METHODS)[number];

/** A vendor's words in the other languages the app speaks (English is the field itself). */
export const translationsSchema = z
  .object({ de: z.object({ label: z.string(), description: z.string() }).partial() })
  .partial();
export type Translations = z.infer<typeof translationsSchema>;

export const profileViewSchema = z.object({
  id: z.string(),
  kind: backendKindSchema,
  label: z.string(),
  description: z.string().optional(),
  translations: translationsSchema.optional(),
  activationMethods: z.array(z.enum(ACTIVATION_METHODS)),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const LICENCE_MODES = ['activation', 'floating', 'file', 'unknown'] as const;
export type LicenceMode = (typeof LICENCE_MODES)[number];

export const SEAT_STATES = [
  'none', // no floating seat held
  'held', // a seat is held and heartbeats succeed
  'retrying', // heartbeats fail for a retryable reason; the seat is still within its grace window
  'lost', // the seat lapsed or was refused and could not be taken back
] as const;
export type SeatState = (typeof SEAT_STATES)[number];

export const seatViewSchema = z.object({
  state: z.enum(SEAT_STATES),
  /** When the server will let the seat go if we stop heartbeating. */
  expiresAt: epochMs.optional(),
  nextHeartbeatAt: epochMs.optional(),
  lastHeartbeatAt: epochMs.optional(),
  heartbeatIntervalMs: z.number().int().positive().optional(),
  /** A heartbeat failure while the seat is retrying or lost. */
  lastError: appErrorSchema.optional(),
});
export type SeatView = z.infer<typeof seatViewSchema>;

/** `invalid`: activated, but the server now says the licence is not valid (with a reason). */
export const LICENCE_STATUSES = ['inactive', 'active', 'invalid', 'expired', 'revoked'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const licenceViewSchema = z.object({
  profileId: z.string(),
  status: z.enum(LICENCE_STATUSES),
  /** Why the server says the licence is not valid (status `invalid`). */
  statusReason: z.string().optional(),
  /** `statusReason` as a text the screens translate, when the core worded it (else English). */
  statusReasonText: textSchema.optional(),
  mode: z.enum(LICENCE_MODES),
  /** The key as the user may see it, e.g. "FLOAT-•••••-•••••-5POOL". */
  keyLabel: z.string().optional(),
  licenseId: z.string().optional(),
  /** Absent: the licence does not expire. */
  expiresAt: epochMs.optional(),
  supportExpiresAt: epochMs.optional(),
  activeClients: z.number().int().nonnegative().optional(),
  maxClients: z.number().int().nonnegative().optional(),
  activatedAt: epochMs.optional(),
  lastCheckedAt: epochMs.optional(),
  seat: seatViewSchema,
});
export type LicenceView = z.infer<typeof licenceViewSchema>;

export const seatHolderViewSchema = z.object({
  /** Masked token, stable enough to tell rows apart. */
  tokenLabel: z.string(),
  kind: z.enum(['activation', 'floating']),
  clientName: z.string(),
  clientAddr: z.string().optional(),
  /** Masked machine id. */
  machineLabel: z.string(),
  issuedAt: epochMs.optional(),
  expiresAt: epochMs.optional(),
  lastHeartbeatAt: epochMs.optional(),
  revoked: z.boolean(),
  /** True for the seat this app instance holds. */
  isThisClient: z.boolean(),
});
export type SeatHolderView = z.infer<typeof seatHolderViewSchema>;

export const seatPoolViewSchema = z.object({
  licenseId: z.string(),
  activeClients: z.number().int().nonnegative(),
  maxClients: z.number().int().nonnegative(),
  holders: z.array(seatHolderViewSchema),
  checkedAt: epochMs,
});
export type SeatPoolView = z.infer<typeof seatPoolViewSchema>;

/** Eniris (Sofar): licences of the installer's account, activated and claimed for controllers. */
export const enirisAccountViewSchema = z.object({
  profileId: z.string(),
  signedIn: z.boolean(),
  /** The account name signed in with (not a secret). */
  username: z.string().optional(),
  signedInAt: epochMs.optional(),
});
export type EnirisAccountView = z.infer<typeof enirisAccountViewSchema>;

export const ENIRIS_LICENCE_STATES = ['not-activated', 'active', 'expired', 'deactivated'] as const;

export const enirisLicenceViewSchema = z.object({
  id: z.string(),
  /** Masked licence key. */
  keyLabel: z.string(),
  type: z.string(),
  state: z.enum(ENIRIS_LICENCE_STATES),
  /** Capacities in kW; null when the licence does not limit that kind. */
  gridKw: z.number().nullable(),
  solarKw: z.number().nullable(),
  batteryKw: z.number().nullable(),
  evKw: z.number().nullable(),
  createdAt: epochMs,
  activatedAt: epochMs.optional(),
  /** activatedAt + duration (days, the sandbox's reading of the contract). */
  expiresAt: epochMs.optional(),
  deactivatedAt: epochMs.optional(),
  durationDays: z.number().nonnegative(),
  /** Controllers (datalinks) the licence is claimed for, when the listing asked for them. */
  datalinks: z.array(z.string()).optional(),
});
export type EnirisLicenceView = z.infer<typeof enirisLicenceViewSchema>;

export const enirisLicenceListSchema = z.object({
  licences: z.array(enirisLicenceViewSchema),
  checkedAt: epochMs,
});
export type EnirisLicenceList = z.infer<typeof enirisLicenceListSchema>;

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  /** True when no vendor configuration exists and the built-in sandbox is serving the profiles. */
  demoMode: z.boolean(),
  /** Demo keys to show on screen in demo mode (they are public by design). */
  demoKeys: z.array(
    z.object({
      profileId: z.string(),
      label: z.string(),
      translations: translationsSchema.optional(),
      key: z.string(),
    }),
  ),
  fingerprint: z.object({
    /** A short prefix of the salted hash, for support conversations. */
    label: z.string(),
    source: z.enum(['machine-id', 'hostname']),
    /** English (CLI, log); the screens show `warningText` in their language when it is there. */
    warning: z.string().optional(),
    warningText: textSchema.optional(),
  }),
  secretStore: z.object({
    backend: z.string(),
    protected: z.boolean(),
    warning: z.string().optional(),
    warningText: textSchema.optional(),
  }),
  /**
   * One sentence per saved file found damaged and moved aside at this start (licence state, hub
   * inventory): what happened, where the damaged copy is kept, what to expect and what to do.
   * Empty when every file was read as saved.
   */
  storageWarnings: z.array(z.string()),
  /** The same warnings as texts, in the same order; null where one stays English. */
  storageWarningTexts: z.array(textSchema.nullable()).optional(),
  /** The vendor's branding (logo, accent, support contact), screens shown, update/telemetry switches. */
  vendor: vendorViewSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
