import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { configPreview } from '../main/config/config-preview';
import { loadVendorConfig } from '../main/config/load-config';
import type { VendorConfig } from '../main/config/vendor-config';
import { createCore, type Core } from '../main/core';
import { createFingerprinter } from '../main/device/fingerprint';
import { startBrowserHost } from '../main/host/browser-host';
import { createFileRefusalLog } from '../main/ipc/refusal-log';
import { LicensingError } from '../main/licensing/licensing-error';
import type { Credentials } from '../main/licensing/backend';
import type { SecretStore } from '../main/store/secret-store';
import type { StateStore } from '../main/store/persisted-state';
import { need, type CliArgs } from './args';
import { formatAccount, runEniris } from './eniris-commands';
import { formatLicence, formatPool } from './format';
import { runHub } from './hub-commands';
import { formatFileLicence, runOffline, withVendorKey } from './offline-commands';
import { runVendor } from './vendor-commands';
import { kindOf } from './profile-kind';
import { formatDetails, runLicenseSpring } from './licensespring-commands';
import { runDiagnose } from './diagnose-commands';

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
  readonly logFiles: readonly string[];
}

export interface CliContext {
  readonly args: CliArgs;
  /** The shipped configuration and the user's override; `--config FILE` replaces both. */
  readonly configFiles: { readonly base: string; readonly override?: string };
  readonly openHome: (config: VendorConfig) => Promise<CoreHome>;
  /** The CLI's own files: the sandbox's configuration, the local host's refusal log. */
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly version: string;
  /** Resolves when the user stops a long-running command (Ctrl+C). */
  readonly untilStopped: () => Promise<void>;
  /** For long-running commands: say that they are ready before waiting. */
  readonly announce: (output: CommandOutput) => void;
  /** Something the person must know that is not the command's result (stderr, even with --quiet). */
  readonly warn: (message: string) => void;
}

const loadConfig = (context: CliContext): Promise<VendorConfig> =>
  loadVendorConfig(context.args.config ? { base: context.args.config } : context.configFiles);

/** Where `serve` logs refused requests to its local host; the support bundle reads it. */
const refusalLogOf = (context: CliContext): string =>
  join(context.dataDir, 'logs', 'ipc-refusals.log');

async function openCore(
  context: CliContext,
  keepAlive: boolean,
  configure: (config: VendorConfig) => Promise<VendorConfig> = async (config) => config,
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
    logFiles: [...home.logFiles, refusalLogOf(context)],
  });
  // A damaged file is moved aside only once, by the first process that finds it: if this command
  // did not say so, nobody would ever hear of it.
  for (const warning of (await core.appInfo()).storageWarnings) context.warn(warning);
  return core;
}

/** `--profile` may be left out when exactly one profile can do the job. */
function pickProfile(core: Core, requested: string | undefined, kinds?: readonly string[]): string {
  if (requested) return requested;
  const candidates = core.config.profiles.filter(
    (profile) => !kinds || kinds.includes(profile.kind),
  );
  if (candidates.length === 1 && candidates[0]) return candidates[0].id;
  throw new LicensingError(
    'invalid_input',
    `Name the profile with --profile (one of: ${core.config.profiles.map((p) => p.id).join(', ')}).`,
  );
}

