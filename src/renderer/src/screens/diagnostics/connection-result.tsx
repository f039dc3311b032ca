import type { ConnectionTest } from '../../../../shared/diagnostics-model';
import { Callout } from '../../components/callout';
import { RichText } from '../../components/rich-text';
import { tDiagnostics } from '../../i18n/diagnostics.en';

/** One test: the failure and its fix first, then each server's steps with their timings. */
export function ConnectionResult({ test }: { readonly test: ConnectionTest }) {
  const t = tDiagnostics().result;
  // Main writes the note, failure and step details in the interface's language (it is asked in it).
  return (
    <div className="diagnostics__result">
      {test.note && <p className="text-muted">{test.note}</p>}
      {test.targets.map((target) => (
        <div key={target.url} className="diagnostics__target">
          {target.failure && (
            <Callout tone="danger" title={t.failedTitle}>
              {target.failure.message}
            </Callout>
          )}
          <p className="diagnostics__target-url">
            <code>{target.url}</code>
            {target.via && (
              <RichText text={t.throughProxy} values={{ proxy: <code>{target.via}</code> }} />
            )}
          </p>
          {target.passedOver && (
            <div className="diagnostics__passed-over">
              <p>{t.passedOver}</p>
              <ul>
                {target.passedOver.map((why) => (
                  <li key={why}>{why}</li>
                ))}
              </ul>
            </div>
          )}
          <ol className="diagnostics__steps" aria-label={t.stepsFor(target.url)}>
            {target.steps.map((step) => (
              <li key={step.step} className={`diagnostics__step diagnostics__step--${step.status}`}>
                <span className="diagnostics__step-name">{t.steps[step.step]}</span>
                <span className="diagnostics__step-status">{t.status[step.status]}</span>
                <span className="diagnostics__step-detail">{step.detail}</span>
                <span className="diagnostics__step-time">
                  {step.ms === undefined ? '' : t.milliseconds(step.ms)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
