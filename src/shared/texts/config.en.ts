import { textsOf } from '../text';
import { problemsIn, type NumberedProblems } from './numbered-problems';

/**
 * The configuration's words: a vendor configuration that cannot be used, and what to fix in it.
 * Field names (productId, profiles.0.baseUrl) and values stay as written in the file; zod's own
 * words for a wrong type or length are the schema area's texts (schema.en.ts).
 */

/** Up to five mistakes, each a field and what to do; an empty field is the file as a whole. */
export interface IssueParams extends NumberedProblems {
  readonly file: string;
}

export const MAX_ISSUES = 5;

/** The mistakes as an indented list, one line each: `  - field: problem`. */
export const issueLines = (p: IssueParams, topLevel: string): string =>
  problemsIn(p, MAX_ISSUES)
    .map(({ field, problem }) => `  - ${field || topLevel}: ${problem}`)
    .join('\n');

export const configEn = {
  // Reading the file (config/load-config.ts).
  fileMissing: (p: { file: string }) =>
    `The configuration file ${p.file} cannot be used: it does not exist.`,
  fileUnreadable: (p: { file: string; code: string }) =>
    `The configuration file ${p.file} cannot be used: it cannot be read (${p.code}).`,
  fileTooLarge: (p: { file: string }) =>
    `The configuration file ${p.file} is larger than 256 KB; it cannot be a configuration.`,
  /** `line` is absent when the JSON parser did not say where. */
  notJson: (p: { file: string; line?: number }) =>
    `The configuration file ${p.file} is not valid JSON${p.line === undefined ? '' : ` (line ${p.line})`}.`,
  notValid: (p: IssueParams) =>
    `The configuration file ${p.file} is not valid:\n${issueLines(p, '(top level)')}`,

  // What to do about one field: the schema's messages (config/*-config.ts), then the loader's.
  profileIdChars: () => 'use lower-case letters, digits, - and _ (at most 64)',
  codeChars: () => 'use letters, digits, . _ - (3 to 100)',
  fullUrl: () => 'must be a full URL such as https://licensing.example.com:5455',
  startHttps: () => 'must start with https://',
  useHttps: () => 'must use https:// (plain http:// is allowed only for 127.0.0.1 and localhost)',
  seatsApiKeyRequired: () => 'the Babel Licensing Service API key (x-api-key) is required',
  printableOnly: () => 'printable characters only',
  publicKeyPem: () =>
    'must be the PEM text of the public key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----',
  productCodeRequired: () => 'the product short code is required',
  licenseSpringApiKeyRequired: () => 'the LicenseSpring API key is required',
  licenseSpringSharedKeyRequired: () => 'the LicenseSpring shared key is required',
  duplicateProfileId: (p: { id: string }) =>
    `profile id "${p.id}" is used twice; ids must be unique`,
  addProfile: () => 'add at least one profile, or set "demo": true',
  logoExtension: () => 'must name a .png or .svg file, such as "logo.svg"',
  logoInsideFolder: () =>
    'must be a path relative to the configuration file and inside its folder, such as "logo.svg" or "branding/logo.png" (no absolute path, URL or "..")',
  accentColour: () => 'must be a colour written #rrggbb, such as "#0a7d5a"',
  supportEmail: () => 'must be an email address, such as "support@acme.example"',
  supportUrl: () => 'must be an https:// address, such as "https://acme.example/support"',
  supportEmailOrUrl: () => 'give an "email", a "url", or both',
  /** `ids`: the screen ids, comma-separated. */
  screenIds: (p: { ids: string }) => `use one of: ${p.ids}`,
  screensEmpty: (p: { ids: string }) =>
    `list at least one screen (use one of: ${p.ids}), or leave "screens" out to show them all`,
  screensTwice: () => 'name each screen once',
  /** `kind` and `screen` are ids from the file: "seats", "activation". */
  screenMissing: (p: { id: string; kind: string; screen: string }) =>
    `profile "${p.id}" (${p.kind}) is used on the "${p.screen}" screen: add "${p.screen}", or remove the profile`,
  lockedField: (p: { field: string }) =>
    `the vendor's configuration sets this and a user override cannot change it; remove ${p.field} from the override`,
  productIdNotAppId: (p: { productId: string }) =>
    `"${p.productId}" cannot name an installed app; use a reverse-DNS id such as com.example.licensing (letters, digits and -, parts separated by single dots).`,
  /** The logo (config/logo-file.ts): `file` is its resolved path. */
  logoNotImage: (p: { file: string }) =>
    `${p.file} is not a PNG or SVG image; export the logo as PNG or SVG`,
  logoHoldsPng: (p: { file: string }) =>
    `${p.file} holds a PNG image; give the file the matching extension`,
  logoHoldsSvg: (p: { file: string }) =>
    `${p.file} holds an SVG image; give the file the matching extension`,
  logoUnreadable: (p: { file: string }) =>
    `the file ${p.file} cannot be read; put the logo beside the configuration file, or correct the path (it is relative to the configuration file)`,
  logoTooLarge: (p: { file: string; kilobytes: number; maxKilobytes: number }) =>
    `${p.file} is ${p.kilobytes} KB; a logo may be at most ${p.maxKilobytes} KB (export it smaller, or as SVG)`,

  // Profiles asked for by id.
  /** `kind` is how the configuration's kinds are called: "floating-seats", "FLECS". */
  notProfileOfKind: (p: { profileId: string; kind: string }) =>
    `"${p.profileId}" is not a ${p.kind} profile.`,
  noProfileToTest: (p: { profileId: string }) => `There is no profile "${p.profileId}" to test.`,
  noProfiles: () =>
    'No licensing profiles are configured. Start the sandbox with `license-manager sandbox` and pass ' +
    "the configuration file it prints with --config, or use your vendor's configuration.",
};

export const config = textsOf('config', configEn);