async function withCore<T>(
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

/**
 * A secret given on the command line as a file, as `-` (standard input), or (for keys only)
 * inline. Files and standard input keep it out of `ps` and the shell history.
 */
async function secretArg(
  what: string,
  inline: string | undefined,
  file: string | undefined,
  allowInline: boolean,
): Promise<string | undefined> {
  if (file !== undefined) {
    try {
      return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
    } catch (cause) {
      throw new LicensingError('invalid_input', `The ${what} file ${file} cannot be read.`, {
        cause,
      });
    }
  }
  if (inline === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (inline !== undefined && !allowInline) {
    throw new LicensingError(
      'invalid_input',
      `Give the ${what} with --${what}-file FILE or --${what} - (standard input), never on the command line.`,
    );
  }
  return inline;
}

async function passwordFrom(args: CliArgs): Promise<string> {
  const password = await secretArg('password', args.password, args.passwordFile, false);
  if (!password)
    throw new LicensingError(
      'invalid_input',
      'Give the password with --password-file FILE or --password - (standard input).',
    );
  return password;
}

/** What `activate` was given: a key, an account, or the configured device serial. */
async function credentialsFrom(args: CliArgs): Promise<Credentials> {
  if (args.serial) return { method: 'serial' };
  if (args.username !== undefined) {
    const password = await secretArg('password', args.password, args.passwordFile, false);
    if (!password)
      throw new LicensingError(
        'invalid_input',
        'Give the password with --password-file FILE or --password - (standard input).',
      );
    return { method: 'account', username: args.username, password };
  }
  const key = (await secretArg('key', args.key, args.keyFile, true))?.trim();
  if (!key)
    throw new LicensingError(
      'invalid_input',
      'Give the licence key with --key KEY, --key - (standard input) or --key-file FILE; or --username, or --serial.',
    );
  return { method: 'key', key };
}

const licenceOutput = (view: Parameters<typeof formatLicence>[0]): CommandOutput => ({
  value: view,
  text: formatLicence(view),
});

const SEAT_VERBS = ['request', 'heartbeat', 'release', 'info'] as const;

export async function runCommand(context: CliContext): Promise<CommandOutput> {
  const { args } = context;
  const [name, verb] = args.command;
  switch (name) {
    case 'fingerprint': {
      const config = await loadConfig(context);
      const fingerprint = await createFingerprinter(config.productId).get();
      return {
        value: fingerprint,
        text: fingerprint.warning
          ? `${fingerprint.id}\nwarning: ${fingerprint.warning}`
          : fingerprint.id,
      };
    }
    case 'activate': {
      return withCore(context, async (core) => {
        const profileId = pickProfile(core, args.profile);
        // An Eniris profile activates keys of the account: `--username` signs in, `--key` activates.
        if (kindOf(core, profileId) === 'eniris') {
          return runEniris(
            core,
            profileId,
            args.username !== undefined ? 'login' : 'activate',
            args,
            () => passwordFrom(args),
          );
        }
        return licenceOutput(await core.service.activate(profileId, await credentialsFrom(args)));
      });
    }
    case 'deactivate':
      return withCore(context, async (core) =>
        licenceOutput(await core.service.deactivate(pickProfile(core, args.profile))),
      );
    case 'status':
      return withCore(context, async (core) => {
        const ids = args.profile
          ? [args.profile]
          : core.config.profiles.map((profile) => profile.id);
        // --online asks each server; a licence not activated here has nothing to check.
        const check = async (id: string) => {
          const local = await core.service.status(id);
          return args.online && local.status !== 'inactive' ? core.service.validate(id) : local;
        };
        // Eniris profiles report the account, MobiusFlow the fleet; the others this computer's
        // licence (LicenseSpring with its terms and features once they are known).
        const outputs = await Promise.all(
          ids.map(async (id) => {
            const kind = kindOf(core, id);
            if (kind === 'eniris') {
              const account = await core.eniris.account(id);
              return { value: account, text: formatAccount(account) };
            }
            if (kind === 'mobiusflow') {
              const { hubs } = core.hubs.list();
              return {
                value: { profileId: id, hubs: hubs.length },
                text: `${id}: ${hubs.length} hubs in the inventory (see \`hub list\`)`,
              };
            }
            if (kind === 'licence-file') {
              const view = await core.licenceFiles.status(id);
              return { value: view, text: formatFileLicence(view) };
            }
            const view = await check(id);
            if (kind === 'licensespring' && view.status !== 'inactive') {
              const details = await core.licenseSpring
                .details(id, args.online)
                .catch(() => undefined);
              if (details)
                return {
                  value: { ...view, details },
                  text: `${formatLicence(view)}\n${formatDetails(details)}`,
                };
            }
            return { value: view, text: formatLicence(view) };
          }),
        );
        return {
          value: args.profile ? outputs[0]?.value : outputs.map((output) => output.value),
          text: outputs.map((output) => output.text).join('\n'),
        };
      });
    case 'seat': {
      if (!SEAT_VERBS.includes(verb as (typeof SEAT_VERBS)[number]))
        throw new LicensingError('invalid_input', `Use one of: seat ${SEAT_VERBS.join('|')}.`);
      return withCore(context, async (core) => {
        const profileId = pickProfile(core, args.profile, ['seats']);
        if (verb === 'info') {
          const pool = await core.service.seatInfo(profileId);
          return { value: pool, text: formatPool(pool) };
        }
        const action = {
          request: core.service.requestSeat,
          heartbeat: core.service.renewSeat,
          release: core.service.releaseSeat,
        }[verb as 'request' | 'heartbeat' | 'release'];
        return licenceOutput(await action(profileId));
      });
    }
    case 'eniris':
      return withCore(context, (core) =>
        runEniris(core, pickProfile(core, args.profile, ['eniris']), verb, args, () =>
          passwordFrom(args),
        ),
      );
    case 'feature':
    case 'consume':
    case 'borrow':
    case 'release':
    case 'licence':
      return withCore(context, async (core) =>
        runLicenseSpring(
          core,
          pickProfile(core, args.profile, ['licensespring']),
          args.command,
          args,
        ),
      );
    case 'hub':
      return withCore(context, (core) =>
        runHub(core.hubs, verb, args.command.slice(2), args, () => passwordFrom(args)),
      );
    case 'offline':
      return withCore(
        context,
        (core) =>
          runOffline(core, verb, args.command.slice(2), args, async () => {
            const credentials = await credentialsFrom(args);
            return credentials.method === 'key'
              ? credentials.key
              : credentials.method === 'account'
                ? credentials.username
                : need(
                    undefined,
                    'the licence key with --key KEY (or the account with --username)',
                  );
          }),
        (config) => withVendorKey(config, args.publicKey),
      );
    case 'vendor':
      return runVendor(verb, args, () => loadConfig(context));
    case 'diagnose':
      return withCore(context, (core) => runDiagnose(core, args));
    case 'sandbox':
      return runSandbox(context);
    case 'serve':
      return runServe(context);
    default:
      throw new LicensingError(
        'invalid_input',
        name
          ? `Unknown command "${name}". Run \`license-manager --help\`.`
          : 'Name a command. Run `license-manager --help`.',
      );
  }
}

async function runSandbox(context: CliContext): Promise<CommandOutput> {
  // Loaded here, not at the top: every other command (a silent install's `activate`) would
  // otherwise pay for loading every sandbox server.
  const [{ startSandboxes }, { demoConfigFor, hubInventoryCsv }] = await Promise.all([
    import('../sandbox'),
    import('../main/demo-mode'),
  ]);
  const set = await startSandboxes({
    host: '127.0.0.1',
    port: context.args.port ?? 0,
    hubs: context.args.hubs,
  });
  const dir = join(context.dataDir, 'sandbox');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, `config-${new URL(set.servers.seats.url).port}.json`);
  const config = demoConfigFor(set, {
    productName: 'License Manager (sandbox)',
    productId: 'license-manager-sandbox',
  });
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The hubs with their passwords go to a file, not the ready line (a thousand of them).
  const hubsCsv = join(dir, `hubs-${new URL(set.servers.mobiusflow.url).port}.csv`);
  writeFileSync(hubsCsv, hubInventoryCsv(set.servers.mobiusflow.hubs), { mode: 0o600 });
  // The vendor's signing key, for `vendor sign --key`, goes to a file too (a key in a JSON line
  // would end up in logs).
  const vendorKey = join(dir, `vendor-private-${new URL(set.servers.seats.url).port}.pem`);
  writeFileSync(vendorKey, set.demo.licenceFile.privateKeyPem, { mode: 0o600 });
  const { hubs, ...mobiusflow } = set.servers.mobiusflow;
  const { privateKeyPem: _kept, ...licenceFile } = set.demo.licenceFile;
  const value = {
    config: configFile,
    hubsCsv,
    vendorKey,
    servers: { ...set.servers, mobiusflow: { ...mobiusflow, hubCount: hubs.length } },
    demo: { ...set.demo, licenceFile },
  };
  context.announce({
    value,
    text: [
      `Sandbox servers running. Configuration: ${configFile}`,
      `  seats: ${set.servers.seats.url}`,
      `  floating demo key:   ${set.demo.seats.floatingKey}`,
      `  activation demo key: ${set.demo.seats.activationKey}`,
      `  flecs:  ${set.servers.flecs.url}  (account ${set.demo.flecs.username} / ${set.demo.flecs.password}, key ${set.demo.flecs.licenseKey})`,
      `  eniris: ${set.servers.eniris.apiUrl}  (account ${set.demo.eniris.username} / ${set.demo.eniris.password}, key ${set.demo.eniris.freeKey})`,
      `  licensespring: ${set.servers.licensespring.url}  (node-locked key ${set.demo.licensespring.nodeLockedKey}, floating key ${set.demo.licensespring.floatingKey})`,
      `  mobiusflow: ${set.servers.mobiusflow.url}  (${hubs.length} hubs; import ${hubsCsv} with \`hub import\`)`,
      `  licence files: sign one with \`vendor sign --key ${vendorKey} --config ${configFile}\``,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  });
  await context.untilStopped();
  await set.close();
  return { value: { stopped: true }, text: 'Sandbox stopped.' };
}

async function runServe(context: CliContext): Promise<CommandOutput> {
  // The configuration as written (demo mode replaces the core's with the sandbox's profiles).
  let loaded: VendorConfig | undefined;
  const core = await openCore(context, true, async (config) => (loaded = config));
  // Refused requests to the local host (a wrong link, another page, a bad body) leave a trace.
  const refusals = createFileRefusalLog({ file: refusalLogOf(context) });
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  try {
    host = await startBrowserHost({
      rendererDir: context.rendererDir,
      dispatch: core.dispatch,
      subscribe: core.onEvent,
      port: context.args.port,
      log: refusals,
      openLink: core.links.receive,
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  const preview = configPreview(context.args.config, loaded ?? core.config, core.config.profiles);
  context.announce({
    value: { url: host.url, preview: preview.value },
    text: [
      ...preview.lines,
      `Open this link in your browser (it works once):\n  ${host.url}\nPress Ctrl+C to stop.`,
    ].join('\n'),
  });
  await context.untilStopped();
  await host.close();
  await refusals.flush();
  const outcome = await core.close();
  const kept = [...(outcome?.failed ?? []), ...(outcome?.timedOut ?? [])];
  return {
    value: { stopped: true, released: outcome?.released ?? [], notReleased: kept },
    text:
      kept.length === 0
        ? 'Stopped; every held seat was given back.'
        : `Stopped. Seats not given back (they lapse on the server): ${kept.join(', ')}.`,
  };
}
