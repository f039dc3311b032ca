import { readFile, stat, writeFile } from 'node:fs/promises';
import type { VendorConfig } from '../main/config/vendor-config';
import type { Core } from '../main/core';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type { FileLicenceView, OfflineRequest } from '../shared/offline-model';
import type { CliArgs } from './args';
import type { CommandOutput } from './cli-context';
import { formatLicence, when } from './format';
import { kindOf } from './profile-kind';

/** Bigger than any licence file: refused before it is read (the core names each format's limit). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const OFFLINE_KINDS = ['licensespring', 'licence-file'] as const;

/**
 * `--public-key FILE`: the vendor key to verify licence files with, in place of the configured
 * one; with no licence-file profile configured, one is made for the configured product.
 */
export async function withVendorKey(
  config: VendorConfig,
  publicKeyFile: string | undefined,
): Promise<VendorConfig> {
  if (publicKeyFile === undefined) return config;
  const publicKey = await readText(publicKeyFile, 'public key', 64 * 1024);
  const configured = config.profiles.some((profile) => profile.kind === 'licence-file');
  const profiles = configured
    ? config.profiles.map((profile) =>
        profile.kind === 'licence-file' ? { ...profile, publicKey } : profile,
      )
    : [
        ...config.profiles,
        {
          id: 'licence-file',
          kind: 'licence-file' as const,
          label: 'Licence file',
          productCode: config.productId,
          publicKey,
          expiryWarningDays: 14,
        },
      ];
  return { ...config, profiles };
}

async function readText(file: string, what: string, maxBytes: number): Promise<string> {
  try {
    const { size } = await stat(file);
    if (size > maxBytes)
      throw new LicensingError('invalid_file', cli.fileTooLarge({ file, size, what }));
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof LicensingError) throw error;
    throw new LicensingError('invalid_input', cli.fileNotRead({ what, file }), {
      cause: error,
    });
  }
}

/** Writes a request to `--out`; it names the licence key, so it is readable by this user only. */
async function writeRequest(request: OfflineRequest, out: string | undefined): Promise<void> {
  if (out === undefined) return;
  try {
    await writeFile(out, `${request.text}\n`, { mode: 0o600 });
  } catch (cause) {
    throw new LicensingError('invalid_input', cli.requestNotWritten({ file: out }), {
      cause,
    });
  }
}

/** The request's text on standard output (so `> file` works), or where `--out` wrote it. */
function delivered(request: OfflineRequest, out: string | undefined, next: string) {
  if (out === undefined) return { value: request, text: request.text };
  return {
    value: { ...request, file: out },
    text: `Request file written to ${out}. ${next}`,
  };
}

export function formatFileLicence(view: FileLicenceView): string {
  const { licence } = view;
  if (!licence)
    return `${view.profileId}: no licence file imported (this computer's fingerprint: ${view.fingerprint})`;
  return [
    `${view.profileId}: licence file ${licence.id} (${licence.state})`,
    `  ${licence.message}`,
    `  licensee:  ${licence.licensee.name ?? '-'}${licence.licensee.email ? ` <${licence.licensee.email}>` : ''}`,
    `  features:  ${licence.features.join(', ') || '-'}`,
    `  issued:    ${when(licence.issuedAt)}`,
    `  expires:   ${licence.expiresAt === undefined ? 'never' : when(licence.expiresAt)}`,
    `  locked to: ${licence.nodeLocked ? 'this computer' : 'any computer'}`,
  ].join('\n');
}

/** `--profile`, or the one offline-capable profile, or the one whose format the file has. */
function offlineProfile(core: Core, args: CliArgs, fileText?: string): string {
  if (args.profile) return args.profile;
  const candidates = core.config.profiles.filter((profile) =>
    (OFFLINE_KINDS as readonly string[]).includes(profile.kind),
  );
  // Our licence files are JSON; LicenseSpring's are base64.
  const byFormat =
    fileText === undefined
      ? candidates
      : candidates.filter(
          (profile) => (profile.kind === 'licence-file') === fileText.trimStart().startsWith('{'),
        );
  const only = (byFormat.length === 1 ? byFormat : candidates.length === 1 ? candidates : [])[0];
  if (only) return only.id;
  throw new LicensingError(
    'invalid_input',
    candidates.length === 0
      ? cli.noOfflineProfile()
      : cli.nameProfile({ profiles: candidates.map((p) => p.id).join(', ') }),
  );
}

export async function runOffline(
  core: Core,
  verb: string | undefined,
  rest: readonly string[],
  args: CliArgs,
  key: () => Promise<string>,
): Promise<CommandOutput> {
  switch (verb) {
    case 'request': {
      const profileId = offlineProfile(core, args);
      if (kindOf(core, profileId) === 'licence-file') {
        const view = await core.licenceFiles.status(profileId);
        return {
          value: { fingerprint: view.fingerprint, productCode: view.productCode },
          text: `Send the vendor this computer's fingerprint and ask for a licence file for ${view.productCode}:\n  ${view.fingerprint}`,
        };
      }
      const request = await core.lsOffline.request(profileId, await key());
      await writeRequest(request, args.out);
      return delivered(
        request,
        args.out,
        "Take it to the vendor's offline portal from a computer with internet, then import the licence file it gives back with `license-manager offline import FILE`.",
      );
    }
    case 'import': {
      const file = rest[0];
      if (!file)
        throw new LicensingError(
          'invalid_input',
          cli.give({ what: 'the file: offline import FILE' }),
        );
      const text = await readText(file, 'licence', MAX_FILE_BYTES);
      const profileId = offlineProfile(core, args, text);
      if (kindOf(core, profileId) === 'licence-file') {
        const view = await core.licenceFiles.import(profileId, text);
        return { value: view, text: formatFileLicence(view) };
      }
      const view = await core.lsOffline.activate(profileId, text);
      return { value: view, text: formatLicence(view) };
    }
    case 'deactivate': {
      const profileId = offlineProfile(core, args);
      if (kindOf(core, profileId) === 'licence-file') {
        const view = await core.licenceFiles.remove(profileId);
        return { value: view, text: `The licence file was removed from this computer.` };
      }
      // Written before the licence is forgotten here: a path that cannot be written changes nothing.
      const request = await core.lsOffline.deactivate(profileId, (made) =>
        writeRequest(made, args.out),
      );
      return delivered(
        request,
        args.out,
        "The licence is removed from this computer. Take the file to the vendor's offline portal to free the activation for another computer.",
      );
    }
    default:
      throw new LicensingError(
        'invalid_input',
        cli.useOneOf({
          usage:
            'offline request --key KEY [--out FILE] | offline import FILE | offline deactivate [--out FILE]',
        }),
      );
  }
}
