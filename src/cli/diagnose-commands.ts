import { writeFile } from 'node:fs/promises';
import type { Core } from '../main/core';
import { connectionTestText, reportText } from '../main/diagnostics/report-text';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import type { CliArgs } from './args';
import type { CommandOutput } from './cli-context';
import { exitCodeFor } from './exit-codes';

/**
 * `license-manager diagnose [--profile ID] [--out FILE]`: what this computer and configuration
 * are, then a connection test of each profile (or one), naming the first step that failed. The
 * exit code is the documented one for that failure (4 unreachable, 2 configuration such as an
 * untrusted certificate or a proxy asking for credentials, 5 a server error), 0 when every test
 * passed. `--out` also writes the support bundle (a zip, credentials masked) for a ticket.
 */
export async function runDiagnose(core: Core, args: CliArgs): Promise<CommandOutput> {
  const ids = args.profile ? [args.profile] : core.config.profiles.map((profile) => profile.id);
  const report = await core.diagnostics.report();
  const tests = await Promise.all(ids.map((id) => core.diagnostics.testConnection(id)));
  const bundle = args.out ? await writeBundle(core, args.out) : undefined;
  const failure = tests.flatMap((test) => test.targets).find((target) => target.failure)?.failure;
  return {
    value: { report, tests, ...(bundle ? { bundle } : {}) },
    text: [
      reportText(report),
      '',
      ...tests.map(connectionTestText),
      ...(bundle ? ['', `Support bundle written to ${bundle.file}.`] : []),
    ].join('\n'),
    exitCode: failure ? exitCodeFor(failure.code) : undefined,
  };
}

async function writeBundle(core: Core, out: string) {
  const bundle = await core.diagnostics.bundle();
  try {
    // Readable by this user only: it has no secret, but it does describe this computer.
    await writeFile(out, Buffer.from(bundle.base64, 'base64'), { mode: 0o600 });
  } catch (cause) {
    throw new LicensingError('invalid_input', cli.bundleNotWritten({ file: out }), {
      cause,
    });
  }
  return { file: out, entries: bundle.entries };
}
