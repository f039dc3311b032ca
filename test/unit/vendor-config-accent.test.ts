import { describe, expect, it } from 'vitest';
import {
  accentPalette,
  contrastRatio,
  parseHex,
  TEXT_CONTRAST,
  toHex,
} from '../../src/main/config/accent-palette';

/** The theme surfaces accent text sits on (tokens.css), light then dark. */
const LIGHT = ['#ffffff', '#f4f5f7', '#f0f2f5'];
const DARK = ['#15181e', '#0d0f13', '#1d2129'];
const contrast = (a: string, b: string) => contrastRatio(parseHex(a), parseHex(b));

/** Every colour on a 16-step grid per channel: 4096 colours from black to white. */
const grid = Array.from({ length: 16 ** 3 }, (_, i) =>
  toHex([((i >> 8) & 15) * 17, ((i >> 4) & 15) * 17, (i & 15) * 17]),
);

describe('accent palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#2563eb', '#ffffff')).toBeCloseTo(5.17, 2);
  });

  it('keeps every text readable for any #rrggbb', () => {
    for (const colour of grid) {
      const palette = accentPalette(colour);
      expect(palette.color).toBe(colour);
      expect(contrast(palette.foreground, palette.color), colour).toBeGreaterThanOrEqual(
        TEXT_CONTRAST,
      );
      // The hover fill moves away from the text colour, so it never reads worse than the fill.
      expect(contrast(palette.foreground, palette.hover), colour).toBeGreaterThanOrEqual(
        contrast(palette.foreground, palette.color),
      );
      for (const surface of LIGHT)
        expect(contrast(palette.textOnLight, surface), colour).toBeGreaterThanOrEqual(
          TEXT_CONTRAST,
        );
      for (const surface of DARK)
        expect(contrast(palette.textOnDark, surface), colour).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('keeps the brand colour itself where it already reads, and white text on dark fills', () => {
    expect(accentPalette('#1D4ED8')).toMatchObject({
      color: '#1d4ed8',
      foreground: '#ffffff',
      textOnLight: '#1d4ed8',
    });
    expect(accentPalette('#2563eb').foreground).toBe('#ffffff');
  });

  it('gives a light brand colour black text and a darker shade for text on white', () => {
    const yellow = accentPalette('#facc15');
    expect(yellow.foreground).toBe('#000000');
    expect(yellow.textOnLight).not.toBe('#facc15');
    expect(yellow.textOnDark).toBe('#facc15');
    // Darkened towards black: every channel went down, none up (the hue is kept).
    const [r, g, b] = parseHex(yellow.textOnLight);
    expect([r <= 0xfa, g <= 0xcc, b <= 0x15]).toEqual([true, true, true]);
  });

  it('gives a near-black brand colour a lighter shade for text on the dark theme', () => {
    const navy = accentPalette('#0b1b3f');
    expect(navy.foreground).toBe('#ffffff');
    expect(navy.textOnLight).toBe('#0b1b3f');
    expect(contrast(navy.textOnDark, '#15181e')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(navy.textOnDark).not.toBe('#0b1b3f');
  });
});
