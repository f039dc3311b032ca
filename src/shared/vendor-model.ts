import { z } from 'zod';
import { VENDOR_SCREEN_IDS } from './vendor-screens';

/**
 * What the vendor configuration tells the renderer about branding and features. The main process
 * prepares every value (the logo file read into a data: URL, the accent colour turned into a
 * readable palette), so the renderer reads no file and computes no contrast.
 */

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/);

/** A logo is at most 128 KB as a file, so about 171 KB as base64. */
export const MAX_LOGO_DATA_URL_LENGTH = 180_000;

export const accentPaletteSchema = z.object({
  /** The vendor's colour, for fills (primary buttons, the current-screen marker). */
  color: hexColour,
  /** Text on a fill of `color` (white or black, whichever reads). */
  foreground: hexColour,
  /** A fill under the pointer: `color` moved away from `foreground`, so text stays readable. */
  hover: hexColour,
  /** `color` darkened as far as text in it on the light theme's surfaces needs (4.5:1). */
  textOnLight: hexColour,
  /** `color` lightened as far as text in it on the dark theme's surfaces needs (4.5:1). */
  textOnDark: hexColour,
});
export type AccentPalette = z.infer<typeof accentPaletteSchema>;

export const supportContactSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  url: z.string().optional(),
});
export type SupportContact = z.infer<typeof supportContactSchema>;

export const vendorViewSchema = z.object({
  logo: z
    .string()
    .max(MAX_LOGO_DATA_URL_LENGTH)
    .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/)
    .optional(),
  accent: accentPaletteSchema.optional(),
  support: supportContactSchema.optional(),
  /** Absent: every screen. */
  screens: z.array(z.enum(VENDOR_SCREEN_IDS)).optional(),
  /** Declared by the vendor, off by default; this release has neither feature. */
  updates: z.boolean(),
  telemetry: z.boolean(),
});
export type VendorView = z.infer<typeof vendorViewSchema>;
