import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskKey, maskMachine, maskToken } from '../../src/main/licensing/mask';

describe('masks', () => {
  it('keeps the shape of a grouped key and only its ends', () => {
    expect(maskKey('ADSQH-89GGJ-J7CJY-3FQFK')).toBe('AD•••-•••••-•••••-•••FK');
    expect(maskKey('LS-2024-0123456789abcdef0123456789abcdef')).toBe(
      'LS-20••-••••••••••••••••••••••••••••cdef',
    );
  });

  it('shows less of shorter keys, and nothing of very short ones', () => {
    expect(maskKey('ABCDE-FGHIJ')).toBe('A••••-••••J');
    expect(maskKey('ABCDE')).toBe('•••••');
  });

  it('never shows more than a quarter of any key, nor more than 8 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 256 }), (key) => {
        const shown = [...maskKey(key)].filter(
          (char, index) => char !== '•' && char === [...key][index] && !/[-_\s.]/.test(char),
        ).length;
        const significant = [...key].filter((char) => !/[-_\s.]/.test(char)).length;
        expect(shown).toBeLessThanOrEqual(Math.min(8, significant / 4));
        expect([...maskKey(key)]).toHaveLength([...key].length);
      }),
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
