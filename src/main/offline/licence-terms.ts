import { z } from 'zod';
import { MAX_EPOCH_MS } from '../../shared/epoch';
import { issueText, textIssues } from '../../shared/issue-text';
import { numberedProblems } from '../../shared/texts/numbered-problems';
import { MAX_FILE_ISSUES, offline, offlineEn } from '../../shared/texts/offline.en';

/**
 * What a licence file grants (its signed payload): the schema both sides check, and the
 * conversion between the typed terms (epoch milliseconds) and the payload (ISO instants, so a
 * person reading the file sees dates). The envelope around it is in licence-file.ts.
 */

/** The same rule as the vendor configuration's productId: the product a licence is for. */
export const PRODUCT_CODE = /^[A-Za-z0-9._-]{3,100}$/;
export const FEATURE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** What `license-manager fingerprint` prints: HMAC-SHA256, lower-case hex. */
export const FINGERPRINT = /^[0-9a-f]{64}$/;
const MAX_FEATURES = 200;
const MAX_GRACE_DAYS = 365;

const { saying, customIssue } = textIssues({ offline: offlineEn });

// C0 controls, DEL and C1 controls: never part of a name, often pasted by accident.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Lone surrogates all encode to U+FFFD: two different strings would sign the same bytes. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

/** Exactly what Date#toISOString writes (UTC, milliseconds, 4-digit year): one text per instant. */
const isoInstant = z
  .string()
  .refine(
    (text) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) &&
      new Date(text).toISOString() === text,
    saying(offline.termsInstant()),
  );

/** Who the licence is for; both parts optional (`{}`: the vendor did not name anyone). */
const licenseeSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .refine(
        (name) => name === name.trim() && !CONTROL_CHARACTERS.test(name) && wellFormed(name),
        saying(offline.termsPrintable()),
      )
      .optional(),
    email: z.email(saying(offline.termsEmail())).max(254).optional(),
  })
  .strict();

export const licencePayloadSchema = z
  .object({
    id: z.uuid(),
    product: z.string().regex(PRODUCT_CODE, saying(offline.termsProduct())),
    licensee: licenseeSchema,
    features: z
      .array(z.string().regex(FEATURE_CODE, saying(offline.termsFeature())))
      .max(MAX_FEATURES)
      .refine((codes) => new Set(codes).size === codes.length, saying(offline.termsFeatureOnce())),
    issuedAt: isoInstant,
    /** null: perpetual. */
    expiresAt: isoInstant.nullable(),
    /** Days the licence keeps working after expiresAt; only when the vendor grants them. */
    graceDays: z.number().int().min(1).max(MAX_GRACE_DAYS).optional(),
    /** The machine the licence is locked to; absent: any machine. */
    fingerprint: z.string().regex(FINGERPRINT, saying(offline.termsFingerprint())).optional(),
  })
  .strict()
  .superRefine((payload, ctx) => {
    if (payload.expiresAt !== null && payload.expiresAt <= payload.issuedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        ...customIssue(offline.termsExpiresAfterIssue()),
      });
    }
    if (payload.graceDays !== undefined && payload.expiresAt === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['graceDays'],
        ...customIssue(offline.termsGraceNeedsExpiry()),
      });
    }
  });

export type LicencePayload = z.infer<typeof licencePayloadSchema>;

export interface Licensee {
  readonly name?: string;
  readonly email?: string;
}

/** What the vendor grants; signLicence adds the id and the issue time. */
export interface LicenceTerms {
  readonly product: string;
  readonly licensee: Licensee;
  readonly features: readonly string[];
  /** Epoch ms; null: perpetual. */
  readonly expiresAt: number | null;
  readonly graceDays?: number;
  readonly fingerprint?: string;
}

/** A licence whose signature, product and machine were checked. Expiry is the caller's call. */
export interface VerifiedLicence extends LicenceTerms {
  readonly id: string;
  /** Epoch ms. */
  readonly issuedAt: number;
  /** The signing key (keyIdOf): which vendor key issued it. */
  readonly keyId: string;
}

/** Invalid instants become text the schema refuses, rather than a RangeError from toISOString. */
const isoOf = (ms: number): string =>
  Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? new Date(ms).toISOString() : String(ms);

/** Optional fields are left out when absent, so the file says only what was granted. */
export const toPayload = (terms: LicenceTerms, id: string, now: number): unknown => ({
  id,
  product: terms.product,
  licensee: {
    ...(terms.licensee.name !== undefined && { name: terms.licensee.name }),
    ...(terms.licensee.email !== undefined && { email: terms.licensee.email }),
  },
  features: [...terms.features],
  issuedAt: isoOf(now),
  expiresAt: terms.expiresAt === null ? null : isoOf(terms.expiresAt),
  ...(terms.graceDays !== undefined && { graceDays: terms.graceDays }),
  ...(terms.fingerprint !== undefined && { fingerprint: terms.fingerprint }),
});

export const fromPayload = (payload: LicencePayload, keyId: string): VerifiedLicence => ({
  id: payload.id,
  product: payload.product,
  licensee: payload.licensee,
  features: payload.features,
  issuedAt: Date.parse(payload.issuedAt),
  expiresAt: payload.expiresAt === null ? null : Date.parse(payload.expiresAt),
  ...(payload.graceDays !== undefined && { graceDays: payload.graceDays }),
  ...(payload.fingerprint !== undefined && { fingerprint: payload.fingerprint }),
  keyId,
});

/** The first few problems, each a field and what is wrong (from a parse with `issuesAsTexts`). */
export const describeIssues = (error: z.ZodError) =>
  numberedProblems(
    error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issueText(issue) })),
    MAX_FILE_ISSUES,
  );
