import type { Core } from '../main/core';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type {
  LsConsumptionMeter,
  LsFeatureView,
  LsLicenceDetails,
} from '../shared/licensespring-model';
import { need, type CliArgs } from './args';
import type { CommandOutput } from './cli-context';
import { when } from './format';

const meterText = (meter: LsConsumptionMeter): string =>
  meter.unlimited
    ? `${meter.total} used (unlimited)`
    : `${meter.total} of ${meter.max} used${meter.allowOverages ? ` (+${meter.maxOverages} overage allowed)` : ''}${meter.resetPeriod ? `, resets ${meter.resetPeriod}` : ''}`;

const featureLine = (feature: LsFeatureView): string => {
  const parts = [`  ${feature.code.padEnd(16)} ${feature.type.padEnd(11)}`];
  if (feature.expired) parts.push('EXPIRED');
  else if (feature.expiresAt) parts.push(`expires ${when(feature.expiresAt)}`);
  const { floating, consumption } = feature;
  if (floating)
    parts.push(
      `floating ${floating.inUse ?? '?'} of ${floating.max} in use${floating.held ? ', held here' : ''}${floating.borrowedUntil ? `, borrowed until ${when(floating.borrowedUntil)}` : ''}`,
    );
  if (consumption) parts.push(meterText(consumption));
  return parts.join('  ');
};

export function formatDetails(details: LsLicenceDetails): string {
  const { activations, floating, consumption } = details;
  const lines = [
    `${details.profileId}: ${details.licenseType}${details.isTrial ? ' trial' : ''} licence, valid until ${when(details.validUntil)}`,
    `  local check: ${details.localCheck.state} - ${details.localCheck.message}`,
    `  activations: ${activations.used} of ${activations.unlimited ? 'unlimited' : activations.max}    maintenance until: ${when(details.maintenanceUntil, '-')}`,
  ];
  if (floating)
    lines.push(
      `  floating: ${floating.inUse ?? '?'} of ${floating.max} in use, slot lapses after ${floating.timeoutMinutes} min${floating.borrowedUntil ? `, borrowed until ${when(floating.borrowedUntil)}` : ''}`,
    );
  if (consumption) lines.push(`  consumption: ${meterText(consumption)}`);
  lines.push(
    details.features.length === 0 ? '  features: none' : '  features:',
    ...details.features.map(featureLine),
    `  checked with the server: ${when(details.checkedAt)}`,
  );
  return lines.join('\n');
}

const detailsOutput = (details: LsLicenceDetails): CommandOutput => ({
  value: details,
  text: formatDetails(details),
});

/** `--until ISO` as epoch ms; absent means as long as the vendor allows. */
function untilOf(args: CliArgs): number | undefined {
  if (args.until === undefined) return undefined;
  const at = Date.parse(args.until);
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}T/.test(args.until))
    throw new LicensingError('invalid_input', cli.badUntil({ raw: args.until }));
  return at;
}

function amountOf(raw: string | undefined): number {
  const amount = Number(raw);
  if (raw === undefined || !/^-?\d+$/.test(raw) || amount === 0)
    throw new LicensingError('invalid_input', cli.badAmount());
  return amount;
}

/**
 * LicenseSpring from the command line: `feature check|release|borrow CODE`, `consume N
 * [--feature CODE]`, `borrow [--until ISO]`, `release`. A floating slot taken here is not kept
 * alive (the command ends): it lapses after the licence's floating timeout, or give it back with
 * `feature release` / `release`.
 */
export async function runLicenseSpring(
  core: Core,
  profileId: string,
  command: readonly string[],
  args: CliArgs,
): Promise<CommandOutput> {
  const ls = core.licenseSpring;
  const [name, verb, code] = command;
  switch (name) {
    case 'feature': {
      const feature = need(code, 'the feature code, e.g. `feature check FEATURE_CODE`');
      if (verb === 'check') return detailsOutput(await ls.checkFeature(profileId, feature));
      if (verb === 'release') return detailsOutput(await ls.releaseFeature(profileId, feature));
      if (verb === 'borrow')
        return detailsOutput(await ls.borrowFeature(profileId, feature, untilOf(args)));
      throw new LicensingError(
        'invalid_input',
        cli.useOneOf({ usage: 'feature check|release|borrow CODE' }),
      );
    }
    case 'consume':
      return detailsOutput(await ls.consume(profileId, amountOf(verb), args.feature));
    case 'borrow':
      return detailsOutput(await ls.borrow(profileId, untilOf(args)));
    case 'release':
      return detailsOutput(await ls.release(profileId));
    default:
      return detailsOutput(await ls.details(profileId, true));
  }
}
