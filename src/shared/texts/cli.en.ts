import { textsOf } from '../text';

/**
 * The command line's own refusals (arguments, files it was given). English only: the CLI speaks to
 * installer scripts and support staff, and these never reach the screens.
 */
export const cliEn = {
  /** A value a command cannot do without; `what` names it as the usage does ("--key KEY"). */
  give: (p: { what: string }) => `Give ${p.what}.`,
  useOneOf: (p: { usage: string }) => `Use one of: ${p.usage}.`,
  unknownCommand: (p: { name: string }) =>
    `Unknown command "${p.name}". Run \`license-manager --help\`.`,
  noCommand: () => 'Name a command. Run `license-manager --help`.',
  /** node's parseArgs' own words (unknown option, missing value), then where to look. */
  badArguments: (p: { problem: string }) => `${p.problem}. Run \`license-manager --help\`.`,
  notWholeNumber: (p: { option: string; min: number; max: number; raw: string }) =>
    `--${p.option} must be a number from ${p.min} to ${p.max}, not "${p.raw}".`,
  nameProfile: (p: { profiles: string }) =>
    `Name the profile with --profile (one of: ${p.profiles}).`,
  noOfflineProfile: () =>
    'No profile in the configuration takes offline licences (LicenseSpring or licence-file); give the vendor key with --public-key FILE to import a licence file.',

  // Secrets and files the command was given
  secretOnCommandLine: (p: { what: string }) =>
    `Give the ${p.what} with --${p.what}-file FILE or --${p.what} - (standard input), never on the command line.`,
  passwordMissing: () =>
    'Give the password with --password-file FILE or --password - (standard input).',
  keyMissing: () =>
    'Give the licence key with --key KEY, --key - (standard input) or --key-file FILE; or --username, or --serial.',
  fileNotRead: (p: { what: string; file: string }) =>
    `The ${p.what} file ${p.file} cannot be read.`,
  fileTooLarge: (p: { file: string; size: number; what: string }) =>
    `${p.file} is ${p.size} bytes, far larger than any ${p.what}: check that this is the right file.`,
  requestNotWritten: (p: { file: string }) => `The request file ${p.file} cannot be written.`,
  bundleNotWritten: (p: { file: string }) => `The support bundle ${p.file} cannot be written.`,
  /** `verb` is "read" or "write"; `code` the system's error code (ENOENT, EACCES). */
  fileUnusable: (p: { verb: string; file: string; code: string }) =>
    `Cannot ${p.verb} ${p.file} (${p.code}). Check the path and permissions.`,

  // eniris, hub, LicenseSpring
  nodeOrCustomer: () => 'Give either --node ID (a controller) or --customer ID.',
  /** zod's own words for each option of `hub add` that does not fit, joined with "; ". */
  hubOptions: (p: { issues: string }) => `${p.issues}`,
  hubNoLicence: (p: { hub: string }) => `Hub ${p.hub} reported no licence.`,
  badUntil: (p: { raw: string }) =>
    `--until must be an ISO date and time such as 2026-12-01T18:00:00Z, not "${p.raw}".`,
  badAmount: () => 'Give the amount to record as a whole number other than 0, e.g. `consume 5`.',

  // vendor keygen|sign
  unknownVendorCommand: (p: { verb: string }) =>
    `Unknown vendor command "${p.verb}". Use one of: vendor keygen|sign.`,
  privateKeyExists: (p: { file: string }) =>
    `${p.file} already exists. Replacing it would stop every licence signed with it from verifying once the app trusts the new public key. Give --force to replace it anyway, or choose another --out folder.`,
  keyPairNotWritten: (p: { dir: string; code: string }) =>
    `The key pair cannot be written to ${p.dir} (${p.code}).`,
  signingKeyNotRead: (p: { file: string; code: string }) =>
    `The --key file ${p.file} cannot be read (${p.code}).`,
  badProduct: (p: { raw: string }) =>
    `--product must be the product code (the productId of the vendor configuration: letters, digits, . _ -, 3 to 100), not "${p.raw}".`,
  emptyLicensee: () => '--licensee needs a name (or leave it out).',
  emptyEmail: () => '--email needs an address (or leave it out).',
  badFeature: (p: { code: string }) =>
    `--feature "${p.code}" is not a feature code: use letters, digits, . _ - (at most 64, starting with a letter or digit).`,
  featureTwice: (p: { code: string }) => `--feature ${p.code} is given twice.`,
  graceWithoutExpiry: () => '--grace-days applies to a licence that expires: give --expires too.',
  badFingerprint: (p: { raw: string }) =>
    `--fingerprint must be the 64 hex digits that \`license-manager fingerprint\` prints on the customer's computer, not "${p.raw}".`,
  badExpiry: (p: { raw: string }) =>
    `--expires must be a date (2026-12-31: the end of that day, UTC) or a date and time with its zone (2026-12-31T17:00:00Z), not "${p.raw}".`,
  expiryNotFuture: (p: { raw: string }) =>
    `--expires ${p.raw} is not in the future: a licence must expire after it is issued.`,
};

export const cli = textsOf('cli', cliEn);
