import { z } from 'zod';
import { describeIssues } from '../faults';
import demoSeedFile from './demo-seed.json';
import { codeKey, HID_PATTERN, HUB_FAULTS, hidKey, LICENCE_CODE_PATTERN } from './formats';

/**
 * What a MobiusFlow engine starts with: the engine's licence-code table (code -> entitlement, the
 * vendor's licence server in miniature) and the hubs, each with one account and one installed
 * code. The demo seed and generated fleets both go through this schema, so a broken edit of
 * demo-seed.json or a generator bug fails at start, not in the middle of a test.
 */

const comment = z.string().optional();
const count = z.number().int().nonnegative();
const licenceCode = z.string().regex(LICENCE_CODE_PATTERN, 'must be hex groups joined by "-"');
const credential = z.string().min(1).max(256);

const entitlementSchema = z.strictObject({
  $comment: comment,
  code: licenceCode,
  /** "production" is the only value seen in public material; "trial" is ours. */
  type: z.string().min(1),
  /** Points, or objects when isObjectBased. */
  size: count,
  isActive: z.boolean().default(true),
  /** false: the code exists but does not verify or is out of date. */
  isValid: z.boolean().default(true),
  isObjectBased: z.boolean().default(false),
  pointsPerObject: count.default(0),
  useCustomPointsMap: z.boolean().default(false),
});

const hubSchema = z.strictObject({
  $comment: comment,
  hid: z.string().regex(HID_PATTERN, 'must be 6 hex digits'),
  name: z.string().min(1),
  site: z.string().min(1),
  username: credential,
  password: credential,
  /** The account's `_id` in tokens; derived from the hid when left out. */
  userId: z.uuid().optional(),
  licenceCode,
  used: count,
  objectCount: count,
  fault: z.enum(HUB_FAULTS).optional(),
});

export type SeedEntitlement = z.output<typeof entitlementSchema>;
export type SeedHub = z.output<typeof hubSchema>;

/** Adds an issue for every entry whose key (as `keyOf` normalises it) repeats an earlier one. */
function unique<T>(
  ctx: z.RefinementCtx,
  list: readonly T[],
  path: [string, string],
  keyOf: (item: T) => string,
): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [path[0], index, path[1]], message: 'duplicate' });
    }
    seen.add(key);
  });
}

export const mobiusFlowSeedSchema = z
  .strictObject({
    $comment: comment,
    codes: z.array(entitlementSchema).min(1),
    hubs: z.array(hubSchema).min(1),
  })
  .superRefine((seed, ctx) => {
    unique(ctx, seed.codes, ['codes', 'code'], (c) => codeKey(c.code));
    unique(ctx, seed.hubs, ['hubs', 'hid'], (h) => hidKey(h.hid));
    // A licence can be used on only one device (contract 1.4).
    unique(ctx, seed.hubs, ['hubs', 'licenceCode'], (h) => codeKey(h.licenceCode));
    const known = new Set(seed.codes.map((c) => codeKey(c.code)));
    seed.hubs.forEach((hub, index) => {
      if (!known.has(codeKey(hub.licenceCode))) {
        ctx.addIssue({
          code: 'custom',
          path: ['hubs', index, 'licenceCode'],
          message: 'is not in this seed\'s "codes" table',
        });
      }
    });
  });

/** What callers write (defaults may be left out). */
export type MobiusFlowSeed = z.input<typeof mobiusFlowSeedSchema>;
/** What the engine works from (defaults filled in). */
export type ParsedMobiusFlowSeed = z.output<typeof mobiusFlowSeedSchema>;

export function parseMobiusFlowSeed(input: unknown, source = 'seed'): ParsedMobiusFlowSeed {
  const parsed = mobiusFlowSeedSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid MobiusFlow sandbox ${source}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The seed shipped with the app; checked on every call so a broken edit fails loudly. */
export function mobiusFlowDemoSeed(): ParsedMobiusFlowSeed {
  return parseMobiusFlowSeed(demoSeedFile, 'demo seed (src/sandbox/mobiusflow/demo-seed.json)');
}
