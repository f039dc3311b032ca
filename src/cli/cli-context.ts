import { dirname, join } from 'node:path';
import type { FetchLike } from '../main/http/fetch-http-client';
import type { SystemStore } from '../main/net/system-certificates';
import { loadVendorConfig } from '../main/config/load-config';
import type { VendorConfig } from '../main/config/vendor-config';
import type { ProxyResolver } from '../main/net/proxy-route';
import { createCore, type Core } from '../main/core';
import type { HostLogFile } from '../main/diagnostics/support-bundle';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type { StateStore } from '../main/store/persisted-state';
import type { SecretStore } from '../main/store/secret-store';
import type { CliArgs } from './args';

/**
 * What every command runs in: its arguments, where the configuration and the licences are, and
 * how a core is opened on them and closed again.
 */

export interface CommandOutput {
  /** What `--json` prints. */
  readonly value: unknown;
  /** What a person reads. */
  readonly text: string;
  /** A command that did its job but must report a refusal (`hub trust` without a fingerprint). */
  readonly exitCode?: number;
}

/**
 * Where a core keeps its licences. The Node CLI keeps them in its own folder and the OS keyring;
 * the installed app, run with `--cli`, in the app's own stores, so what a silent install activates
 * is what the app then shows.
 */
export interface CoreHome {
  readonly secrets: SecretStore;
  readonly state: StateStore;
  readonly hubInventoryFile: string;
  /** Logs the support bundle includes. */
  readonly logFiles: readonly HostLogFile[];
}

export interface CliContext {
  readonly args: CliArgs;
  /** The shipped configuration and the user's override; `--config FILE` replaces both. */
  readonly configFiles: { readonly base: string; readonly override?: string };
  readonly openHome: (config: VendorConfig) => Promise<CoreHome>;
  /** The CLI's own files: the sandbox's configuration, the local host's refusal log. */
  readonly dataDir: string;
  readonly rendererDir: string;
  /**
   * The installed app's `--cli`: Chromium's proxy resolver, as the app itself uses, so a silent
   * install goes out the way the app will. Absent (the Node CLI): the *_PROXY variables.
   */
  readonly systemProxy?: ProxyResolver;
  /** The installed app's `--cli`: fetch over Chromium's stack, for proxies that ask for Windows sign-in. */
  readonly chromiumFetch?: FetchLike;
  /** The installed app's `--cli`: this computer's trusted CAs, as the app trusts them. */
  readonly systemCertificates?: () => Promise<SystemStore>;
  readonly version: string;
  /** Resolves when the user stops a long-running command (Ctrl+C). */
  readonly untilStopped: () => Promise<void>;
  /** For long-running commands: say that they are ready before waiting. */
  readonly announce: (output: CommandOutput) => void;
  /** Something the person must know that is not the command's result (stderr, even with --quiet). */
  readonly warn: (message: string) => void;
}

export const loadConfig = (context: CliContext): Promise<VendorConfig> =>
  loadVendorConfig(context.args.config ? { base: context.args.config } : context.configFiles);

/** Where `serve` logs refused requests to its local host; the support bundle reads it. */
export const refusalLogOf = (context: CliContext): string =>
  join(context.dataDir, 'logs', 'ipc-refusals.log');

export async function openCore(
  context: CliContext,
  keepAlive: boolean,
  configure: (config: VendorConfig) => Promise<VendorConfig> = async (config) => config,
  // `serve` hands over the refusal log it writes, so its bundle waits for the queued lines.
  refusals: HostLogFile = { file: refusalLogOf(context) },
): Promise<Core> {
  const config = await configure(await loadConfig(context));
  const home = await context.openHome(config);
  const core = await createCore({
    config,
    version: context.version,
    secrets: home.secrets,
    state: home.state,
    hubInventoryFile: home.hubInventoryFile,
    keepAlive,
    allowInProcessDemo: keepAlive,
    // A relative caFile lies beside the configuration file; `serve` writes its refusals here.
    configDir: dirname(context.args.config ?? context.configFiles.base),
    systemProxy: context.systemProxy,
    chromiumFetch: context.chromiumFetch,
    systemCertificates: context.systemCertificates,
    logFiles: [...home.logFiles, refusals],
  });
  // A damaged file is moved aside only once, by the first process that finds it: if this command
  // did not say so, nobody would ever hear of it.
  for (const warning of (await core.appInfo()).storageWarnings) context.warn(warning);
  return core;
}

/** `--profile` may be left out when exactly one profile can do the job. */
export function pickProfile(
  core: Core,
  requested: string | undefined,
  kinds?: readonly string[],
): string {
  if (requested) return requested;
  const candidates = core.config.profiles.filter(
    (profile) => !kinds || kinds.includes(profile.kind),
  );
  if (candidates.length === 1 && candidates[0]) return candidates[0].id;
  throw new LicensingError(
    'invalid_input',
    cli.nameProfile({ profiles: core.config.profiles.map((p) => p.id).join(', ') }),
  );
}

export async function withCore<T>(
  context: CliContext,
  use: (core: Core) => Promise<T>,
  configure?: (config: VendorConfig) => Promise<VendorConfig>,
): Promise<T> {
  const core = await openCore(context, false, configure);
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}
