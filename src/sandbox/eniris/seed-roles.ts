import { z } from 'zod';
import type { SeedInstant, SeedLicence, SeedNode, SeedUser } from './seed';

/**
 * The demo section of a seed names which entries play which role, so the demo screens, the CLI
 * and the tests never hard-code a key. Each role is checked against what it must be: a "free" key
 * that is secretly claimed would make every test built on it pass or fail for the wrong reason.
 */

export const demoSchema = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(1),
  /** A user without password info: login answers 500 NO_PASSWORD_INFO. */
  noPasswordUsername: z.string().min(1),
  customerId: z.string(),
  forbiddenCustomerId: z.string(),
  nodeId: z.string(),
  otherNodeId: z.string(),
  forbiddenNodeId: z.string(),
  freeKey: z.string(),
  activeKey: z.string(),
  expiredKey: z.string(),
  claimedKey: z.string(),
  deactivatedKey: z.string(),
  forbiddenKey: z.string(),
});

export type EnirisDemo = z.output<typeof demoSchema>;

interface RoleSeed {
  readonly users: readonly SeedUser[];
  readonly nodes: readonly SeedNode[];
  readonly licenses: readonly SeedLicence[];
}

/** Days since activation when written relatively; an absolute date cannot be judged before start. */
const daysAgo = (instant: SeedInstant | null): number | undefined =>
  instant !== null && typeof instant !== 'string' ? instant.daysAgo : undefined;

function expired(licence: SeedLicence): boolean {
  if (licence.activationDate === null) return false;
  const ago = daysAgo(licence.activationDate);
  return ago === undefined || ago > licence.duration;
}

export function checkDemoRoles(seed: RoleSeed, demo: EnirisDemo, ctx: z.RefinementCtx): void {
  const fail = (role: keyof EnirisDemo, message: string) =>
    ctx.addIssue({ code: 'custom', path: ['demo', role], message });

  const user = seed.users.find((u) => u.username === demo.username);
  if (!user || user.password !== demo.password) {
    fail('password', 'must be the password of the demo username');
  }
  const allowed = new Set(user?.customers ?? []);
  const noPassword = seed.users.find((u) => u.username === demo.noPasswordUsername);
  if (!noPassword || noPassword.password !== undefined) {
    fail('noPasswordUsername', 'must name a user without a password');
  }
  if (!allowed.has(demo.customerId)) fail('customerId', 'must be a customer of the demo user');
  if (allowed.has(demo.forbiddenCustomerId) || demo.forbiddenCustomerId === demo.customerId) {
    fail('forbiddenCustomerId', 'must be a customer the demo user has no rights on');
  }

  const node = (role: 'nodeId' | 'otherNodeId' | 'forbiddenNodeId', customerId: string) => {
    const found = seed.nodes.find((n) => n.nodeId === demo[role]);
    if (found?.customerId !== customerId) fail(role, `must name a controller of ${customerId}`);
  };
  node('nodeId', demo.customerId);
  node('otherNodeId', demo.customerId);
  node('forbiddenNodeId', demo.forbiddenCustomerId);
  if (demo.otherNodeId === demo.nodeId) fail('otherNodeId', 'must differ from nodeId');

  type KeyRole = 'freeKey' | 'activeKey' | 'expiredKey' | 'claimedKey' | 'deactivatedKey';
  const licence = (
    role: KeyRole | 'forbiddenKey',
    customerId: string,
    fits: (l: SeedLicence) => boolean,
    what: string,
  ) => {
    const found = seed.licenses.find((l) => l.key === demo[role]);
    if (!found) return fail(role, 'names no licence of this seed');
    if (found.customerId !== customerId || !fits(found)) fail(role, `must name ${what}`);
  };
  const isFree = (l: SeedLicence) => l.activationDate === null && l.nodeId === null;
  licence('freeKey', demo.customerId, isFree, 'an unclaimed, never activated licence');
  licence('forbiddenKey', demo.forbiddenCustomerId, isFree, 'an unclaimed, never activated one');
  licence(
    'activeKey',
    demo.customerId,
    (l) => l.nodeId === demo.nodeId && l.deactivationDate === null && !expired(l),
    'a running licence claimed for nodeId',
  );
  licence(
    'expiredKey',
    demo.customerId,
    (l) => l.deactivationDate === null && expired(l),
    'a licence whose activation + duration days lies in the past',
  );
  licence(
    'claimedKey',
    demo.customerId,
    (l) => l.nodeId === demo.nodeId && l.activationDate === null,
    'a licence claimed for nodeId and not yet activated',
  );
  licence(
    'deactivatedKey',
    demo.customerId,
    (l) => l.deactivationDate !== null,
    'a deactivated licence',
  );
}
