import { parseArgs } from 'node:util';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';

export interface CliArgs {
  readonly command: readonly string[];
  readonly config?: string;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly profile?: string;
  readonly key?: string;
  readonly keyFile?: string;
  readonly username?: string;
  readonly password?: string;
  readonly passwordFile?: string;
  readonly serial: boolean;
  readonly node?: string;
  readonly customer?: string;
  /** ISO date-time for `eniris activate --at`. */
  readonly at?: string;
  readonly online: boolean;
  readonly port?: number;
  readonly help: boolean;
  /** LicenseSpring: `consume --feature CODE`, `borrow --until ISO`. */
  readonly feature?: string;
  readonly until?: string;
  /** `sandbox --hubs N`: how many hubs the MobiusFlow engine emulates. */
  readonly hubs?: number;
  /** `hub add` fields. */
  readonly name?: string;
  readonly host?: string;
  readonly scheme?: string;
  readonly lan: boolean;
  readonly basePath?: string;
  readonly hid?: string;
  readonly site?: string;
  readonly concurrency?: number;
  readonly fingerprint?: string;
  /** Every `--feature` given (`vendor sign --feature A --feature B`); `feature` is the last one. */
  readonly features: readonly string[];
  /** Offline and vendor commands: where to write, which keys, what a signed licence says. */
  readonly out?: string;
  readonly publicKey?: string;
  readonly expires?: string;
  readonly product?: string;
  readonly licensee?: string;
  readonly email?: string;
  readonly graceDays?: number;
  readonly force: boolean;
}

/** A value a command cannot do without, or a usage error saying what to give. */
export const need = (value: string | undefined, what: string): string => {
  if (!value) throw new LicensingError('invalid_input', cli.give({ what }));
  return value;
};

/** A whole-number option within bounds, or a usage error naming the option. */
function wholeNumber(
  option: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new LicensingError('invalid_input', cli.notWholeNumber({ option, min, max, raw }));
  return value;
}

