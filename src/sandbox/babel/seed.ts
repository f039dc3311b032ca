import { z } from 'zod';
import { describeIssues } from '../faults';
import demoSeedFile from './demo-seed.json';
import { LICENSE_ID_PATTERN, USER_KEY_PATTERN } from './wire';

/**
 * The licences a Babel sandbox starts with. Dates may be relative to the sandbox clock at start
 * (`expiresInDays`, negative = already expired) so the demo seed never goes stale, or absolute
 * ISO-8601 instants for tests that need fixed dates. Holders are simulated colleagues who already
 * hold seats or slots when the server starts.
 */

const userKey = z
  .string()
  .regex(
    USER_KEY_PATTERN,
    'must look like XXXXX-XXXXX-XXXXX-XXXXX (upper-case letters and digits)',
  );
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });
const days = z.number().finite();
const comment = z.string().optional();

const holderSchema = z.strictObject({
  $comment: comment,
  clientName: z.string().min(1),
  clientId: z.string().min(1).optional(),
  machineId: z.string().min(1).optional(),
  /** Where the colleague seems to connect from; documentation range (RFC 5737) by default. */
  clientAddr: z.string().min(1).optional(),
  /** How long ago the colleague took the seat, so the demo shows a plausible "since". */
  heldForMinutes: z.number().nonnegative().default(60),
});

const licenseSchema = z
  .strictObject({
    $comment: comment,
    userKey,
    licenseId: z
      .string()
      .regex(LICENSE_ID_PATTERN, 'must look like lic + 8 upper-case hex digits')
      .optional(),
    /** 0 = File, 1 = Activation, 2 = Floating (our ASSUME numbering; the vendor does not publish it). */
    licensingMode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    maxClientCount: z.number().int().positive(),
    revoked: z.boolean().default(false),
    /** Makes activate/request/validate answer LicenseTampered, so adapters can test DataLoss. */
    tampered: z.boolean().default(false),
    product: z.string().min(1).default('Babel Demo Product'),
    licensee: z.string().min(1).default('Demo Customer'),
    issuedAt: isoInstant.optional(),
    issuedDaysAgo: days.nonnegative().optional(),
    expireAt: isoInstant.optional(),
    expiresInDays: days.optional(),
    supportExpireAt: isoInstant.optional(),
    supportExpiresInDays: days.optional(),
    holders: z.array(holderSchema).default([]),
  })
  .superRefine((licence, ctx) => {
    const pairs = [
      ['issuedAt', 'issuedDaysAgo'],
      ['expireAt', 'expiresInDays'],
      ['supportExpireAt', 'supportExpiresInDays'],
    ] as const;
    for (const [absolute, relative] of pairs) {
      if (licence[absolute] !== undefined && licence[relative] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [relative],
          message: `give ${absolute} or ${relative}, not both`,
        });
      }
    }
    if (licence.holders.length > licence.maxClientCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['holders'],
        message: `${licence.holders.length} holders exceed maxClientCount ${licence.maxClientCount}`,
      });
    }
    if (licence.licensingMode === 0 && licence.holders.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['holders'],
        message: 'a File-mode licence has no tokens',
      });
    }
  });

export type SeedLicence = z.output<typeof licenseSchema>;

const demoSchema = z.strictObject({
  floatingKey: userKey,
  activationKey: userKey,
  revokedKey: userKey,
  expiredKey: userKey,
  singleSeatKey: userKey,
});

export const babelSeedSchema = z
  .strictObject({
    $comment: comment,
    /** Which seeded licence plays which role in the demo; only the demo seed needs it. */
    demo: demoSchema.optional(),
    licenses: z.array(licenseSchema).min(1),
  })
  .superRefine((seed, ctx) => {
    const seen = new Map<string, number>();
    const ids = new Map<string, number>();
    seed.licenses.forEach((licence, index) => {
      if (seen.has(licence.userKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['licenses', index, 'userKey'],
          message: 'duplicate userKey',
        });
      }
      seen.set(licence.userKey, index);
      if (licence.licenseId !== undefined && ids.has(licence.licenseId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['licenses', index, 'licenseId'],
          message: 'duplicate licenseId',
        });
      }
      if (licence.licenseId !== undefined) ids.set(licence.licenseId, index);
    });
    const demo = seed.demo;
    if (!demo) return;
    const expectRole = (
      role: keyof typeof demo,
      fits: (l: SeedLicence) => boolean,
      what: string,
    ) => {
      const index = seen.get(demo[role]);
      const licence = index === undefined ? undefined : seed.licenses[index];
      if (!licence || !fits(licence)) {
        const message = licence ? `must name ${what}` : 'names no licence of this seed';
        ctx.addIssue({ code: 'custom', path: ['demo', role], message });
      }
    };
    expectRole('floatingKey', (l) => l.licensingMode === 2, 'a Floating licence (mode 2)');
    expectRole('activationKey', (l) => l.licensingMode === 1, 'an Activation licence (mode 1)');
    expectRole('revokedKey', (l) => l.revoked, 'a revoked licence');
    expectRole(
      'expiredKey',
      (l) => l.expireAt !== undefined || (l.expiresInDays ?? 0) < 0,
      'a licence that expires in the past',
    );
    expectRole(
      'singleSeatKey',
      (l) => l.licensingMode === 2 && l.maxClientCount === 1,
      'a 1-seat Floating licence',
    );
  });

/** What callers write (defaults may be left out). */
export type BabelSeed = z.input<typeof babelSeedSchema>;
/** What the server works from (defaults filled in). */
export type ParsedBabelSeed = z.output<typeof babelSeedSchema>;
export type SeedHolder = SeedLicence['holders'][number];
export type DemoKeys = z.output<typeof demoSchema>;

export function parseBabelSeed(input: unknown, source = 'seed'): ParsedBabelSeed {
  const parsed = babelSeedSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid Babel sandbox ${source}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The seed file shipped with the app; checked once per call so a broken edit fails loudly. */
export function demoSeed(): ParsedBabelSeed {
  return parseBabelSeed(demoSeedFile, 'demo seed (src/sandbox/babel/demo-seed.json)');
}

export function demoKeys(): DemoKeys {
  const demo = demoSeed().demo;
  if (!demo) throw new Error('The Babel demo seed has no "demo" section naming its demo keys');
  return demo;
}

const DAY_MS = 86_400_000;

/** Resolves a relative-or-absolute seed date against the sandbox clock at start. */
export function resolveInstant(
  absolute: string | undefined,
  relativeDays: number | undefined,
  now: number,
): number | undefined {
  if (absolute !== undefined) return Date.parse(absolute);
  if (relativeDays !== undefined) return now + relativeDays * DAY_MS;
  return undefined;
}
