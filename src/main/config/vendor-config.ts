import { z } from 'zod';
import { config as says } from '../../shared/texts/config.en';
import { LicensingError } from '../licensing/licensing-error';
import { PRODUCT_CODE } from '../offline/licence-terms';
import { brandingFields, missingHomeScreens } from './branding-config';
import { customIssue, saying } from './config-issues';

/**
 * The vendor configuration: which product this is, which licensing backends it talks to, and
 * what the user may relax. Shipped in `resources/` by the vendor's installer; a user override in
 * the data folder may add or replace profiles (same id = replaced).
 */

const profileId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, saying(says.profileIdChars()));

const label = z.string().min(1).max(80);
const description = z.string().max(300);

/**
 * What a profile is called on screen, in English, and in the other languages the app speaks
 * where the vendor gives them (`"translations": { "de": { "label": "…" } }`); a missing
 * translation shows the English.
 */
const naming = {
  label,
  description: description.optional(),
  translations: z
    .object({ de: z.object({ label, description }).partial().strict() })
    .partial()
    .strict()
    .optional(),
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * zod runs the refinements below even when `.url()` has already refused the text, so they must
 * not throw: `new URL` on "licensing.example.com" (no scheme) threw a TypeError out of the parse
 * instead of a `config` error. Such text is left to the `.url()` message.
 */
const urlOf = (value: string): URL | undefined =>
  URL.canParse(value) ? new URL(value) : undefined;

/** Keys and API keys travel in these requests: plain http only where nothing leaves the machine. */
const httpUrl = z
  .string()
  .url(saying(says.fullUrl()))
  .refine((value) => {
    const url = urlOf(value);
    return url === undefined || /^https?:$/.test(url.protocol);
  }, saying(says.startHttps()))
  .refine((value) => {
    const url = urlOf(value);
    return url === undefined || url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  }, saying(says.useHttps()));

const seatsProfile = z
  .object({
    id: profileId,
    kind: z.literal('seats'),
    ...naming,
    baseUrl: httpUrl,
    apiKey: z.string().min(1, saying(says.seatsApiKeyRequired())),
    bearerToken: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
  })
  .strict();

const flecsProfile = z
  .object({
    id: profileId,
    kind: z.literal('flecs'),
    ...naming,
    baseUrl: httpUrl,
    /** The device serial, where the installer knows it: offers activation by serial number. */
    serialNumber: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x20-\x7E]+$/, saying(says.printableOnly()))
      .optional(),
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
  })
  .strict();

const enirisProfile = z
  .object({
    id: profileId,
    kind: z.literal('eniris'),
    ...naming,
    /** The sign-in service (https://authentication.eniris.be) and the API (https://api.eniris.be). */
    authUrl: httpUrl,
    apiUrl: httpUrl,
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
  })
  .strict();

const PEM_BEGIN = /-----BEGIN (RSA )?PUBLIC KEY-----/;
const PEM_END = /-----END (RSA )?PUBLIC KEY-----/;

/**
 * A BEGIN line, then at least one character, then an END line. Checked as two searches rather
 * than one /BEGIN[\s\S]+END/ regex, which backtracks from every BEGIN to the end of the text:
 * a 256 KB file of BEGIN lines without an END took seconds (quadratic) to refuse.
 */
function hasPemBlock(text: string): boolean {
  const begin = PEM_BEGIN.exec(text);
  return begin !== null && PEM_END.test(text.slice(begin.index + begin[0].length + 1));
}

/** An RSA public key in PEM (SPKI "BEGIN PUBLIC KEY" or PKCS#1 "BEGIN RSA PUBLIC KEY"). */
const publicKeyPem = z.string().refine(hasPemBlock, saying(says.publicKeyPem()));

const licenseSpringProfile = z
  .object({
    id: profileId,
    kind: z.literal('licensespring'),
    ...naming,
    /** The License API origin, e.g. https://api.licensespring.com (the adapter adds /api/v4/). */
    baseUrl: httpUrl,
    productCode: z.string().min(1, saying(says.productCodeRequired())).max(100),
    /** API key + shared key (request signing), or OAuth client credentials. */
    auth: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('hmac'),
          apiKey: z.string().min(1, saying(says.licenseSpringApiKeyRequired())),
          sharedKey: z.string().min(1, saying(says.licenseSpringSharedKeyRequired())),
        })
        .strict(),
      z
        .object({
          kind: z.literal('oauth'),
          tokenUrl: httpUrl,
          clientId: z.string().min(1),
          clientSecret: z.string().min(1),
        })
        .strict(),
    ]),
    /** LicenseSpring's public key: every answer's signature is checked against it. */
    publicKey: publicKeyPem,
    authorizationMethod: z.enum(['license-key', 'user']).default('license-key'),
    /** Lets people record consumption from the app (off: the vendor's software does it). */
    allowConsumption: z.boolean().default(false),
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
  })
  .strict();

