import { parseArgs } from 'node:util';
import { LicensingError } from '../main/licensing/licensing-error';

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
      },
    });
  } catch (error) {
    throw new LicensingError(
      'invalid_input',
      `${(error as Error).message}. Run \`license-manager --help\`.`,
    );
  }
  const { values, positionals } = parsed;
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65_535)
      throw new LicensingError(
        'invalid_input',
        `--port must be a number from 0 to 65535, not "${values.port}".`,
      );
  }
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
    port,
    help: values.help,
  };
}

export const USAGE = `license-manager: activate licences and manage floating seats from the command line.

Usage: license-manager [--config FILE] [--json] [--quiet] <command> [options]

Commands:
  sandbox [--port N]                 start every sandbox licensing server on loopback; with --json,
                                     print one line naming a ready configuration file
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
  serve [--port N]                   open the full UI in a browser, without Electron

Exit codes: 0 ok, 2 usage or configuration error, 3 licence refused, 4 backend unreachable,
5 protocol error from the backend, 1 internal error.`;
