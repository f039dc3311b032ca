import type { ConnectionTest, DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import { RichText } from '../../components/rich-text';
import { useFocusKeeper } from '../../components/use-focus-keeper';
import { tDiagnostics } from '../../i18n/diagnostics.en';
import type { Remote } from '../../lib/remote';
import { useDiagnosticsStore } from '../../store/diagnostics-store';
import { ConnectionResult } from './connection-result';

/** The network settings in force, then one row per profile with its "Test connection" button. */
export function ConnectionsCard({ report }: { readonly report: DiagnosticsReport }) {
  const { network, configuration } = report;
  const t = tDiagnostics().connections;
  return (
    <Card title={t.title} labelledBy="diagnostics-connections" description={t.description}>
      <dl className="facts diagnostics__network">
        <div className="facts__item facts__item--wide">
          <dt>{t.proxy}</dt>
          <dd>
            {/* Main's words for where the setting comes from, in English. */}
            <RichText text={t.proxyFrom} values={{ source: network.proxySource }} />
            {network.windowsSignIn && (
              <p className="diagnostics__system-store">
                {t.windowsSignIn(network.windowsSignIn.proxy)}
              </p>
            )}
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
          <dt>{t.caBundle}</dt>
          <dd>
            {network.caFile ? (
              <>
                <code>{network.caFile}</code> {t.certificates(network.caCertificates.length)}
              </>
            ) : (
              <span className="text-muted">{t.noCaBundle}</span>
            )}
            {network.systemStore && (
              <p className="diagnostics__system-store">
                {'trusted' in network.systemStore
                  ? t.systemStore(network.systemStore.trusted)
                  : t.systemStoreUnused[network.systemStore.unused]}
              </p>
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
  // The button is disabled while its test runs, which drops the focus to <body>: it comes back.
  const keeper = useFocusKeeper<HTMLLIElement>();
  const t = tDiagnostics().connections;
  return (
    <li className="diagnostics__profile" aria-labelledby={headingId} {...keeper}>
      <div className="diagnostics__profile-row">
        <h3 className="diagnostics__profile-name" id={headingId}>
          {label}
        </h3>
        <TestState test={test} running={running} />
        <Button
          size="sm"
          busy={running}
          busyLabel={t.testing}
          onClick={() => void run(profileId)}
          aria-describedby={headingId}
        >
          {t.test}
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
  const t = tDiagnostics().connections;
  if (running) return <StatusPill tone="info">{t.stateTesting}</StatusPill>;
  if (test?.status !== 'loaded') return <StatusPill tone="neutral">{t.stateNotTested}</StatusPill>;
  const failure = test.value.targets.find((target) => target.failure)?.failure;
  if (!failure) return <StatusPill tone="success">{t.stateOk}</StatusPill>;
  return <StatusPill tone="danger">{t.stateFailedAt(failure.step.toUpperCase())}</StatusPill>;
}