const mobiusFlowProfile = z
  .object({
    id: profileId,
    kind: z.literal('mobiusflow'),
    ...naming,
    /** How many hubs a fleet refresh asks at once. */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** Per-hub deadline of one request. */
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
  })
  .strict();

/**
 * Licence files the vendor signs with its own Ed25519 key (`license-manager vendor sign`), for
 * products sold without a licensing server; the format is in docs/licence-file-format.md.
 */
const licenceFileProfile = z
  .object({
    id: profileId,
    kind: z.literal('licence-file'),
    ...naming,
    /** The product code the vendor signs into every file; a file for another product is refused. */
    productCode: z.string().regex(PRODUCT_CODE, saying(says.codeChars())),
    /** The vendor's Ed25519 public key (SPKI PEM), from `license-manager vendor keygen`. */
    publicKey: publicKeyPem,
    /** How many days before expiry people are warned. */
    expiryWarningDays: z.number().int().min(0).max(365).default(14),
  })
  .strict();

export const profileConfigSchema = z.discriminatedUnion('kind', [
  seatsProfile,
  flecsProfile,
  enirisProfile,
  licenseSpringProfile,
  mobiusFlowProfile,
  licenceFileProfile,
]);
export type ProfileConfig = z.infer<typeof profileConfigSchema>;

export const vendorConfigSchema = z
  .object({
    $schema: z.string().optional(),
    productName: z.string().min(1).max(80),
    /** Salt for the machine fingerprint: two products never share a fingerprint. */
    productId: z.string().regex(/^[A-Za-z0-9._-]{3,100}$/, saying(says.codeChars())),
    /** No profiles and demo true: the app serves its own sandbox so it works out of the box. */
    demo: z.boolean().default(false),
    /**
     * Linux without a keyring makes Electron fall back to a hard-coded key (`basic_text`). Secrets
     * would then be readable by anyone with the file, so this is refused unless the vendor opts in.
     */
    allowWeakSecretStore: z.boolean().default(false),
    /**
     * A PEM bundle of CA certificates trusted besides the usual ones (the CA of an on-premises
     * licensing server, or of a TLS-inspecting proxy): absolute, or relative to the folder of
     * the vendor configuration file. Read and checked at start (src/main/net/ca-bundle.ts).
     */
    caFile: z.string().min(1).max(4096).optional(),
    profiles: z.array(profileConfigSchema).max(50).default([]),
    /** Logo, accent colour, support contact, screens shown, updates and telemetry (off). */
    ...brandingFields,
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.profiles.forEach((profile, index) => {
      if (seen.has(profile.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', index, 'id'],
          ...customIssue(says.duplicateProfileId({ id: profile.id })),
        });
      }
      seen.add(profile.id);
    });
    if (!config.demo && config.profiles.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['profiles'],
        ...customIssue(says.addProfile()),
      });
    }
    for (const problem of missingHomeScreens(config.screens, config.profiles))
      ctx.addIssue({ code: 'custom', path: ['screens'], ...customIssue(problem) });
  });

export type VendorConfig = z.infer<typeof vendorConfigSchema> & {
  /** Set by the loader: the `logo` file, read and checked, as a data: URL for the renderer. */
  readonly logoDataUrl?: string;
};

type ProfileKind = ProfileConfig['kind'];
const KIND_NAMES: Readonly<Record<ProfileKind, string>> = {
  seats: 'floating-seats',
  flecs: 'FLECS',
  eniris: 'Eniris',
  licensespring: 'LicenseSpring',
  mobiusflow: 'MobiusFlow',
  'licence-file': 'licence-file',
};

/** The configured profile `profileId`, refused unless it is of `kind`: each service serves its own. */
export function profileOfKind<K extends ProfileKind>(
  profiles: readonly ProfileConfig[],
  profileId: string,
  kind: K,
): Extract<ProfileConfig, { kind: K }> {
  const profile = profiles.find((candidate) => candidate.id === profileId);
  if (profile?.kind !== kind)
    throw new LicensingError(
      'invalid_input',
      says.notProfileOfKind({ profileId, kind: KIND_NAMES[kind] }),
    );
  return profile as Extract<ProfileConfig, { kind: K }>;
}
