import { z } from 'zod';
import { describeIssues } from '../faults';
import demoSeedFile from './demo-seed.json';
import { LICENSE_KEY_PATTERN, SESSION_ID_PATTERN } from './wire';

/**
 * What a FLECS sandbox starts with: console users (with user licences to spend), licence keys,
 * devices (some bound to keys, some holding a session, some known only by a serial number) and
 * the apps behind the manifest and download-token routes.
 */

const comment = z.string().optional();
const licenseKey = z
  .string()
  .regex(LICENSE_KEY_PATTERN, 'must look like XXXX-XXXX-XXXX-XXXX (upper-case letters, digits)');
const sessionId = z.string().regex(SESSION_ID_PATTERN, 'must be a lower-case UUID');

const userSchema = z.strictObject({
  $comment: comment,
  id: z.number().int().positive(),
  username: z.string().min(1),
  password: z.string().min(1),
  displayName: z.string().min(1),
  email: z.email(),
  availableUserLicences: z.number().int().nonnegative(),
  isVendor: z.boolean().default(false),
  isWhitelabeled: z.boolean().default(false),
});

const keySchema = z.strictObject({
  $comment: comment,
  licenseKey,
  revoked: z.boolean().default(false),
});

const deviceSchema = z
  .strictObject({
    $comment: comment,
    deviceId: z.string().min(1),
    /** A registered serial lets the device activate with no credentials (mode c). */
    serialNumber: z.string().min(1).optional(),
    licenseKey: licenseKey.optional(),
    active: z.boolean().default(false),
    /** The session the device holds when the sandbox starts (issued at the start time). */
    sessionId: sessionId.optional(),
  })
  .refine((d) => !d.active || (d.licenseKey !== undefined && d.sessionId !== undefined), {
    message: 'an active device needs a licenseKey and a sessionId',
    path: ['active'],
  });

const appSchema = z.strictObject({
  $comment: comment,
  app: z.string().min(1),
  versions: z.array(z.string().min(1)).min(1),
  /** Unofficial apps get 204 from /api/v2/tokens (no download token). */
  official: z.boolean().default(true),
});

const demoSchema = z.strictObject({
  username: z.string(),
  licenseKey,
  serialNumber: z.string(),
  usedKey: licenseKey,
  revokedKey: licenseKey,
  idleKey: licenseKey,
  exhaustedUsername: z.string(),
  unlicensedSerial: z.string(),
});

export const flecsSeedSchema = z
  .strictObject({
    $comment: comment,
    /** Which seeded records play which role in the demo and the tests. */
    demo: demoSchema.optional(),
    users: z.array(userSchema),
    licenseKeys: z.array(keySchema),
    devices: z.array(deviceSchema),
    apps: z.array(appSchema).default([]),
  })
  .superRefine((seed, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const unique = <T>(
      list: readonly T[],
      pick: (t: T) => string | number | undefined,
      at: string,
      field: string,
    ) => {
      const seen = new Set<string | number>();
      list.forEach((item, index) => {
        const value = pick(item);
        if (value === undefined) return;
        if (seen.has(value)) issue([at, index, field], `duplicate ${field}`);
        seen.add(value);
      });
    };
    unique(seed.users, (u) => u.id, 'users', 'id');
    unique(seed.users, (u) => u.username, 'users', 'username');
    unique(seed.licenseKeys, (k) => k.licenseKey, 'licenseKeys', 'licenseKey');
    unique(seed.devices, (d) => d.deviceId, 'devices', 'deviceId');
    unique(seed.devices, (d) => d.serialNumber, 'devices', 'serialNumber');
    unique(seed.devices, (d) => d.sessionId, 'devices', 'sessionId');
    unique(seed.devices, (d) => d.licenseKey, 'devices', 'licenseKey');
    const keys = new Set(seed.licenseKeys.map((k) => k.licenseKey));
    seed.devices.forEach((device, index) => {
      if (device.licenseKey !== undefined && !keys.has(device.licenseKey)) {
        issue(['devices', index, 'licenseKey'], 'names no key of licenseKeys');
      }
      // The FLECS core sends a serial in the licenseKey field, so the two must never collide.
      if (device.serialNumber !== undefined && keys.has(device.serialNumber)) {
        issue(['devices', index, 'serialNumber'], 'equals a licence key');
      }
    });
    if (seed.demo) checkDemoRoles(seed, seed.demo, issue);
  });

type SeedShape = z.output<typeof flecsSeedSchema>;
type DemoRoles = z.output<typeof demoSchema>;

function checkDemoRoles(
  seed: SeedShape,
  demo: DemoRoles,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const user = (name: string) => seed.users.find((u) => u.username === name);
  const key = (k: string) => seed.licenseKeys.find((r) => r.licenseKey === k);
  const holder = (k: string) => seed.devices.find((d) => d.licenseKey === k);
  const serial = (s: string) => seed.devices.find((d) => d.serialNumber === s);
  const requireRole = (role: keyof DemoRoles, fits: boolean, what: string) => {
    if (!fits) issue(['demo', role], `must name ${what}`);
  };
  requireRole(
    'username',
    (user(demo.username)?.availableUserLicences ?? 0) > 0,
    'a user with licences',
  );
  requireRole(
    'exhaustedUsername',
    user(demo.exhaustedUsername)?.availableUserLicences === 0,
    'a user with no licence left',
  );
  requireRole(
    'licenseKey',
    key(demo.licenseKey)?.revoked === false && !holder(demo.licenseKey),
    'an unbound, unrevoked key',
  );
  requireRole(
    'usedKey',
    key(demo.usedKey)?.revoked === false && holder(demo.usedKey)?.active === true,
    'a key bound to an active device',
  );
  requireRole(
    'revokedKey',
    key(demo.revokedKey)?.revoked === true && holder(demo.revokedKey)?.sessionId !== undefined,
    'a revoked key bound to a device with a session',
  );
  const idle = holder(demo.idleKey);
  requireRole(
    'idleKey',
    key(demo.idleKey)?.revoked === false && idle?.active === false && idle.sessionId !== undefined,
    'a key bound to an inactive device with a session',
  );
  const licensed = serial(demo.serialNumber);
  requireRole(
    'serialNumber',
    licensed?.licenseKey !== undefined && key(licensed.licenseKey)?.revoked === false,
    'a registered serial with a usable licence',
  );
  requireRole(
    'unlicensedSerial',
    serial(demo.unlicensedSerial) !== undefined &&
      serial(demo.unlicensedSerial)?.licenseKey === undefined,
    'a registered serial without a licence',
  );
}

/** What callers write (defaults may be left out). */
export type FlecsSeed = z.input<typeof flecsSeedSchema>;
/** What the server works from (defaults filled in). */
export type ParsedFlecsSeed = z.output<typeof flecsSeedSchema>;
export type FlecsDemoRoles = DemoRoles;

export function parseFlecsSeed(input: unknown, source = 'seed'): ParsedFlecsSeed {
  const parsed = flecsSeedSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid FLECS sandbox ${source}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The seed file shipped with the app; checked on every call so a broken edit fails loudly. */
export function demoSeed(): ParsedFlecsSeed {
  return parseFlecsSeed(demoSeedFile, 'demo seed (src/sandbox/flecs/demo-seed.json)');
}

export function demoRoles(): FlecsDemoRoles {
  const demo = demoSeed().demo;
  if (!demo) throw new Error('The FLECS demo seed has no "demo" section naming its demo records');
  return demo;
}
