import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { tHubs } from '../../i18n/hubs.en';
import { say, sayLang } from '../../lib/error-text';
import { importSummary } from '../../lib/hubs/inventory-csv';
import type { ImportOutcome, ImportProgress } from '../../store/hubs/hubs-state';
import { useHubsStore } from '../../store/hubs/hubs-store';

/** Under the header's buttons: what the last import did, and any inventory action that failed. */
export function InventoryFeedback() {
  const flows = useHubsStore((s) => s.fleetFlows);
  const importing = useHubsStore((s) => s.importing);
  const dismissFleet = useHubsStore((s) => s.dismissFleet);
  const { import: imported, export: exported, report } = flows;
  const shown =
    importing !== undefined ||
    imported.status === 'succeeded' ||
    imported.status === 'failed' ||
    exported.status === 'failed' ||
    report.status === 'failed';
  if (!shown) return null;
  const t = tHubs().fleet.feedback;
  return (
    <div className="inventory-feedback">
      {importing && <ImportRunning progress={importing} />}
      {imported.status === 'succeeded' && (
        <ImportReport result={imported.value} onDismiss={() => dismissFleet('import')} />
      )}
      {imported.status === 'failed' && (
        <ErrorMessage
          error={imported.error}
          title={t.importFailed}
          onDismiss={() => dismissFleet('import')}
        />
      )}
      {exported.status === 'failed' && (
        <ErrorMessage
          error={exported.error}
          title={t.exportFailed}
          onDismiss={() => dismissFleet('export')}
        />
      )}
      {report.status === 'failed' && (
        <ErrorMessage
          error={report.error}
          title={t.reportFailed}
          onDismiss={() => dismissFleet('report')}
        />
      )}
    </div>
  );
}

/** A large file goes in pieces; each hub's password is a keychain write, so this can take a minute. */
function ImportRunning({ progress }: { readonly progress: ImportProgress }) {
  const { fileName, done, total } = progress;
  const t = tHubs().fleet.feedback;
  return (
    <div className="import-running">
      <p className="import-running__text">{t.importingFile(fileName, done, total)}</p>
      <div
        className="progress"
        role="progressbar"
        aria-label={t.importingLabel(fileName)}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={done}
      >
        {/* A CSSOM width, which the style-src CSP allows. */}
        <span
          className="progress__answered"
          style={{ width: `${total > 0 ? (done / total) * 100 : 0}%` }}
        />
      </div>
    </div>
  );
}

/** Added and updated counts, and each rejected line with why, to fix in the file and import again. */
function ImportReport({
  result,
  onDismiss,
}: {
  readonly result: ImportOutcome;
  readonly onDismiss: () => void;
}) {
  const { rejected, stoppedBy } = result;
  const t = tHubs().fleet.feedback;
  return (
    <section className="import-report" aria-label={t.result}>
      <Callout
        tone={rejected.length > 0 || stoppedBy ? 'warning' : 'info'}
        title={stoppedBy ? t.importedPart(result.fileName) : t.imported(result.fileName)}
        action={
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        }
      >
        <p>{importSummary(result)}</p>
        {stoppedBy && <p>{t.stopped(say(stoppedBy))}</p>}
        {rejected.length > 0 && (
          <details className="import-report__rejected" open={rejected.length <= 5}>
            <summary>{t.rejected(rejected.length)}</summary>
            <ul>
              {rejected.map((line) => (
                <li key={line.line}>
                  <span className="import-report__line">{t.line(line.line)}</span>{' '}
                  <span lang={sayLang(line)}>{say(line)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Callout>
    </section>
  );
}
