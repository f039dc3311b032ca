import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskKey, maskMachine, maskToken } from '../../src/main/licensing/mask';

describe('masks', () => {
  it('keeps the first and last group of a grouped key', () => {
    expect(maskKey('ADSQH-89GGJ-J7CJY-3FQFK')).toBe('ADSQH-•••••-•••••-3FQFK');
  });

  it('never reveals the middle of any key', () => {
    fc.assert(
      fc.property(
        fc.string({
          minLength: 12,
          maxLength: 64,
          unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split('')),
        }),
        (key) => {
          const masked = maskKey(key);
          expect(masked).not.toContain(key.slice(4, -4));
        },
      ),
    );
  });

  it('keeps the type prefix and 4 characters of a token', () => {
    expect(maskToken('fltk_ab12cd34ef56')).toBe('fltk_…ef56');
    expect(maskToken('opaque-token-1234')).toBe('…1234');
  });

  it('shortens machine fingerprints', () => {
    expect(maskMachine('0123456789abcdef')).toBe('01234567…');
  });
});
