import type { FleetProgress } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { tHubs } from '../../i18n/hubs.en';
import { progressRatio, progressText, refreshSummary } from '../../lib/hubs/fleet-refresh';
import { useHubsStore } from '../../store/hubs/hubs-store';

/** The parallelism an engineer may pick: a site network or an old hub may want fewer at once. */
const CONCURRENCY_CHOICES = [1, 2, 4, 8, 16, 32, 64] as const;

/**
 * Refresh all: reads every hub's licence, so many at a time. The bar fills from `hubs:changed`
 * events as hubs answer; the table stays usable meanwhile.
 */
export function RefreshBar({ hubCount }: { readonly hubCount: number }) {
  const progress = useHubsStore((s) => s.progress);
  const flow = useHubsStore((s) => s.fleetFlows.refreshAll);
  const concurrency = useHubsStore((s) => s.concurrency);
  const setConcurrency = useHubsStore((s) => s.setConcurrency);
  const refreshAll = useHubsStore((s) => s.refreshAll);
  const dismissFleet = useHubsStore((s) => s.dismissFleet);
  const fleetRun = flow.status === 'submitting';
  // A one-hub refresh from the side panel is a run of its own; the fleet's bar ignores it.
  const running = fleetRun || (progress.running && progress.total > 1);
  const finished =
    flow.status === 'succeeded'
      ? flow.value
      : progress.finishedAt !== undefined && progress.total > 1
        ? progress
        : undefined;
  // Until the core reports the new run, the bar starts empty rather than showing the last run.
  const shown = running
    ? progress.running
      ? progress
      : { running: true, total: hubCount, done: 0, failed: 0 }
    : finished;
  const t = tHubs().fleet.refresh;

  return (
    <section className="refresh-bar" aria-label={t.region}>
      <div className="refresh-bar__row">
        {/*
          No spinner while a run goes: the bar beside shows its progress, and a refresh of a large
          fleet can take minutes, which an endless animation would spend on a laptop's battery.
        */}
        <Button
          variant="primary"
          // The core runs one refresh at a time: wait for a one-hub refresh to end too.
          disabled={hubCount === 0 || running || progress.running}
          onClick={() => void refreshAll()}
        >
          {running ? t.refreshing : t.refreshAll}
        </Button>
        <label className="refresh-bar__parallel">
          <span>{t.atOnce}</span>
          <select
            className="select"
            value={concurrency}
            onChange={(event) => setConcurrency(Number(event.target.value))}
            disabled={running}
            aria-describedby="refresh-parallel-help"
          >
            {CONCURRENCY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <span className="visually-hidden" id="refresh-parallel-help">
          {t.atOnceHelp}
        </span>
        <div className="refresh-bar__status">
          {shown ? (
            <ProgressReport progress={shown} />
          ) : (
            <p className="refresh-bar__hint">
              {hubCount === 1 ? t.hintOne(concurrency) : t.hintAll(hubCount, concurrency)}
            </p>
          )}
        </div>
      </div>
      {flow.status === 'failed' && (
        <ErrorMessage
          error={flow.error}
          title={t.failed}
          onDismiss={() => dismissFleet('refreshAll')}
        />
      )}
    </section>
  );
}

/** Answered hubs fill the bar in the accent colour, failed ones in red after them. */
function ProgressReport({ progress }: { readonly progress: FleetProgress }) {
  const { total, done, failed } = progress;
  const answeredShare = total > 0 ? (done - failed) / total : 0;
  const failedShare = total > 0 ? failed / total : 0;
  const t = tHubs().fleet.refresh;
  return (
    <div className="progress-report">
      <div
        className="progress"
        role="progressbar"
        aria-label={t.progress}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={total > 0 ? done : 1}
        aria-valuetext={progressText(progress)}
      >
        {/* CSSOM widths, which the style-src CSP allows. */}
        <span className="progress__answered" style={{ width: `${answeredShare * 100}%` }} />
        <span className="progress__failed" style={{ width: `${failedShare * 100}%` }} />
      </div>
      <p className="progress-report__text">
        {progress.running ? (
          <>
            <strong>{progressText(progress)}</strong>
            <span className="text-muted"> · {Math.floor(progressRatio(progress) * 100)} %</span>
          </>
        ) : (
          <>
            <span className={failed > 0 ? 'text-warning' : undefined}>
              {refreshSummary(progress)}
            </span>
            {progress.finishedAt !== undefined && (
              <span className="text-muted">
                {' '}
                {t.finished} <RelativeTime at={progress.finishedAt} />.
              </span>
            )}
          </>
        )}
      </p>
    </div>
  );
}
