import type { ConnectionTest, DiagnosticsReport } from '../../shared/diagnostics-model';

/**
 * Plain-text forms of the diagnostics, for `license-manager diagnose` and the support bundle: the
 * same facts the screen shows, readable in a terminal or a ticket.
 */

const STATUS_MARK = { ok: 'ok  ', failed: 'FAIL', skipped: '--  ' } as const;

export function connectionTestText(test: ConnectionTest): string {
  const lines = [`${test.label} (${test.profileId}): ${test.ok ? 'OK' : 'FAILED'}`];
  if (test.note) lines.push(`  ${test.note}`);
  for (const target of test.targets) {
    lines.push(`  ${target.url}${target.via ? ` via proxy ${target.via}` : ''}`);
    for (const why of target.passedOver ?? []) lines.push(`    passed over: ${why}`);
    for (const step of target.steps) {
      const time = step.ms === undefined ? '' : ` (${step.ms} ms)`;
      lines.push(
        `    ${STATUS_MARK[step.status]} ${step.step.toUpperCase().padEnd(5)} ${step.detail}${time}`,
      );
    }
  }
  return lines.join('\n');
}

export function logText(lines: DiagnosticsReport['recentLog']): string {
  return lines
    .map(
      (line) =>
        `${new Date(line.at).toISOString()} ${line.level.toUpperCase().padEnd(5)} ${line.message}`,
    )
    .join('\n');
}

/** What the support bundle says of this computer's certificate store (English, for support). */
function storeLine(store: DiagnosticsReport['network']['systemStore']): string {
  if (!store) return '';
  if ('trusted' in store) {
    const count = store.trusted === 1 ? '1 certificate' : `${store.trusted} certificates`;
    return `Also trusted: this computer's certificate store (${count})`;
  }
  return store.unused === 'macos'
    ? "This computer's certificate store: not used on macOS (a company CA goes in caFile)"
    : "This computer's certificate store: could not be read (a company CA goes in caFile)";
}

export function reportText(report: DiagnosticsReport): string {
  const { versions, secrets, fingerprint, network } = report;
  const runtime = [
    `app ${versions.app}`,
    versions.electron ? `Electron ${versions.electron}` : '',
    versions.chrome ? `Chrome ${versions.chrome}` : '',
    `Node ${versions.node}`,
    versions.os,
  ].filter(Boolean);
  return [
    `${report.configuration.productName} (${report.configuration.productId})`,
    `Versions: ${runtime.join(', ')}`,
    `Secrets: ${secrets.mechanism}. ${secrets.explanation}`,
    `Fingerprint ${fingerprint.label}…: ${fingerprint.basis.join(' ')}`,
    `Proxy: ${network.proxySource}${network.proxyVariables.map((v) => `; ${v.name}=${v.value}`).join('')}`,
    network.caFile ? `CA bundle: ${network.caFile}` : 'CA bundle: none (the usual trusted CAs)',
    storeLine(network.systemStore),
    network.windowsSignIn
      ? `Proxy sign-in: ${network.windowsSignIn.proxy} asked for Windows sign-in; requests go through Chromium's network stack`
      : '',
    ...report.storageWarnings.map((warning) => `Warning: ${warning}`),
  ]
    .filter(Boolean)
    .join('\n');
}
