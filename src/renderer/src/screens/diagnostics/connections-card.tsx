import type { ConnectionTest, DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import type { Remote } from '../../lib/remote';
import { useDiagnosticsStore } from '../../store/diagnostics-store';
import { ConnectionResult } from './connection-result';

/** The network settings in force, then one row per profile with its "Test connection" button. */
export function ConnectionsCard({ report }: { readonly report: DiagnosticsReport }) {
  const { network, configuration } = report;
  return (
    <Card
      title="Connections"
      labelledBy="diagnostics-connections"
      description="Each test checks, in order, the name lookup (DNS), the connection (TCP), the proxy, the secure connection (TLS) and the server’s answer (HTTP), and names the first that fails."
    >
      <dl className="facts diagnostics__network">
        <div className="facts__item facts__item--wide">
          <dt>Proxy</dt>
          <dd>
            From {network.proxySource}
            {network.proxyVariables.length > 0 && (
              <ul className="diagnostics__plain-list">
                {network.proxyVariables.map((variable) => (
                  <li key={variable.name}>
                    <code>
                      {variable.name}={variable.value}
                    </code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>CA bundle</dt>
          <dd>
            {network.caFile ? (
              <>
                <code>{network.caFile}</code> ({network.caCertificates.length} certificates)
              </>
            ) : (
              <span className="text-muted">None: the usual trusted CAs</span>
            )}
          </dd>
        </div>
      </dl>
      <ul className="diagnostics__profiles">
        {configuration.profiles.map((profile) => (
          <ProfileConnection key={profile.id} profileId={profile.id} label={profile.label} />
        ))}
      </ul>
    </Card>
  );
}

function ProfileConnection({
  profileId,
  label,
}: {
  readonly profileId: string;
  readonly label: string;
}) {
  const test = useDiagnosticsStore((s) => s.tests[profileId]);
  const run = useDiagnosticsStore((s) => s.test);
  const running = test?.status === 'loading' || (test?.status === 'loaded' && test.refreshing);
  const headingId = `connection-${profileId}`;
  return (
    <li className="diagnostics__profile" aria-labelledby={headingId}>
      <div className="diagnostics__profile-row">
        <h3 className="diagnostics__profile-name" id={headingId}>
          {label}
        </h3>
        <TestState test={test} running={running} />
        <Button
          size="sm"
          busy={running}
          busyLabel="Testing…"
          onClick={() => void run(profileId)}
          aria-describedby={headingId}
        >
          Test connection
        </Button>
      </div>
      {test?.status === 'failed' && <ErrorMessage error={test.error} layout="block" />}
      {test?.status === 'loaded' && <ConnectionResult test={test.value} />}
    </li>
  );
}

function TestState({
  test,
  running,
}: {
  readonly test: Remote<ConnectionTest> | undefined;
  readonly running: boolean;
}) {
  if (running) return <StatusPill tone="info">Testing</StatusPill>;
  if (test?.status !== 'loaded') return <StatusPill tone="neutral">Not tested</StatusPill>;
  const failure = test.value.targets.find((target) => target.failure)?.failure;
  if (!failure) return <StatusPill tone="success">Connection OK</StatusPill>;
  return <StatusPill tone="danger">Failed at {failure.step.toUpperCase()}</StatusPill>;
}
