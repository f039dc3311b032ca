import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  ConnectionTest,
  DiagnosticsReport,
  SupportBundle,
} from '../../shared/diagnostics-model';
import { connectionTestText, logText, reportText } from './report-text';

/**
 * The support bundle: one zip a person can attach to a ticket. Everything in it has been through
 * the redaction already (configuration masked field by field, log lines as they were written,
 * log files line by line); the README says so, and says what is inside.
 */

export interface BundleParts {
  readonly report: DiagnosticsReport;
  /** The configuration after `redactConfig`. */
  readonly configuration: unknown;
  readonly connectionTests: readonly ConnectionTest[];
  /** Log files of the host (the IPC refusal log), their last lines redacted. */
  readonly logFiles: readonly { readonly name: string; readonly text: string }[];
}

const README = `License Manager support bundle

  summary.txt            what this computer and the app are, in a few lines
  versions.json          app, Electron, Chrome, Node and operating system versions
  configuration.json     the configuration, with every credential masked
  this-computer.json     how secrets are kept here, what the fingerprint rests on, storage warnings
  connection-tests.txt   a connection test of every profile (DNS, TCP, proxy, TLS, HTTP)
  connection-tests.json  the same, as data
  recent-log.txt         the app's recent events and the last lines of its log files

No secret is included: API keys, shared keys, client secrets, bearer tokens, passwords and licence
keys are masked as the app shows them (at most 4 characters at each end), tokens and session ids
are never written, URLs lose any user name, password and query. Read it before you send it.
`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const stamp = (at: number): string =>
  new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export async function zipSupportBundle(parts: BundleParts): Promise<SupportBundle> {
  const { report } = parts;
  const { strToU8, zipSync } = await import('fflate');
  const logs = [
    logText(report.recentLog) || '(no events yet)',
    ...parts.logFiles.map((file) => `\n== ${file.name} (last lines) ==\n${file.text}`),
  ].join('\n');
  const files: Record<string, string> = {
    'README.txt': README,
    'summary.txt': `${reportText(report)}\n`,
    'versions.json': json(report.versions),
    'configuration.json': json({ ...(parts.configuration as object), network: report.network }),
    'this-computer.json': json({
      secrets: report.secrets,
      fingerprint: report.fingerprint,
      storageWarnings: report.storageWarnings,
    }),
    'connection-tests.txt': `${parts.connectionTests.map(connectionTestText).join('\n\n')}\n`,
    'connection-tests.json': json(parts.connectionTests),
    'recent-log.txt': `${logs}\n`,
  };
  const folder = `${report.configuration.productId}-support-${stamp(report.generatedAt)}`;
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [`${folder}/${name}`, strToU8(text)]),
    ),
    { level: 6, mtime: new Date(report.generatedAt) },
  );
  return {
    fileName: `${folder}.zip`,
    base64: Buffer.from(zip).toString('base64'),
    entries: Object.keys(files),
  };
}

/** A log file of the host whose last lines go into the bundle (the IPC refusal log). */
export interface HostLogFile {
  readonly file: string;
  /**
   * Its writer's, when lines are queued before they are written: resolves once the lines queued
   * so far are on disk, so a bundle holds what happened before it was asked for.
   */
  readonly flush?: () => Promise<void>;
}

/** A log file holds one event per line; this much of its end is plenty for support. */
const TAIL_BYTES = 64 * 1024;

/** The last lines of a log file (a partial first line dropped), or undefined when there is none. */
export async function logTail(
  file: string,
  redact: (text: string) => string,
): Promise<{ name: string; text: string } | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    return { name: basename(file), text: lines.map(redact).join('\n').trimEnd() };
  } finally {
    await handle.close();
  }
}
