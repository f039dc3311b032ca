import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { VendorConfig } from '../main/config/vendor-config';
import { LicensingError } from '../main/licensing/licensing-error';
import type { Text } from '../shared/text';
import { cli } from '../shared/texts/cli.en';
import { signLicence, type LicenceTerms, type Licensee } from '../main/offline/licence-file';
import { FEATURE_CODE, FINGERPRINT, PRODUCT_CODE } from '../main/offline/licence-terms';
import { generateVendorKeyPair, keyIdOf } from '../main/offline/vendor-keys';
import { need, type CliArgs } from './args';
import type { CommandOutput } from './cli-context';

/**
 * `license-manager vendor keygen|sign`: the vendor's side of licence files
 * (docs/licence-file-format.md). Nothing here talks to a server; the private key never leaves
 * the vendor's machine.
 */

const invalid = (message: Text, cause?: unknown) =>
  new LicensingError('invalid_input', message, { cause });

export async function runVendor(
  verb: string | undefined,
  args: CliArgs,
  config: () => Promise<VendorConfig>,
): Promise<CommandOutput> {
  switch (verb) {
    case 'keygen':
      return keygen(args);
    case 'sign':
      return signCommand(args, config);
    default:
      throw invalid(
        verb ? cli.unknownVendorCommand({ verb }) : cli.useOneOf({ usage: 'vendor keygen|sign' }),
      );
  }
}

function keygen(args: CliArgs): CommandOutput {
  const dir = resolve(need(args.out, 'the folder for the key pair with --out DIR'));
  const privateFile = join(dir, 'private.pem');
  const publicFile = join(dir, 'public.pem');
  const pair = generateVendorKeyPair();
  try {
    mkdirSync(dir, { recursive: true });
    // 'wx' refuses an existing file in the same call that creates it: no window to lose a key in.
    writeFileSync(privateFile, pair.privateKeyPem, { flag: args.force ? 'w' : 'wx', mode: 0o600 });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw invalid(cli.privateKeyExists({ file: privateFile }), cause);
    }
    throw invalid(cli.keyPairNotWritten({ dir, code: code ?? 'error' }), cause);
  }
  // `mode` applies only to a file being created: a replaced one keeps its old permissions.
  chmodSync(privateFile, 0o600);
  writeFileSync(publicFile, pair.publicKeyPem);
  const keyId = keyIdOf(pair.publicKeyPem);
  return {
    value: { privateKey: privateFile, publicKey: publicFile, keyId },
    text: [
      `Vendor key pair written (key id ${keyId}):`,
      `  private key: ${privateFile}`,
      `  public key:  ${publicFile}`,
      'Put the text of public.pem in the vendor configuration: the app accepts licence files signed',
      'with this key only. Keep private.pem secret and backed up: anyone who has it can issue',
      'licences, and without it you cannot issue more for apps that trust this public key.',
    ].join('\n'),
  };
}

async function signCommand(
  args: CliArgs,
  config: () => Promise<VendorConfig>,
): Promise<CommandOutput> {
  const keyFile = need(
    args.key,
    'the signing key with --key FILE (the private.pem of `vendor keygen`)',
  );
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(keyFile, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw invalid(cli.signingKeyNotRead({ file: keyFile, code: code ?? 'error' }), cause);
  }
  const now = Date.now();
  const terms: LicenceTerms = {
    product: productOf(args.product) ?? configuredProduct(await config()),
    licensee: licenseeOf(args),
    features: featuresOf(args.features),
    expiresAt: args.expires === undefined ? null : parseExpiry(args.expires, now),
    ...graceOf(args),
    ...(args.fingerprint !== undefined && { fingerprint: fingerprintOf(args.fingerprint) }),
  };
  const file = signLicence(privateKeyPem, terms, now);
  return {
    // The payload exactly as signed, for scripts that record what they issued.
    value: { licence: JSON.parse((JSON.parse(file) as { licence: string }).licence), file },
    // The CLI adds the final newline: `vendor sign … > licence.lic` writes the file unchanged.
    text: file.trimEnd(),
  };
}

function productOf(raw: string | undefined): string | undefined {
  if (raw === undefined || PRODUCT_CODE.test(raw)) return raw;
  throw invalid(cli.badProduct({ raw }));
}

function licenseeOf(args: CliArgs): Licensee {
  const name = args.licensee?.trim();
  const email = args.email?.trim();
  if (name === '') throw invalid(cli.emptyLicensee());
  if (email === '') throw invalid(cli.emptyEmail());
  return { ...(name !== undefined && { name }), ...(email !== undefined && { email }) };
}

function featuresOf(raw: readonly string[]): string[] {
  const codes = raw.map((code) => code.trim());
  const bad = codes.find((code) => !FEATURE_CODE.test(code));
  if (bad !== undefined) {
    throw invalid(cli.badFeature({ code: bad }));
  }
  const twice = codes.find((code, index) => codes.indexOf(code) !== index);
  if (twice !== undefined) throw invalid(cli.featureTwice({ code: twice }));
  return codes;
}

/** No grace period and `--grace-days 0` say the same: the field is left out. */
function graceOf(args: CliArgs): Pick<LicenceTerms, 'graceDays'> {
  if (!args.graceDays) return {};
  if (args.expires === undefined) {
    throw invalid(cli.graceWithoutExpiry());
  }
  return { graceDays: args.graceDays };
}

function fingerprintOf(raw: string): string {
  const fingerprint = raw.trim().toLowerCase();
  if (FINGERPRINT.test(fingerprint)) return fingerprint;
  throw invalid(cli.badFingerprint({ raw }));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * `--expires`: a date means the end of that day in UTC (the licence is good all of that day), a
 * date and time must say its zone (Z or ±hh:mm) so the instant does not depend on where the
 * vendor signs. Date.parse alone would accept 2026-02-30 as 2 March.
 */
function parseExpiry(raw: string, now: number): number {
  const dateOnly = DATE_ONLY.exec(raw);
  const parts = dateOnly ?? DATE_TIME.exec(raw);
  const [
    year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    zoneHours = 0,
    zoneMinutes = 0,
  ] = parts ? parts.slice(1).map((part) => Number(part ?? 0)) : [];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    parts !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHours <= 23 &&
    zoneMinutes <= 59;
  if (!valid) {
    throw invalid(cli.badExpiry({ raw }));
  }
  const expiresAt = dateOnly ? Date.UTC(year, month - 1, day, 23, 59, 59, 999) : Date.parse(raw);
  if (expiresAt <= now) {
    throw invalid(cli.expiryNotFuture({ raw }));
  }
  return expiresAt;
}

/** The licence-file profile's product when the configuration has exactly one, else its productId. */
function configuredProduct(config: VendorConfig): string {
  const profiles = config.profiles.filter((profile) => profile.kind === 'licence-file');
  const only = profiles.length === 1 ? profiles[0] : undefined;
  return only?.kind === 'licence-file' ? only.productCode : config.productId;
}
