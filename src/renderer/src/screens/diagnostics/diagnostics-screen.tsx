import { useEffect } from 'react';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { LiveRegion } from '../../components/live-region';
import { PageHeader } from '../../components/page-header';
import { assertNever } from '../../lib/assert-never';
import { useDiagnosticsStore } from '../../store/diagnostics-store';
import { StartupSetting } from '../settings/startup-setting';
import { ComputerCard } from './computer-card';
import { ConfigurationCard } from './configuration-card';
import { ConnectionsCard } from './connections-card';
import { RecentLogCard } from './recent-log-card';
import './diagnostics.css';

/**
 * Everything support asks for, on one screen: connection tests per profile, how secrets are kept
 * on this computer and what the fingerprint rests on, versions, the configuration without its
 * secrets, recent events, and the support bundle to send. The app's one setting, start at login,
 * sits here too until there are enough settings for a screen of their own.
 */
export default function DiagnosticsScreen() {
  const report = useDiagnosticsStore((s) => s.report);
  const load = useDiagnosticsStore((s) => s.load);
  const bundle = useDiagnosticsStore((s) => s.bundle);
  const exportBundle = useDiagnosticsStore((s) => s.exportBundle);
  const announcement = useDiagnosticsStore((s) => s.announcement);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page diagnostics">
      <PageHeader
        title="Diagnostics"
        subtitle="What support needs to know about this computer and the app’s connections."
        aside={
          <Button
            variant="primary"
            busy={bundle.status === 'submitting'}
            busyLabel="Testing and packing…"
            onClick={() => void exportBundle()}
          >
            Export support bundle
          </Button>
        }
      />
      <LiveRegion message={announcement} />
      {bundle.status === 'failed' && (
        <div className="page__notice">
          <ErrorMessage error={bundle.error} layout="block" title="No support bundle was made" />
        </div>
      )}
      {bundle.status === 'succeeded' && (
        <div className="page__notice">
          <Callout tone="info" title="Support bundle saved">
            {announcement} It holds no key, token or password; read it before you send it.
          </Callout>
        </div>
      )}
      {(() => {
        switch (report.status) {
          case 'loading':
            return (
              <span className="skeleton skeleton--card" aria-label="Loading the diagnostics" />
            );
          case 'failed':
            return (
              <div className="stack">
                <ErrorMessage error={report.error} layout="block" />
                <div>
                  <Button onClick={() => void load()}>Try again</Button>
                </div>
              </div>
            );
          case 'loaded':
            return (
              <div className="stack">
                {report.value.storageWarnings.map((warning) => (
                  <Callout key={warning} tone="warning" title="A saved file was damaged">
                    {warning}
                  </Callout>
                ))}
                <ConnectionsCard report={report.value} />
                <Card title="Startup" labelledBy="diagnostics-startup">
                  <StartupSetting />
                </Card>
                <ComputerCard report={report.value} />
                <ConfigurationCard configuration={report.value.configuration} />
                <RecentLogCard lines={report.value.recentLog} />
              </div>
            );
          default:
            return assertNever(report);
        }
      })()}
    </div>
  );
}
