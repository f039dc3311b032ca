import { useEffect, useState, type FormEvent } from 'react';
import type { ProfileView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { parseTrialEmail } from '../../lib/licensespring-form-checks';
import { trialButtonLabel } from '../../lib/licensespring-text';
import { useLicenseSpringStore, useLsProfile } from '../../store/licensespring-store';
import { tActivation } from '../../i18n/activation.en';
import { localError } from '../../lib/error-text';

const EMAIL_ID = 'trial-email';

/**
 * LicenseSpring only, when the vendor's product allows it: a trial licence for this computer, no
 * key needed. Once it is activated, the licence store holds it like any activation and the screen
 * shows the active licence. Nothing is offered when the product cannot be read: the key stays.
 */
export function TrialOffer({
  profile,
  blocked,
}: {
  readonly profile: ProfileView;
  /** An activation is on its way: the trial waits. */
  readonly blocked: boolean;
}) {
  const { product, trial } = useLsProfile(profile.id);
  const loadProduct = useLicenseSpringStore((s) => s.loadProduct);
  const startTrial = useLicenseSpringStore((s) => s.startTrial);
  const dismissTrial = useLicenseSpringStore((s) => s.dismissTrial);
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = trial.status === 'submitting';

  useEffect(() => {
    void loadProduct(profile.id);
  }, [profile.id, loadProduct]);

  if (product?.status !== 'loaded' || !product.value.allowTrial) return null;
  const { productName, trialDays } = product.value;
  const t = tActivation().trial;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy || blocked) return;
    const parsed = parseTrialEmail(email);
    setProblem(parsed.ok ? null : parsed.problem);
    if (!parsed.ok) {
      document.getElementById(EMAIL_ID)?.focus();
      return;
    }
    void startTrial(profile.id, parsed.value);
  };

  const dismissError = (): void => {
    setProblem(null);
    dismissTrial(profile.id);
  };
  const error =
    problem !== null
      ? localError('invalid_input', problem)
      : trial.status === 'failed'
        ? trial.error
        : null;

  return (
    <Card
      labelledBy="trial-title"
      title={t.title}
      description={t.description(productName, trialDays)}
    >
      <form onSubmit={submit} noValidate>
        <label className="field-label" htmlFor={EMAIL_ID}>
          {t.emailLabel} <span className="text-muted">{t.optional}</span>
        </label>
        <p className="field-help" id="trial-email-help">
          {t.emailHelp}
        </p>
        <div className="key-form__row">
          <input
            id={EMAIL_ID}
            className="input key-form__input"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => {
              setProblem(null);
              setEmail(event.target.value);
            }}
            placeholder="name@example.com"
            maxLength={254}
            aria-describedby={error ? 'trial-email-help trial-error' : 'trial-email-help'}
            aria-invalid={error?.code === 'invalid_input' || undefined}
            readOnly={busy}
          />
          <Button type="submit" busy={busy} busyLabel={t.busy} disabled={blocked}>
            {trialButtonLabel(trialDays)}
          </Button>
        </div>
        {error && (
          <ErrorMessage
            id="trial-error"
            error={error}
            title={problem !== null ? t.checkEmail : t.failed}
            onDismiss={dismissError}
          />
        )}
      </form>
    </Card>
  );
}
