import { z } from 'zod';
import { epochMs } from './epoch';
import { appErrorSchema } from './errors';
import { textIssues } from './issue-text';
import { textSchema } from './text-schema';
import { hubs, hubsEn } from './texts/hubs.en';

/**
 * MobiusFlow hubs as the engineer's inventory and the fleet table see them. Passwords, tokens and
 * full licence codes stay in main: a hub shows its account name and a masked code only.
 */

const count = z.number().int().nonnegative();

export const HUB_ID_PATTERN = /^[0-9A-Fa-f]{6}$/;
/** Loose on purpose (CONTRACTS.md 1.4): hex groups joined by dashes, in either case. */
export const LICENCE_CODE_PATTERN = /^[0-9a-f]+(-[0-9a-f]+)+$/i;

/** What a hub reported about its licence (GET /api/v2/mobius/licence/{hid}). */
export const hubLicenceViewSchema = z.object({
  codeLabel: z.string(),
  type: z.string(),
  isValid: z.boolean(),
  isActive: z.boolean(),
  size: count,
  used: count,
  objectCount: count,
  isObjectBased: z.boolean(),
  pointsPerObject: z.number().nonnegative(),
  useCustomPointsMap: z.boolean(),
  /** The hub's own timestamp of the answer (`ts`). */
  reportedAt: epochMs,
});
export type HubLicenceView = z.infer<typeof hubLicenceViewSchema>;

export const HUB_SCHEMES = ['http', 'https'] as const;

export const hubViewSchema = z.object({
  /** Inventory id (not the hub's hid: two sites may reuse a hid). */
  id: z.string(),
  name: z.string(),
  site: z.string(),
  scheme: z.enum(HUB_SCHEMES),
  host: z.string(),
  port: z.number().int().min(1).max(65_535),
  /** Path prefix before /api (empty for a hub at the root). */
  basePath: z.string(),
  hid: z.string(),
  /** Marked by the engineer as on the site LAN: the only hubs plain http is allowed for. */
  lan: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  /** The pinned certificate (trust on first use), SHA-256 as colon-separated hex. */
  tlsFingerprint: z.string().optional(),
  licence: hubLicenceViewSchema.optional(),
  lastRefreshAt: epochMs.optional(),
  /** The last refresh failed with this; the licence above is from before. */
  lastError: appErrorSchema.optional(),
});
export type HubView = z.infer<typeof hubViewSchema>;

export const fleetProgressSchema = z.object({
  running: z.boolean(),
  total: count,
  done: count,
  failed: count,
  startedAt: epochMs.optional(),
  finishedAt: epochMs.optional(),
});
export type FleetProgress = z.infer<typeof fleetProgressSchema>;

export const hubListSchema = z.object({
  hubs: z.array(hubViewSchema),
  progress: fleetProgressSchema,
});
export type HubList = z.infer<typeof hubListSchema>;

/** Pushed while a refresh runs: the hubs that changed since the last event, and the progress. */
export const hubsChangedSchema = z.object({
  hubs: z.array(hubViewSchema),
  progress: fleetProgressSchema,
});
export type HubsChanged = z.infer<typeof hubsChangedSchema>;

/** What a hub's certificate says, for the engineer to compare before pinning it. */
export const hubCertificateSchema = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: epochMs,
  validTo: epochMs,
  selfSigned: z.boolean(),
  /** Matches the pinned fingerprint (false when none is pinned yet). */
  pinned: z.boolean(),
});
export type HubCertificate = z.infer<typeof hubCertificateSchema>;

export const hubCodeChangeSchema = z.object({
  hub: hubViewSchema,
  before: hubLicenceViewSchema.optional(),
  /** Read back from the hub after the change. */
  after: hubLicenceViewSchema,
});
export type HubCodeChange = z.infer<typeof hubCodeChangeSchema>;

export const hubImportResultSchema = z.object({
  added: count,
  updated: count,
  /** Lines that were not imported, with why (1-based, header is line 1; English, and the text). */
  rejected: z.array(
    z.object({
      line: z.number().int().positive(),
      message: z.string(),
      text: textSchema.optional(),
    }),
  ),
  hubs: z.array(hubViewSchema),
});
export type HubImportResult = z.infer<typeof hubImportResultSchema>;

/** The draft's own words; the renderer parses drafts too, so only the hubs area's English. */
const { saying } = textIssues({ hubs: hubsEn });

/**
 * A hub as the engineer types it (form, CSV line, CLI). The password is optional on edits: left
 * out, the stored one is kept. Plain http is refused unless the hub is marked as on the LAN.
 */
export const hubDraftSchema = z
  .object({
    name: z.string().trim().min(1, saying(hubs.nameMissing())).max(80),
    site: z.string().trim().max(80).default(''),
    scheme: z.enum(HUB_SCHEMES).default('https'),
    host: z
      .string()
      .trim()
      .min(1, saying(hubs.hostMissing()))
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, saying(hubs.hostShape())),
    port: z.number().int().min(1).max(65_535).default(8443),
    basePath: z
      .string()
      .trim()
      .max(200)
      .regex(/^(\/[A-Za-z0-9._~-]+)*$/, saying(hubs.basePathShape()))
      .default(''),
    hid: z.string().trim().regex(HUB_ID_PATTERN, saying(hubs.hidShape())),
    lan: z.boolean().default(false),
    username: z.string().min(1, saying(hubs.usernameMissing())).max(256),
    password: z.string().min(1).max(256).optional(),
  })
  .strict()
  .refine((hub) => hub.scheme === 'https' || hub.lan, {
    ...saying(hubs.httpOnlyOnLan()),
    path: ['scheme'],
  });
export type HubDraft = z.input<typeof hubDraftSchema>;
export type ParsedHubDraft = z.output<typeof hubDraftSchema>;
