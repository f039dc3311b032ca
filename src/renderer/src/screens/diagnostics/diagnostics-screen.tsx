import { useEffect } from 'react';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { LiveRegion } from '../../components/live-region';
import { PageHeader } from '../../components/page-header';
import { useFocusKeeper } from '../../components/use-focus-keeper';
import { tCommon } from '../../i18n/common.en';
import { tDiagnostics } from '../../i18n/diagnostics.en';
import { assertNever } from '../../lib/assert-never';
import { say, sayLang } from '../../lib/error-text';
import { storageWordings } from '../../app/storage-warning-banner';
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
  // The export button is disabled while the bundle is made, which drops the focus to <body>.
  const exportKeeper = useFocusKeeper<HTMLDivElement>();

  useEffect(() => {
    void load();
  }, [load]);
  const t = tDiagnostics();

  return (
    <div className="page diagnostics">
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        aside={
          <div {...exportKeeper}>
            <Button
              variant="primary"
              busy={bundle.status === 'submitting'}
              busyLabel={t.exporting}
              onClick={() => void exportBundle()}
            >
              {t.exportBundle}
            </Button>
          </div>
        }
      />
      <LiveRegion message={announcement} />
      {bundle.status === 'failed' && (
        <div className="page__notice">
          <ErrorMessage error={bundle.error} layout="block" title={t.bundleFailed} />
        </div>
      )}
      {bundle.status === 'succeeded' && (
        <div className="page__notice">
          <Callout tone="info" title={t.bundleSavedTitle}>
            {announcement} {t.bundleSafe}
          </Callout>
        </div>
      )}
      {(() => {
        switch (report.status) {
          case 'loading':
            return <span className="skeleton skeleton--card" aria-label={t.loading} />;
          case 'failed':
            return (
              <div className="stack">
                <ErrorMessage error={report.error} layout="block" />
                <div>
                  <Button onClick={() => void load()}>{tCommon().tryAgain}</Button>
                </div>
              </div>
            );
          case 'loaded':
            return (
              <div className="stack">
                {storageWordings(
                  report.value.storageWarnings,
                  report.value.storageWarningTexts,
                ).map((warning) => (
                  <Callout key={warning.message} tone="warning" title={t.damagedFile}>
                    <span lang={sayLang(warning)}>{say(warning)}</span>
                  </Callout>
                ))}
                <ConnectionsCard report={report.value} />
                <Card title={t.startupTitle} labelledBy="diagnostics-startup">
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
