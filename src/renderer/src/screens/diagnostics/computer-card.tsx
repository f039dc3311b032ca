import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';
import { StatusPill } from '../../components/status-pill';
import { tDiagnostics } from '../../i18n/diagnostics.en';
import type { Tone } from '../../lib/tone';

const PROTECTION_TONE: Readonly<Record<DiagnosticsReport['secrets']['level'], Tone>> = {
  os: 'success',
  weak: 'warning',
  unavailable: 'danger',
  memory: 'info',
};

/** "Electron 33.2.0, Chrome 130.0, Node 20.18.0": product names and versions, the same in every language. */
function runtimeOf(versions: DiagnosticsReport['versions']): string {
  return [
    versions.electron && `Electron ${versions.electron}`,
    versions.chrome && `Chrome ${versions.chrome}`,
    `Node ${versions.node}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** This computer: the versions that run, how secrets are kept, what the fingerprint rests on. */
export function ComputerCard({ report }: { readonly report: DiagnosticsReport }) {
  const { versions, secrets, fingerprint } = report;
  const t = tDiagnostics().computer;
  return (
    <Card title={t.title} labelledBy="diagnostics-computer">
      <dl className="facts">
        <div className="facts__item">
          <dt>{t.app}</dt>
          <dd>{versions.app}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.runtime}</dt>
          <dd>{runtimeOf(versions)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.os}</dt>
          <dd>{versions.os}</dd>
        </div>
      </dl>

      <section className="diagnostics__section" aria-labelledby="diagnostics-secrets">
        <div className="diagnostics__section-head">
          <h3 className="diagnostics__subtitle" id="diagnostics-secrets">
            {t.secretsTitle}
          </h3>
          <StatusPill tone={PROTECTION_TONE[secrets.level]}>
            {t.protection[secrets.level]}
          </StatusPill>
        </div>
        {/* Main's explanation, written in the interface's language. */}
        <p>
          <strong>{secrets.mechanism}.</strong> {secrets.explanation}
        </p>
      </section>

      <section className="diagnostics__section" aria-labelledby="diagnostics-fingerprint">
        <div className="diagnostics__section-head">
          <h3 className="diagnostics__subtitle" id="diagnostics-fingerprint">
            {t.fingerprint} <code>{fingerprint.label}…</code>
          </h3>
          <StatusPill tone={fingerprint.source === 'machine-id' ? 'success' : 'warning'}>
            {fingerprint.source === 'machine-id' ? t.machineId : t.hostName}
          </StatusPill>
        </div>
        <ul className="diagnostics__basis">
          {fingerprint.basis.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
