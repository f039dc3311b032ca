import { z } from 'zod';
import { epochMs } from './epoch';
import { textSchema } from './text-schema';

/**
 * Offline activation as the renderer sees it: request files with the QR codes that carry them,
 * and vendor-signed licence files. Nothing here is a secret: a request file names the licence
 * key, which the person typed, and travels to the vendor's portal by their own hand.
 */

/** Most codes a request is split into: more would be no easier than carrying the file. */
export const MAX_QR_CODES = 99;
/** Bytes one code may carry (a version-40 code holds 2,331 bytes at level M). */
export const MAX_QR_CONTENT = 2_000;

/** One QR code: its dark modules as an SVG path in a `size`×`size` box, without quiet zone. */
export const qrCodeSchema = z.object({
  /** 1-based position when a file needs several codes. */
  index: z.number().int().min(1).max(MAX_QR_CODES),
  total: z.number().int().min(1).max(MAX_QR_CODES),
  /** What a scanner reads: the text itself, or one headed part of it. */
  content: z.string().min(1).max(MAX_QR_CONTENT),
  /** Modules a side (version 1 is 21, version 40 is 177). */
  size: z.number().int().min(21).max(177),
  /** SVG path data covering the dark modules (the worst case of the largest code fits). */
  path: z.string().max(300_000),
});
export type QrCode = z.infer<typeof qrCodeSchema>;

/** A file for the vendor's offline portal, and the same text as QR codes for a phone. */
export const offlineRequestSchema = z.object({
  fileName: z.string().max(200),
  text: z.string().max(64_000),
  qrCodes: z.array(qrCodeSchema).max(MAX_QR_CODES),
});
export type OfflineRequest = z.infer<typeof offlineRequestSchema>;

/**
 * - `valid`: in date;
 * - `expiring`: in date, but expiry is near (the vendor sets how near);
 * - `grace`: past expiry, inside the grace period the licence itself grants;
 * - `expired`: past expiry and any grace;
 * - `suspended`: this computer's clock cannot be trusted (moved back, or its record altered), so
 *   the licence is not used until the clock is right again.
 */
export const FILE_LICENCE_STATES = ['valid', 'expiring', 'grace', 'expired', 'suspended'] as const;
export type FileLicenceState = (typeof FILE_LICENCE_STATES)[number];

export const fileLicenceViewSchema = z.object({
  profileId: z.string(),
  productCode: z.string(),
  /** This computer's fingerprint, which the vendor locks a licence file to. */
  fingerprint: z.string(),
  licence: z
    .object({
      id: z.string(),
      licensee: z.object({ name: z.string().optional(), email: z.string().optional() }),
      features: z.array(z.string()),
      issuedAt: epochMs,
      /** Absent: perpetual. */
      expiresAt: epochMs.optional(),
      graceDays: z.number().int().nonnegative().optional(),
      nodeLocked: z.boolean(),
      importedAt: epochMs,
      state: z.enum(FILE_LICENCE_STATES),
      /** One sentence on the state, with what to do when there is something to do (English). */
      message: z.string(),
      /** The same sentence for the screen to say in its language. */
      text: textSchema.optional(),
    })
    .optional(),
});
export type FileLicenceView = z.infer<typeof fileLicenceViewSchema>;

/** Request and licence files are small; anything bigger is not one (checked again in main). */
export const MAX_LICENCE_FILE_CHARS = 1_048_576;
