import type { Core } from '../main/core';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type { EnirisAccountView, EnirisLicenceList, EnirisLicenceView } from '../shared/model';
import { need, type CliArgs } from './args';

export interface EnirisOutput {
  readonly value: unknown;
  readonly text: string;
}

const when = (ms: number | undefined): string =>
  ms === undefined ? '-' : new Date(ms).toISOString().slice(0, 10);
const kw = (value: number | null): string => (value === null ? '-' : `${value} kW`);

export const formatAccount = (account: EnirisAccountView): string =>
  account.signedIn
    ? `${account.profileId}: signed in to Eniris${account.username ? ` as ${account.username}` : ''}${account.signedInAt ? ` since ${new Date(account.signedInAt).toISOString()}` : ''}`
    : `${account.profileId}: not signed in to Eniris`;

const formatLicence = (licence: EnirisLicenceView): string =>
  `  ${licence.keyLabel.padEnd(20)} ${licence.state.padEnd(13)} ${licence.type.padEnd(12)} grid ${kw(licence.gridKw)}, solar ${kw(licence.solarKw)}, battery ${kw(licence.batteryKw)}, EV ${kw(licence.evKw)}  activated ${when(licence.activatedAt)}  expires ${when(licence.expiresAt)}`;

const formatList = (list: EnirisLicenceList): string =>
  list.licences.length === 0 ? '  (no licences)' : list.licences.map(formatLicence).join('\n');

/**
 * `license-manager eniris login|logout|status|activate|claim|licences`: the installer's Eniris
 * account from the command line. `password` is read by the caller from a file or standard input.
 */
export async function runEniris(
  core: Core,
  profileId: string,
  verb: string | undefined,
  args: CliArgs,
  password: () => Promise<string>,
): Promise<EnirisOutput> {
  const { eniris } = core;
  switch (verb) {
    case 'login': {
      const account = await eniris.signIn(
        profileId,
        need(args.username, '--username NAME'),
        await password(),
      );
      return { value: account, text: formatAccount(account) };
    }
    case 'logout': {
      const account = await eniris.signOut(profileId);
      return { value: account, text: formatAccount(account) };
    }
    case 'status': {
      const account = await eniris.account(profileId);
      return { value: account, text: formatAccount(account) };
    }
    case 'activate': {
      const licence = await eniris.activate(profileId, need(args.key, '--key KEY'), args.at);
      return { value: licence, text: formatLicence(licence).trim() };
    }
    case 'claim': {
      const list = await eniris.claim(
        profileId,
        need(args.key, '--key KEY'),
        need(args.node, '--node ID'),
      );
      return { value: list, text: `claimed for ${args.node}:\n${formatList(list)}` };
    }
    case 'licences': {
      if ((args.node === undefined) === (args.customer === undefined)) {
        throw new LicensingError('invalid_input', cli.nodeOrCustomer());
      }
      const list = await eniris.licences(profileId, {
        nodeId: args.node,
        customerId: args.customer,
      });
      return { value: list, text: formatList(list) };
    }
    default:
      throw new LicensingError(
        'invalid_input',
        cli.useOneOf({ usage: 'eniris login|logout|status|activate|claim|licences' }),
      );
  }
}
