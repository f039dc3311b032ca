import { readFile } from 'node:fs/promises';
import { config as says } from '../../shared/texts/config.en';
import { issuesAsTexts } from '../../shared/issue-text';
import { LicensingError } from '../licensing/licensing-error';
import { configIssues, notValid, type ConfigIssue } from './config-issues';
import { LogoProblem, readLogo } from './logo-file';
import { vendorConfigSchema, type VendorConfig } from './vendor-config';

/** Config files are small; anything bigger is not a configuration file. */
const MAX_CONFIG_BYTES = 256 * 1024;

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const said =
      code === 'ENOENT'
        ? says.fileMissing({ file })
        : says.fileUnreadable({ file, code: code ?? 'error' });
    throw new LicensingError('config', said, { cause });
  }
  if (text.length > MAX_CONFIG_BYTES) {
    throw new LicensingError('config', says.fileTooLarge({ file }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // V8 quotes the text around the mistake, which may be an API key: say only where it is
    // (newer V8 versions give the position; older ones do not).
    const message = (cause as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const stated = /line (\d+)/.exec(message)?.[1];
    const lineNumber =
      position === undefined ? stated : String(text.slice(0, Number(position)).split('\n').length);
    const line = lineNumber === undefined ? {} : { line: Number(lineNumber) };
    throw new LicensingError('config', says.notJson({ file, ...line }), { cause });
  }
}

export function parseVendorConfig(raw: unknown, source: string): VendorConfig {
  const parsed = vendorConfigSchema.safeParse(raw, issuesAsTexts);
  if (!parsed.success)
    throw new LicensingError('config', notValid(source, configIssues(parsed.error.issues)));
  return parsed.data;
}

/** Reads the logo the configuration names, relative to `logoBase`, the file that named it. */
async function withLogo(
  config: VendorConfig,
  logoBase: string,
  source: string,
): Promise<VendorConfig> {
  if (config.logo === undefined) return config;
  try {
    return { ...config, logoDataUrl: await readLogo(logoBase, config.logo) };
  } catch (error) {
    if (!(error instanceof LogoProblem)) throw error;
    throw new LicensingError('config', notValid(source, [{ path: ['logo'], problem: error.text }]));
  }
}

export interface ConfigSources {
  /** The vendor's (or the built-in demo) configuration shipped in resources/. */
  readonly base: string;
  /** A user override in the data folder, used when the file exists. */
  readonly override?: string;
}

/**
 * Loads the base configuration and applies the user override: top-level fields replace, profiles
 * merge by id, and what the vendor's trust rests on stays the vendor's (LOCKED_PROFILE_FIELDS).
 * The result is validated as a whole so an override cannot produce a broken config.
 */
export async function loadVendorConfig(sources: ConfigSources): Promise<VendorConfig> {
  const base = await readJsonFile(sources.base);
  const fromBase = (): Promise<VendorConfig> =>
    withLogo(parseVendorConfig(base, sources.base), sources.base, sources.base);
  if (!sources.override) return fromBase();
  let override: unknown;
  try {
    override = await readJsonFile(sources.override);
  } catch (error) {
    if (error instanceof LicensingError && /does not exist/.test(error.message)) {
      return fromBase();
    }
    throw error;
  }
  const locked = lockedFieldsChanged(base, override);
  if (locked.length > 0) throw new LicensingError('config', notValid(sources.override, locked));
  const merged = mergeConfig(base, override);
  const source = `${sources.base} + ${sources.override}`;
  // A logo named by the override lies beside the override; otherwise beside the base.
  const logoBase = isObject(override) && 'logo' in override ? sources.override : sources.base;
  return withLogo(parseVendorConfig(merged, source), logoBase, source);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const profilesOf = (config: unknown): unknown[] =>
  isObject(config) && Array.isArray(config.profiles) ? config.profiles : [];

/**
 * What the vendor's trust rests on, which a user override may not change: the product id (the
 * fingerprint's salt), and in each of the vendor's profiles its kind, its product code and the
 * public key that answers and licence files are checked against. Without this, anyone could put
 * their own key in config.json and sign themselves a licence file with `vendor sign`.
 */
const LOCKED_PROFILE_FIELDS = ['kind', 'productCode', 'publicKey'] as const;

function lockedFieldsChanged(base: unknown, override: unknown): ConfigIssue[] {
  if (!isObject(base) || !isObject(override)) return [];
  const issues: ConfigIssue[] = [];
  const fixed = (field: string) => says.lockedField({ field });
  if ('productId' in override && override.productId !== base.productId)
    issues.push({ path: ['productId'], problem: fixed('productId') });
  const vendorProfiles = new Map(
    profilesOf(base).flatMap((profile) => (isObject(profile) ? [[profile.id, profile]] : [])),
  );
  profilesOf(override).forEach((profile, index) => {
    const vendor = isObject(profile) ? vendorProfiles.get(profile.id) : undefined;
    if (!isObject(profile) || vendor === undefined) return;
    for (const field of LOCKED_PROFILE_FIELDS) {
      if (field in profile && JSON.stringify(profile[field]) !== JSON.stringify(vendor[field]))
        issues.push({ path: ['profiles', index, field], problem: fixed(field) });
    }
  });
  return issues;
}

/** Top-level fields replace; a profile with a vendor profile's id changes the fields it names. */
function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const profiles = new Map<unknown, unknown>();
  for (const profile of [...profilesOf(base), ...profilesOf(override)]) {
    const id = isObject(profile) ? profile.id : profile;
    const earlier = profiles.get(id);
    profiles.set(id, isObject(earlier) && isObject(profile) ? { ...earlier, ...profile } : profile);
  }
  return { ...base, ...override, profiles: [...profiles.values()] };
}
