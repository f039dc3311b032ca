/**
 * Screens a vendor configuration may list in `screens`. A screen not named here (diagnostics, which
 * also holds the start-at-login switch, or one added later) cannot be hidden by the configuration
 * and is always shown.
 * Kept apart from vendor-model.ts (zod schemas) because the renderer's first screen needs the
 * list, and importing it from there pulled zod into the first chunk (about 25 KiB gzip).
 */
export const VENDOR_SCREEN_IDS = [
  'activation',
  'licence',
  'features',
  'seats',
  'eniris',
  'hubs',
  'licence-file',
] as const;
export type VendorScreenId = (typeof VENDOR_SCREEN_IDS)[number];
