import type { AccentPalette } from '../../shared/vendor-model';

/**
 * Turns the vendor's accent colour into the colours the renderer needs, each readable where it is
 * used (WCAG 2 contrast ratios). Any #rrggbb is accepted: a light brand colour gets black text on
 * its buttons and a darker shade for text on white, a dark one a lighter shade on the dark theme.
 */

type Rgb = readonly [number, number, number];

/** WCAG AA for normal text. */
export const TEXT_CONTRAST = 4.5;

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/**
 * The surfaces accent-coloured text sits on (tokens.css): surface, background and muted surface
 * of each theme. The tinted backgrounds (`--accent-soft`, 10 % light, 20 % dark) are added per
 * colour, a little stronger than the CSS mixes so that mixing in oklab there, in sRGB here, cannot
 * tip a ratio under the bar.
 */
const LIGHT_SURFACE: Rgb = [0xff, 0xff, 0xff];
const LIGHT_SURFACES: readonly Rgb[] = [LIGHT_SURFACE, [0xf4, 0xf5, 0xf7], [0xf0, 0xf2, 0xf5]];
const DARK_SURFACE: Rgb = [0x15, 0x18, 0x1e];
const DARK_SURFACES: readonly Rgb[] = [DARK_SURFACE, [0x0d, 0x0f, 0x13], [0x1d, 0x21, 0x29]];
const LIGHT_TINT = 0.14;
const DARK_TINT = 0.26;
/** How far the hover fill moves away from the text colour. */
const HOVER_SHIFT = 0.14;

/** `#rrggbb` (already validated by the configuration schema). */
export function parseHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `from` moved the fraction `t` of the way to `to`, in sRGB. */
const mix = (from: Rgb, to: Rgb, t: number): Rgb => [
  from[0] + (to[0] - from[0]) * t,
  from[1] + (to[1] - from[1]) * t,
  from[2] + (to[2] - from[2]) * t,
];

const rounded = ([r, g, b]: Rgb): Rgb => [Math.round(r), Math.round(g), Math.round(b)];

/**
 * The colour moved towards `towards` in small steps until text in it reaches TEXT_CONTRAST on
 * every one of `surfaces`. Always ends: black on the light surfaces and white on the dark ones are
 * far above the bar.
 */
function readableOn(colour: Rgb, towards: Rgb, surfaces: readonly Rgb[]): Rgb {
  for (let step = 0; step <= 100; step += 1) {
    const candidate = rounded(mix(colour, towards, step / 100));
    if (surfaces.every((surface) => contrastRatio(candidate, surface) >= TEXT_CONTRAST))
      return candidate;
  }
  return towards;
}

export function accentPalette(hex: string): AccentPalette {
  const colour = parseHex(hex.toLowerCase());
  // White text where it reads; otherwise black, which then always does (the colour is light).
  const foreground = contrastRatio(colour, WHITE) >= TEXT_CONTRAST ? WHITE : BLACK;
  const away = foreground === WHITE ? BLACK : WHITE;
  const lightSurfaces = [...LIGHT_SURFACES, mix(LIGHT_SURFACE, colour, LIGHT_TINT)];
  const darkSurfaces = [...DARK_SURFACES, mix(DARK_SURFACE, colour, DARK_TINT)];
  return {
    color: toHex(colour),
    foreground: toHex(foreground),
    hover: toHex(mix(colour, away, HOVER_SHIFT)),
    textOnLight: toHex(readableOn(colour, BLACK, lightSurfaces)),
    textOnDark: toHex(readableOn(colour, WHITE, darkSurfaces)),
  };
}
