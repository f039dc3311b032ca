import { Emphasised } from '../../components/rich-text';
import { Button } from '../../components/button';
import { CredentialFields, PasswordNote, useCredentials } from '../../components/credential-fields';
import { ErrorMessage } from '../../components/error-message';
import { accountErrorTitle } from '../../lib/activation-text';
import type { Flow } from '../../lib/remote';
import { tActivation } from '../../i18n/activation.en';

interface AccountFormProps {
  /** Resolves true when the licence was activated. */
  readonly onSubmit: (username: string, password: string) => Promise<boolean>;
  readonly onDismissError: () => void;
  readonly flow: Flow;
  /** Another way of activating is on its way: this form waits. */
  readonly disabled: boolean;
}

/**
 * Activation by signing in. The password is cleared as soon as the call returns and never reaches
 * a store (see useCredentials). Neither field is trimmed: a password may begin or end with a space.
 */
export function AccountForm({ onSubmit, onDismissError, flow, disabled }: AccountFormProps) {
  const busy = flow.status === 'submitting';
  const t = tActivation().accountForm;
  const credentials = useCredentials({
    usernameId: 'account-username',
    passwordId: 'account-password',
    nameMissing: t.nameMissing,
    accountName: (typed) => typed,
    blocked: busy || disabled,
    send: onSubmit,
  });

  const error = credentials.localProblem ?? (flow.status === 'failed' ? flow.error : null);

  return (
    <form className="account-form" onSubmit={(event) => void credentials.submit(event)} noValidate>
      <PasswordNote id="account-form-note">
        <Emphasised text={t.note} />
      </PasswordNote>
      <div className="account-form__fields">
        <CredentialFields
          credentials={credentials}
          fieldClassName="account-form__field"
          describedBy={error ? 'account-form-note account-form-error' : 'account-form-note'}
          refused={error?.code === 'invalid_credentials'}
          busy={busy}
        />
        <Button
          type="submit"
          variant="primary"
          className="account-form__submit"
          busy={busy}
          busyLabel={t.busy}
          disabled={disabled}
        >
          {t.submit}
        </Button>
      </div>
      {error && (
        <ErrorMessage
          id="account-form-error"
          error={error}
          title={accountErrorTitle(error)}
          onDismiss={() => {
            credentials.clearProblem();
            onDismissError();
          }}
        />
      )}
    </form>
  );
}
