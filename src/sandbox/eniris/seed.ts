import { z } from 'zod';
import { describeIssues } from '../faults';
import demoSeedFile from './demo-seed.json';
import { checkDemoRoles, demoSchema } from './seed-roles';
import { UUID_PATTERN } from './wire';

/**
 * The accounts, customers, controllers and licences an Eniris sandbox starts with. Dates are
 * either ISO-8601 instants or `{ "daysAgo": n }` relative to the sandbox clock at start, so the
 * demo seed never goes stale. A user without `password` is the vendor's NO_PASSWORD_INFO case
 * (an account that only ever signed in another way).
 */

const comment = z.string().optional();
const uuid = z.string().regex(UUID_PATTERN, 'must be a uuid');
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });
export const seedInstantSchema = z.union([
  isoInstant,
  z.strictObject({ daysAgo: z.number().finite() }),
]);
export type SeedInstant = z.output<typeof seedInstantSchema>;
/** Caps are nullable in the vendor's sample; null means "no cap stated". */
const kw = z.number().finite().nonnegative().nullable().default(null);

const userSchema = z.strictObject({
  $comment: comment,
  /** `GET /auth/refreshtoken/validate` answers `{userId: number}`. */
  id: z.number().int().positive(),
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(256).optional(),
  /** The customers whose licences and controllers this user may see and act on. */
  customers: z.array(uuid).default([]),
});

const customerSchema = z.strictObject({ $comment: comment, id: uuid, name: z.string().min(1) });

const nodeSchema = z.strictObject({
  $comment: comment,
  nodeId: z.string().min(1),
  /** The controller's datalink entity; `includeDatalinks` lists these ids per licence. */
  datalinkId: uuid,
  customerId: uuid,
});

const licenceSchema = z
  .strictObject({
    $comment: comment,
    id: uuid,
    key: z.string().min(1).max(50),
    customerId: uuid,
    gridKw: kw,
    solarKw: kw,
    batteryKw: kw,
    evKw: kw,
    /** Days (our ASSUME unit). */
    duration: z.number().int().nonnegative(),
    type: z.string().min(1).default('residential'),
    creationDate: seedInstantSchema,
    activationDate: seedInstantSchema.nullable().default(null),
    deactivationDate: seedInstantSchema.nullable().default(null),
    /** The controller this licence is claimed for (its license_datalink row), if any. */
    nodeId: z.string().min(1).nullable().default(null),
  })
  .superRefine((licence, ctx) => {
    if (licence.deactivationDate !== null && licence.activationDate === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['deactivationDate'],
        message: 'a licence that was never activated cannot be deactivated',
      });
    }
  });

export type SeedUser = z.output<typeof userSchema>;
export type SeedNode = z.output<typeof nodeSchema>;
export type SeedLicence = z.output<typeof licenceSchema>;

/** Adds an issue for every entry whose `field` repeats an earlier one. */
function unique<T>(
  ctx: z.RefinementCtx,
  list: readonly T[],
  section: string,
  field: keyof T & string,
): void {
  const seen = new Set<unknown>();
  list.forEach((item, index) => {
    if (seen.has(item[field])) {
      ctx.addIssue({
        code: 'custom',
        path: [section, index, field],
        message: `duplicate ${field}`,
      });
    }
    seen.add(item[field]);
  });
}

export const enirisSeedSchema = z
  .strictObject({
    $comment: comment,
    /** Which seeded entries play which role in the demo; only the demo seed needs it. */
    demo: demoSchema.optional(),
    users: z.array(userSchema).min(1),
    customers: z.array(customerSchema).min(1),
    nodes: z.array(nodeSchema).default([]),
    licenses: z.array(licenceSchema).default([]),
  })
  .superRefine((seed, ctx) => {
    unique(ctx, seed.users, 'users', 'id');
    unique(ctx, seed.users, 'users', 'username');
    unique(ctx, seed.customers, 'customers', 'id');
    unique(ctx, seed.nodes, 'nodes', 'nodeId');
    unique(ctx, seed.nodes, 'nodes', 'datalinkId');
    unique(ctx, seed.licenses, 'licenses', 'id');
    unique(ctx, seed.licenses, 'licenses', 'key');

    const customers = new Set(seed.customers.map((c) => c.id));
    const nodes = new Set(seed.nodes.map((n) => n.nodeId));
    const refer = (ok: boolean, path: (string | number)[], what: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path, message: `names no ${what} of this seed` });
    };
    seed.users.forEach((user, i) =>
      user.customers.forEach((id, j) =>
        refer(customers.has(id), ['users', i, 'customers', j], 'customer'),
      ),
    );
    seed.nodes.forEach((node, i) =>
      refer(customers.has(node.customerId), ['nodes', i, 'customerId'], 'customer'),
    );
    seed.licenses.forEach((licence, i) => {
      refer(customers.has(licence.customerId), ['licenses', i, 'customerId'], 'customer');
      if (licence.nodeId !== null)
        refer(nodes.has(licence.nodeId), ['licenses', i, 'nodeId'], 'node');
    });
    if (seed.demo) checkDemoRoles(seed, seed.demo, ctx);
  });

/** What callers write (defaults may be left out). */
export type EnirisSeed = z.input<typeof enirisSeedSchema>;
/** What the server works from (defaults filled in). */
export type ParsedEnirisSeed = z.output<typeof enirisSeedSchema>;

export function parseEnirisSeed(input: unknown, source = 'seed'): ParsedEnirisSeed {
  const parsed = enirisSeedSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid Eniris sandbox ${source}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The seed file shipped with the app; checked on every call so a broken edit fails loudly. */
export function enirisDemoSeed(): ParsedEnirisSeed {
  return parseEnirisSeed(demoSeedFile, 'demo seed (src/sandbox/eniris/demo-seed.json)');
}

const DAY_MS = 86_400_000;

/**
 * Resolves a seed date against the sandbox clock at start, truncated to the second because the
 * wire carries second precision and a stored value must read back exactly as it was sent.
 */
export function resolveSeedInstant(instant: SeedInstant, now: number): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : now - instant.daysAgo * DAY_MS;
  return Math.floor(ms / 1000) * 1000;
}
