import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';
import { StatusPill } from '../../components/status-pill';
import type { Tone } from '../../lib/tone';

const PROTECTION: Readonly<
  Record<DiagnosticsReport['secrets']['level'], { tone: Tone; words: string }>
> = {
  os: { tone: 'success', words: 'Protected by the OS' },
  weak: { tone: 'warning', words: 'Weakly protected' },
  unavailable: { tone: 'danger', words: 'Cannot be stored' },
  memory: { tone: 'info', words: 'In memory only' },
};

/** This computer: the versions that run, how secrets are kept, what the fingerprint rests on. */
export function ComputerCard({ report }: { readonly report: DiagnosticsReport }) {
  const { versions, secrets, fingerprint } = report;
  const protection = PROTECTION[secrets.level];
  return (
    <Card title="This computer" labelledBy="diagnostics-computer">
      <dl className="facts">
        <div className="facts__item">
          <dt>App</dt>
          <dd>{versions.app}</dd>
        </div>
        <div className="facts__item">
          <dt>Runtime</dt>
          <dd>
            {versions.electron ? `Electron ${versions.electron}, ` : ''}
            {versions.chrome ? `Chrome ${versions.chrome}, ` : ''}Node {versions.node}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Operating system</dt>
          <dd>{versions.os}</dd>
        </div>
      </dl>

      <section className="diagnostics__section" aria-labelledby="diagnostics-secrets">
        <div className="diagnostics__section-head">
          <h3 className="diagnostics__subtitle" id="diagnostics-secrets">
            How secrets are kept
          </h3>
          <StatusPill tone={protection.tone}>{protection.words}</StatusPill>
        </div>
        <p>
          <strong>{secrets.mechanism}.</strong> {secrets.explanation}
        </p>
      </section>

      <section className="diagnostics__section" aria-labelledby="diagnostics-fingerprint">
        <div className="diagnostics__section-head">
          <h3 className="diagnostics__subtitle" id="diagnostics-fingerprint">
            Machine fingerprint <code>{fingerprint.label}…</code>
          </h3>
          <StatusPill tone={fingerprint.source === 'machine-id' ? 'success' : 'warning'}>
            {fingerprint.source === 'machine-id' ? 'OS machine id' : 'Host name'}
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
