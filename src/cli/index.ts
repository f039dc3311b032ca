import { join } from 'node:path';
import { toAppError } from '../main/licensing/licensing-error';
import { parseCliArgs, USAGE, type CliArgs } from './args';
import { runCommand, type CommandOutput } from './commands';
import { EXIT, exitCodeFor } from './exit-codes';

declare const __APP_VERSION__: string | undefined;

const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

function print(args: CliArgs, output: CommandOutput): void {
  if (args.quiet) return;
  process.stdout.write(`${args.json ? JSON.stringify(output.value) : output.text}\n`);
}

/** Entry point of `license-manager`: parse, run one command, print, exit with a documented code. */
async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs = {
    command: [],
    json: argv.includes('--json'),
    quiet: false,
    help: false,
    serial: false,
    online: false,
    lan: false,
    features: [],
    force: false,
  };
  try {
    args = parseCliArgs(argv);
    if (args.help || args.command.length === 0) {
      process.stdout.write(`${USAGE}\n`);
      return args.help ? EXIT.ok : EXIT.usage;
    }
    const outDir = join(__dirname, '..');
    const output = await runCommand({
      args,
      resourcesDir: join(outDir, '..', 'resources'),
      rendererDir: join(outDir, 'renderer'),
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
      untilStopped,
      announce: (ready) => print({ ...args, quiet: false }, ready),
      // On stderr, so --json keeps stdout one parseable line, and printed even with --quiet: like
      // an error, a file moved aside is no success output to silence, and an installer's log
      // must keep it for support.
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
    });
    print(args, output);
    return output.exitCode ?? EXIT.ok;
  } catch (thrown) {
    const error = toAppError(thrown);
    if (args.json) process.stdout.write(`${JSON.stringify({ ok: false, error })}\n`);
    else process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    return exitCodeFor(error.code);
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
