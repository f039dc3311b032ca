import type { ConnectionTest, StepResult } from '../../../../shared/diagnostics-model';
import { Callout } from '../../components/callout';

const STEP_NAMES: Readonly<Record<StepResult['step'], string>> = {
  dns: 'DNS',
  tcp: 'TCP',
  proxy: 'Proxy',
  tls: 'TLS',
  http: 'HTTP',
};

const STATUS_WORDS: Readonly<Record<StepResult['status'], string>> = {
  ok: 'OK',
  failed: 'Failed',
  skipped: 'Not run',
};

/** One test: the failure and its fix first, then each server's steps with their timings. */
export function ConnectionResult({ test }: { readonly test: ConnectionTest }) {
  return (
    <div className="diagnostics__result">
      {test.note && <p className="text-muted">{test.note}</p>}
      {test.targets.map((target) => (
        <div key={target.url} className="diagnostics__target">
          {target.failure && (
            <Callout tone="danger" title="The connection failed">
              {target.failure.message}
            </Callout>
          )}
          <p className="diagnostics__target-url">
            <code>{target.url}</code>
            {target.via && (
              <>
                {' '}
                through the proxy <code>{target.via}</code>
              </>
            )}
          </p>
          <ol className="diagnostics__steps" aria-label={`Steps for ${target.url}`}>
            {target.steps.map((step) => (
              <li key={step.step} className={`diagnostics__step diagnostics__step--${step.status}`}>
                <span className="diagnostics__step-name">{STEP_NAMES[step.step]}</span>
                <span className="diagnostics__step-status">{STATUS_WORDS[step.status]}</span>
                <span className="diagnostics__step-detail">{step.detail}</span>
                <span className="diagnostics__step-time">
                  {step.ms === undefined ? '' : `${step.ms} ms`}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
