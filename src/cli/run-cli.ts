import { toAppError } from '../main/licensing/licensing-error';
import { parseCliArgs, USAGE, type CliArgs } from './args';
import type { CliContext, CommandOutput } from './cli-context';
import { runCommand } from './commands';
import { EXIT, exitCodeFor } from './exit-codes';

/** What differs between the Node CLI and the installed app run with `--cli`. */
export type CliHost = Omit<CliContext, 'args' | 'untilStopped' | 'announce' | 'warn'> & {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
};

/**
 * JSON for scripts carries the English messages. The texts beside them (`text`, `…Text`,
 * `…Texts`: ids and parameters the screens translate) are left out, so no script comes to rely on
 * them. A `text` that is a string is content, not one of those: an offline request file's.
 */
const forScripts = (key: string, value: unknown): unknown =>
  (key === 'text' && typeof value !== 'string') || /[a-z]Texts?$/.test(key) ? undefined : value;

const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/**
 * One command from parse to exit code: prints the result (text, or one JSON line with --json,
 * nothing with --quiet) and maps any failure to its documented exit code.
 */
export async function runCli(argv: readonly string[], host: CliHost): Promise<number> {
  const { stdout, stderr, ...where } = host;
  const print = (args: CliArgs, output: CommandOutput): void => {
    if (args.quiet) return;
    stdout(`${args.json ? JSON.stringify(output.value, forScripts) : output.text}\n`);
  };
  let json = argv.includes('--json');
  try {
    const args = parseCliArgs(argv);
    json = args.json;
    if (args.help || args.command.length === 0) {
      stdout(`${USAGE}\n`);
      return args.help ? EXIT.ok : EXIT.usage;
    }
    const output = await runCommand({
      ...where,
      args,
      untilStopped,
      announce: (ready) => print({ ...args, quiet: false }, ready),
      // On stderr, so --json keeps stdout one parseable line, and printed even with --quiet: like
      // an error, a file moved aside is no success output to silence, and an installer's log
      // must keep it for support.
      warn: (message) => stderr(`warning: ${message}\n`),
    });
    print(args, output);
    return output.exitCode ?? EXIT.ok;
  } catch (thrown) {
    const error = toAppError(thrown);
    if (json) stdout(`${JSON.stringify({ ok: false, error }, forScripts)}\n`);
    else stderr(`error [${error.code}]: ${error.message}\n`);
    return exitCodeFor(error.code);
  }
}
