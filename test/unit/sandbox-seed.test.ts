import { describe, expect, it } from 'vitest';
import { demoKeys, demoSeed, parseBabelSeed } from '../../src/sandbox/babel/seed';

const licence = (extra: Record<string, unknown> = {}) => ({
  userKey: 'AAAAA-BBBBB-CCCCC-DDDDD',
  licensingMode: 2,
  maxClientCount: 2,
  ...extra,
});

describe('the demo seed', () => {
  it('holds the licences the demo and the tests rely on', () => {
    const seed = demoSeed();
    const keys = demoKeys();
    const byKey = (key: string) => seed.licenses.find((l) => l.userKey === key);
    expect(byKey(keys.floatingKey)).toMatchObject({ licensingMode: 2, maxClientCount: 5 });
    expect(byKey(keys.floatingKey)?.holders.map((h) => h.clientName)).toEqual([
      'LAB-PC-07',
      'DESIGN-WS-2',
    ]);
    expect(byKey(keys.activationKey)).toMatchObject({ licensingMode: 1, maxClientCount: 3 });
    expect(byKey(keys.revokedKey)?.revoked).toBe(true);
    expect(byKey(keys.expiredKey)?.expiresInDays).toBeLessThan(0);
    expect(byKey(keys.singleSeatKey)).toMatchObject({ licensingMode: 2, maxClientCount: 1 });
  });
});

describe('parseBabelSeed', () => {
  it('fills defaults', () => {
    const seed = parseBabelSeed({ licenses: [licence()] });
    expect(seed.licenses[0]).toMatchObject({ revoked: false, tampered: false, holders: [] });
  });

  it.each([
    [{ licenses: [] }, /licenses: .*>=1|licenses: Too small/],
    [
      { licenses: [licence({ userKey: 'abcde-12345-ABCDE-12345' })] },
      /licenses\.0\.userKey: must look like/,
    ],
    [{ licenses: [licence({ licenseId: 'lic1234' })] }, /licenses\.0\.licenseId/],
    [{ licenses: [licence({ licensingMode: 3 })] }, /licenses\.0\.licensingMode/],
    [{ licenses: [licence({ maxClientCount: 0 })] }, /licenses\.0\.maxClientCount/],
    [
      { licenses: [licence({ expireAt: '2030-01-01T00:00:00Z', expiresInDays: 3 })] },
      /licenses\.0\.expiresInDays: give expireAt or expiresInDays/,
    ],
    [{ licenses: [licence({ expireAt: 'next year' })] }, /licenses\.0\.expireAt/],
    [
      {
        licenses: [
          licence({ holders: [{ clientName: 'A' }, { clientName: 'B' }, { clientName: 'C' }] }),
        ],
      },
      /licenses\.0\.holders: 3 holders exceed maxClientCount 2/,
    ],
    [{ licenses: [licence(), licence()] }, /licenses\.1\.userKey: duplicate userKey/],
    [{ licenses: [licence({ seats: 3 })] }, /seats/],
    [
      { licenses: [licence()], demo: { floatingKey: 'AAAAA-BBBBB-CCCCC-DDDDD' } },
      /demo\.activationKey/,
    ],
  ])('names the field at fault in %j', (input, message) => {
    expect(() => parseBabelSeed(input, 'test seed')).toThrow(/^Invalid Babel sandbox test seed: /);
    expect(() => parseBabelSeed(input, 'test seed')).toThrow(message);
  });

  it('checks each demo key plays its role', () => {
    const seed = {
      licenses: [licence(), licence({ userKey: 'EEEEE-EEEEE-EEEEE-EEEEE', licensingMode: 1 })],
      demo: {
        floatingKey: 'EEEEE-EEEEE-EEEEE-EEEEE',
        activationKey: 'EEEEE-EEEEE-EEEEE-EEEEE',
        revokedKey: 'EEEEE-EEEEE-EEEEE-EEEEE',
        expiredKey: 'EEEEE-EEEEE-EEEEE-EEEEE',
        singleSeatKey: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
      },
    };
    const error = (() => {
      try {
        parseBabelSeed(seed);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toContain('demo.floatingKey: must name a Floating licence');
    expect(error).not.toContain('demo.activationKey');
    expect(error).toContain('demo.revokedKey: must name a revoked licence');
    expect(error).toContain('demo.expiredKey: must name a licence that expires in the past');
    expect(error).toContain('demo.singleSeatKey: names no licence of this seed');
  });
});
