import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LicensingError } from '../licensing/licensing-error';
import { vendorConfigSchema, type VendorConfig } from './vendor-config';

/** Config files are small; anything bigger is not a configuration file. */
const MAX_CONFIG_BYTES = 256 * 1024;

const describeIssues = (file: string, error: z.ZodError): string => {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `  - ${where}: ${issue.message}`;
  });
  return `The configuration file ${file} is not valid:\n${lines.join('\n')}`;
};

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code ?? 'error'})`;
    throw new LicensingError('config', `The configuration file ${file} cannot be used: ${why}.`, {
      cause,
    });
  }
  if (text.length > MAX_CONFIG_BYTES) {
    throw new LicensingError(
      'config',
      `The configuration file ${file} is larger than 256 KB; it cannot be a configuration.`,
    );
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
    const line = lineNumber === undefined ? '' : ` (line ${lineNumber})`;
    throw new LicensingError('config', `The configuration file ${file} is not valid JSON${line}.`, {
      cause,
    });
  }
}

export function parseVendorConfig(raw: unknown, source: string): VendorConfig {
  const parsed = vendorConfigSchema.safeParse(raw);
  if (!parsed.success) throw new LicensingError('config', describeIssues(source, parsed.error));
  return parsed.data;
}

export interface ConfigSources {
  /** The vendor's (or the built-in demo) configuration shipped in resources/. */
  readonly base: string;
  /** A user override in the data folder, used when the file exists. */
  readonly override?: string;
}

/**
 * Loads the base configuration and applies the user override: top-level fields replace, profiles
 * merge by id. The result is validated as a whole so an override cannot produce a broken config.
 */
export async function loadVendorConfig(sources: ConfigSources): Promise<VendorConfig> {
  const base = await readJsonFile(sources.base);
  if (!sources.override) return parseVendorConfig(base, sources.base);
  let override: unknown;
  try {
    override = await readJsonFile(sources.override);
  } catch (error) {
    if (error instanceof LicensingError && /does not exist/.test(error.message)) {
      return parseVendorConfig(base, sources.base);
    }
    throw error;
  }
  const merged = mergeConfig(base, override);
  return parseVendorConfig(merged, `${sources.base} + ${sources.override}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const profiles = new Map<unknown, unknown>();
  for (const profile of [base.profiles, override.profiles].flatMap((list) =>
    Array.isArray(list) ? list : [],
  )) {
    profiles.set(isObject(profile) ? profile.id : profile, profile);
  }
  return { ...base, ...override, profiles: [...profiles.values()] };
}
