import { describe, expect, it } from 'vitest';
import { flecsDemo } from '../../src/sandbox/flecs/server';
import { demoRoles, demoSeed, parseFlecsSeed } from '../../src/sandbox/flecs/seed';

const user = (extra: Record<string, unknown> = {}) => ({
  id: 1,
  username: 'u',
  password: 'p',
  displayName: 'U',
  email: 'u@example.com',
  availableUserLicences: 1,
  ...extra,
});
const seed = (extra: Record<string, unknown> = {}) => ({
  users: [user()],
  licenseKeys: [{ licenseKey: 'AAAA-BBBB-CCCC-DDDD' }],
  devices: [],
  ...extra,
});
const SESSION = '3f1c9a52-7b0e-4d6a-9c21-5e8f0a7d4b13';

describe('the FLECS demo seed', () => {
  it('holds a record for every role the demo and the tests rely on', () => {
    const parsed = demoSeed();
    const roles = demoRoles();
    const holder = (key: string) => parsed.devices.find((d) => d.licenseKey === key);
    expect(parsed.users.find((u) => u.username === roles.username)?.availableUserLicences).toBe(2);
    expect(holder(roles.usedKey)).toMatchObject({ active: true, sessionId: expect.any(String) });
    expect(holder(roles.idleKey)).toMatchObject({ active: false, sessionId: expect.any(String) });
    expect(parsed.licenseKeys.find((k) => k.licenseKey === roles.revokedKey)?.revoked).toBe(true);
    expect(holder(roles.licenseKey)).toBeUndefined();
  });

  it('gives the demo credentials', () => {
    expect(flecsDemo()).toEqual({
      username: 'demo',
      password: 'flecs-demo-pass',
      licenseKey: 'K7QD-4M2X-A9WZ-3BN6',
      serialNumber: 'FLX-IPC-000123',
      usedKey: 'U5ED-8RL2-QX5M-7DJ4',
    });
  });
});

describe('parseFlecsSeed', () => {
  it('fills defaults', () => {
    const parsed = parseFlecsSeed(seed({ devices: [{ deviceId: 'd' }] }));
    expect(parsed.users[0]).toMatchObject({ isVendor: false, isWhitelabeled: false });
    expect(parsed.licenseKeys[0]?.revoked).toBe(false);
    expect(parsed.devices[0]?.active).toBe(false);
    expect(parsed.apps).toEqual([]);
  });

  it.each([
    [
      seed({ licenseKeys: [{ licenseKey: 'abcd-1234' }] }),
      /licenseKeys\.0\.licenseKey: must look like/,
    ],
    [seed({ users: [user({ email: 'nope' })] }), /users\.0\.email/],
    [seed({ users: [user(), user()] }), /users\.1\.id: duplicate id/],
    [
      seed({ devices: [{ deviceId: 'd', sessionId: SESSION.toUpperCase() }] }),
      /devices\.0\.sessionId: must be a lower-case UUID/,
    ],
    [
      seed({ devices: [{ deviceId: 'd', licenseKey: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }] }),
      /devices\.0\.licenseKey: names no key/,
    ],
    [
      seed({ devices: [{ deviceId: 'd', licenseKey: 'AAAA-BBBB-CCCC-DDDD', active: true }] }),
      /devices\.0\.active: an active device needs/,
    ],
    [
      seed({
        devices: [
          { deviceId: 'a', licenseKey: 'AAAA-BBBB-CCCC-DDDD' },
          { deviceId: 'b', licenseKey: 'AAAA-BBBB-CCCC-DDDD' },
        ],
      }),
      /devices\.1\.licenseKey: duplicate licenseKey/,
    ],
    [
      seed({ devices: [{ deviceId: 'd', serialNumber: 'AAAA-BBBB-CCCC-DDDD' }] }),
      /devices\.0\.serialNumber: equals a licence key/,
    ],
    [seed({ devices: [{ deviceId: 'd', seats: 1 }] }), /seats/],
    [
      seed({
        demo: {
          username: 'u',
          licenseKey: 'AAAA-BBBB-CCCC-DDDD',
          serialNumber: 'x',
          usedKey: 'AAAA-BBBB-CCCC-DDDD',
          revokedKey: 'AAAA-BBBB-CCCC-DDDD',
          idleKey: 'AAAA-BBBB-CCCC-DDDD',
          exhaustedUsername: 'u',
          unlicensedSerial: 'y',
        },
      }),
      /demo\.exhaustedUsername: must name a user with no licence left.*demo\.usedKey/,
    ],
  ])('refuses seed %#', (input, message) => {
    expect(() => parseFlecsSeed(input)).toThrow(message);
  });
});
