import { isAbsolute, win32 } from 'node:path';
import { z } from 'zod';
import { VENDOR_SCREEN_IDS, type VendorScreenId } from '../../shared/vendor-screens';
import { config as says } from '../../shared/texts/config.en';
import { saying } from './config-issues';
import type { Text } from '../../shared/text';
import type { ProfileConfig } from './vendor-config';

/**
 * The vendor configuration's branding and feature fields: logo, accent colour, support contact,
 * the screens shown, and the update and telemetry switches. Spread into the configuration schema;
 * the descriptions end up in the published JSON schema (docs/vendor-config.schema.json), where
 * editors show them beside each field.
 */

/**
 * Relative, inside the configuration's folder, no scheme: the loader reads only files the vendor
 * shipped beside the configuration, whatever the (user-writable) override says.
 */
const insideConfigFolder = (value: string): boolean =>
  !isAbsolute(value) &&
  !win32.isAbsolute(value) &&
  !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) &&
  !value.split(/[\\/]/).includes('..');

/** Both checks as one pattern for the published JSON schema (which has no refinements). */
const LOGO_PATH_PATTERN = String.raw`^(?![A-Za-z][A-Za-z0-9+.-]*:)(?![\\/])(?!(?:.*[\\/])?\.\.(?:[\\/]|$)).*\.(?:[pP][nN][gG]|[sS][vV][gG])$`;

const logo = z
  .string()
  .max(260)
  // Letter classes, not the i flag: a JSON schema pattern has no flags.
  .regex(/\.([pP][nN][gG]|[sS][vV][gG])$/, saying(says.logoExtension()))
  .refine(insideConfigFolder, saying(says.logoInsideFolder()))
  .meta({
    pattern: LOGO_PATH_PATTERN,
    description:
      'The logo shown beside the product name: a PNG or SVG file of at most 128 KB, as a path relative to this configuration file (inside its folder).',
  });

const accentColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, saying(says.accentColour()))
  .meta({
    description:
      'The brand colour of buttons, links and the current-screen marker, as #rrggbb. Text on it is white or black, whichever reads; text in it is darkened or lightened as far as each theme needs for a 4.5:1 contrast.',
  });

const supportContact = z
  .object({
    name: z
      .string()
      .min(1)
      .max(80)
      .optional()
      .meta({ description: 'Who helps, such as "Acme Support".' }),
    email: z.email(saying(says.supportEmail())).max(254).optional(),
    url: z
      .url({
        protocol: /^https$/,
        ...saying(says.supportUrl()),
      })
      .max(2048)
      .meta({ pattern: '^https://' })
      .optional(),
  })
  .strict()
  .refine(
    (contact) => contact.email !== undefined || contact.url !== undefined,
    saying(says.supportEmailOrUrl()),
  )
  .meta({
    anyOf: [{ required: ['email'] }, { required: ['url'] }],
    description:
      'Shown in the status bar and beside errors only the vendor can fix. At least one of email and url.',
  });

const ids = VENDOR_SCREEN_IDS.join(', ');
const screens = z
  .array(z.enum(VENDOR_SCREEN_IDS, saying(says.screenIds({ ids }))))
  .min(1, saying(says.screensEmpty({ ids })))
  .refine((list) => new Set(list).size === list.length, saying(says.screensTwice()))
  .meta({
    description:
      'The screens shown, when not all of them. Each profile needs the screen it is used on (activation for seats, flecs and licensespring; eniris, hubs, licence-file for their kinds). The diagnostics screen (which also holds the start-at-login switch) is not in this list of ids and is always shown.',
  });

/** Not features of this release: declared so the vendor's intent is recorded and shown. */
const offByDefault = (description: string) =>
  z.boolean().optional().meta({ default: false, description });

export const brandingFields = {
  logo: logo.optional(),
  accentColor: accentColor.optional(),
  supportContact: supportContact.optional(),
  screens: screens.optional(),
  updates: offByDefault(
    'Whether the app may look for new versions. Off by default. This release has no update check: the value is validated and reported (serve preview, app:info), and no network call is made either way.',
  ),
  telemetry: offByDefault(
    'Whether the app may send usage data. Off by default. This release collects and sends none: the value is validated and reported (serve preview, app:info), nothing more.',
  ),
};

/**
 * The screen a profile of each kind is used on: a configuration that lists screens must keep it,
 * or the profile could not be used at all. Mirrors `isAvailable` in the renderer's screens.ts.
 */
const HOME_SCREEN: Readonly<Record<ProfileConfig['kind'], VendorScreenId>> = {
  seats: 'activation',
  flecs: 'activation',
  licensespring: 'activation',
  eniris: 'eniris',
  mobiusflow: 'hubs',
  'licence-file': 'licence-file',
};

/** A listed set of screens that leaves a configured profile without the screen it is used on. */
export function missingHomeScreens(
  screens: readonly VendorScreenId[] | undefined,
  profiles: readonly ProfileConfig[],
): Text[] {
  if (screens === undefined) return [];
  return profiles
    .filter((profile) => !screens.includes(HOME_SCREEN[profile.kind]))
    .map((profile) =>
      says.screenMissing({ id: profile.id, kind: profile.kind, screen: HOME_SCREEN[profile.kind] }),
    );
}