/** Global options may stand before or after the command: parseArgs reads them anywhere. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        profile: { type: 'string' },
        key: { type: 'string' },
        'key-file': { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'password-file': { type: 'string' },
        serial: { type: 'boolean', default: false },
        node: { type: 'string' },
        customer: { type: 'string' },
        at: { type: 'string' },
        online: { type: 'boolean', default: false },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        feature: { type: 'string', multiple: true },
        until: { type: 'string' },
        hubs: { type: 'string' },
        name: { type: 'string' },
        host: { type: 'string' },
        scheme: { type: 'string' },
        lan: { type: 'boolean', default: false },
        'base-path': { type: 'string' },
        hid: { type: 'string' },
        site: { type: 'string' },
        concurrency: { type: 'string' },
        fingerprint: { type: 'string' },
        out: { type: 'string' },
        'public-key': { type: 'string' },
        expires: { type: 'string' },
        product: { type: 'string' },
        licensee: { type: 'string' },
        email: { type: 'string' },
        'grace-days': { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new LicensingError(
      'invalid_input',
      cli.badArguments({ problem: (error as Error).message }),
    );
  }
  const { values, positionals } = parsed;
  return {
    command: positionals,
    config: values.config,
    json: values.json,
    quiet: values.quiet,
    profile: values.profile,
    key: values.key,
    keyFile: values['key-file'],
    username: values.username,
    password: values.password,
    passwordFile: values['password-file'],
    serial: values.serial,
    node: values.node,
    customer: values.customer,
    at: values.at,
    online: values.online,
    port: wholeNumber('port', values.port, 0, 65_535),
    help: values.help,
    feature: values.feature?.at(-1),
    features: values.feature ?? [],
    until: values.until,
    hubs: wholeNumber('hubs', values.hubs, 1, 5_000),
    name: values.name,
    host: values.host,
    scheme: values.scheme,
    lan: values.lan,
    basePath: values['base-path'],
    hid: values.hid,
    site: values.site,
    concurrency: wholeNumber('concurrency', values.concurrency, 1, 64),
    fingerprint: values.fingerprint,
    out: values.out,
    publicKey: values['public-key'],
    expires: values.expires,
    product: values.product,
    licensee: values.licensee,
    email: values.email,
    graceDays: wholeNumber('grace-days', values['grace-days'], 0, 365),
    force: values.force,
  };
}

export const USAGE = `license-manager: activate licences and manage floating seats from the command line.

Usage: license-manager [--config FILE] [--json] [--quiet] <command> [options]

Commands:
  sandbox [--port N] [--hubs N]      start every sandbox licensing server on loopback (the MobiusFlow
                                     engine emulates N hubs, default 12); with --json, print one line
                                     naming a ready configuration file and a hub inventory CSV
  fingerprint                        print this machine's fingerprint for the configured product
  activate --profile ID --key KEY    activate a licence on this machine; --key-file FILE or
                                     --key - (standard input) keep the key out of the process list
  activate --profile ID --username NAME --password-file FILE | --password -
                                     activate with your account's licence (FLECS)
  activate --profile ID --serial     activate by the device serial number the vendor configured
  status [--profile ID] [--online]   show what is activated and which seats are held; --online
                                     re-checks each licence with its server first
  deactivate --profile ID            release any seat and deactivate this machine
  seat request|heartbeat|release|info [--profile ID]
                                     take, keep alive, give back a floating seat; list who holds seats
  eniris login --username NAME --password-file FILE | --password -
  eniris logout | status             the installer's Eniris account (a sign-in lasts 14 days)
  eniris activate --key KEY [--at ISO]
  eniris claim --node ID --key KEY   claim a licence for a controller
  eniris licences --node ID | --customer ID
  feature check|release|borrow CODE [--until ISO]
                                     LicenseSpring: check a feature (a floating one takes a slot),
                                     give its slot back, borrow it
  consume N [--feature CODE]         LicenseSpring: record N units on the licence or a feature
  borrow [--until ISO] | release     LicenseSpring: borrow the floating licence, or give its slot back
  licence                            LicenseSpring: the licence's terms, features and local check
  hub list | get HID | refresh [--concurrency N]
  hub add --name N --host H [--port P] [--scheme http|https] [--lan] [--base-path P] --hid HID
          [--site S] --username U --password-file FILE | --password -
  hub set HID CODE | trust HID [--fingerprint FP] | import FILE | export FILE | report FILE
                                     MobiusFlow hubs: the engineer's inventory and their licences
  offline request --key KEY [--out FILE]
                                     LicenseSpring without internet: the activation request file for
                                     the vendor's offline portal (licence-file profiles: the
                                     fingerprint to send the vendor)
  offline import FILE [--public-key FILE]
                                     import the portal's licence file, or a vendor-signed licence
                                     file (verified with the configured key or --public-key)
  offline deactivate [--out FILE]    forget the licence here; LicenseSpring: write the deactivation
                                     file that frees the activation at the portal
  vendor keygen --out DIR            vendors: a signing key pair, DIR/private.pem and DIR/public.pem
  vendor sign --key FILE [--fingerprint F] [--expires ISO] [--feature X ...] [--product CODE]
              [--licensee NAME] [--email E] [--grace-days N]
                                     vendors: print a signed licence file (> licence.lic)
  serve [--port N]                   open the full UI in a browser, without Electron; with
                                     --config FILE, a vendor's preview of that configuration
  diagnose [--profile ID] [--out FILE]
                                     versions, secrets and fingerprint, and a connection test
                                     (DNS, TCP, proxy, TLS, HTTP) of each profile; --out writes
                                     the support bundle (zip, credentials masked). Proxies come
                                     from HTTPS_PROXY / HTTP_PROXY / NO_PROXY

Exit codes: 0 ok, 2 usage or configuration error, 3 licence refused, 4 backend unreachable,
5 protocol error from the backend, 1 internal error.`;
