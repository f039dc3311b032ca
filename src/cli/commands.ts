import { readFile } from 'node:fs/promises';
import { createFingerprinter } from '../main/device/fingerprint';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type { Credentials } from '../main/licensing/backend';
import { need, type CliArgs } from './args';
import {
  loadConfig,
  pickProfile,
  withCore,
  type CliContext,
  type CommandOutput,
} from './cli-context';
import { runSandbox, runServe } from './local-servers';
import { formatAccount, runEniris } from './eniris-commands';
import { formatLicence, formatPool } from './format';
import { runHub } from './hub-commands';
import { formatFileLicence, runOffline, withVendorKey } from './offline-commands';
import { runVendor } from './vendor-commands';
import { kindOf } from './profile-kind';
import { formatDetails, runLicenseSpring } from './licensespring-commands';
import { runDiagnose } from './diagnose-commands';

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
      throw new LicensingError('invalid_input', cli.fileNotRead({ what, file }), {
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
    throw new LicensingError('invalid_input', cli.secretOnCommandLine({ what }));
  }
  return inline;
}

async function passwordFrom(args: CliArgs): Promise<string> {
  const password = await secretArg('password', args.password, args.passwordFile, false);
  if (!password) throw new LicensingError('invalid_input', cli.passwordMissing());
  return password;
}

/** What `activate` was given: a key, an account, or the configured device serial. */
async function credentialsFrom(args: CliArgs): Promise<Credentials> {
  if (args.serial) return { method: 'serial' };
  if (args.username !== undefined) {
    const password = await secretArg('password', args.password, args.passwordFile, false);
    if (!password) throw new LicensingError('invalid_input', cli.passwordMissing());
    return { method: 'account', username: args.username, password };
  }
  const key = (await secretArg('key', args.key, args.keyFile, true))?.trim();
  if (!key) throw new LicensingError('invalid_input', cli.keyMissing());
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
        throw new LicensingError(
          'invalid_input',
          cli.useOneOf({ usage: `seat ${SEAT_VERBS.join('|')}` }),
        );
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
        name ? cli.unknownCommand({ name }) : cli.noCommand(),
      );
  }
}
