import { useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { accountErrorTitle } from '../../lib/activation-text';
import type { Flow } from '../../lib/remote';

interface AccountFormProps {
  /** Resolves true when the licence was activated. */
  readonly onSubmit: (username: string, password: string) => Promise<boolean>;
  readonly onDismissError: () => void;
  readonly flow: Flow;
  /** Another way of activating is on its way: this form waits. */
  readonly disabled: boolean;
}

const MAX_LENGTH = 256;

function fieldProblem(username: string, password: string): AppError | null {
  if (username.length === 0) return { code: 'invalid_input', message: 'Enter your account name.' };
  if (password.length === 0) return { code: 'invalid_input', message: 'Enter your password.' };
  if (username.length > MAX_LENGTH || password.length > MAX_LENGTH) {
    return {
      code: 'invalid_input',
      message: `An account name or password is at most ${MAX_LENGTH} characters.`,
    };
  }
  return null;
}

/**
 * Activation by signing in. The password lives in this component's state only while it is typed:
 * it is cleared as soon as the call returns, whatever the outcome, and never reaches a store.
 * Neither field is trimmed: a password may begin or end with a space.
 */
export function AccountForm({ onSubmit, onDismissError, flow, disabled }: AccountFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localProblem, setLocalProblem] = useState<AppError | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const busy = flow.status === 'submitting';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy || disabled) return;
    const problem = fieldProblem(username, password);
    setLocalProblem(problem);
    if (problem) {
      (username.length === 0 ? usernameRef : passwordRef).current?.focus();
      return;
    }
    const activated = await onSubmit(username, password);
    setPassword('');
    // A refused sign-in: the cursor goes where the next attempt starts, the emptied password.
    if (!activated) passwordRef.current?.focus();
  };

  const error = localProblem ?? (flow.status === 'failed' ? flow.error : null);
  const credentialsWrong = error?.code === 'invalid_credentials';
  const describedBy = (help: string): string => (error ? `${help} account-form-error` : help);

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="note" id="account-form-note">
        <svg className="note__icon" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M10 1.5a4 4 0 0 0-4 4V8H5a1.5 1.5 0 0 0-1.5 1.5v7A1.5 1.5 0 0 0 5 18h10a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 15 8h-1V5.5a4 4 0 0 0-4-4Zm-2.2 4a2.2 2.2 0 1 1 4.4 0V8H7.8V5.5Z" />
        </svg>
        <span>
          Signing in uses <strong>one licence from your account</strong> for this computer. Your
          password is sent to the licensing server for this sign-in only and is never stored.
        </span>
      </p>
      <div className="account-form__fields">
        <div className="account-form__field">
          <label className="field-label" htmlFor="account-username">
            Account name
          </label>
          <input
            ref={usernameRef}
            id="account-username"
            className="input"
            value={username}
            onChange={(event) => {
              setLocalProblem(null);
              setUsername(event.target.value);
            }}
            autoComplete="username"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={MAX_LENGTH}
            aria-describedby={describedBy('account-form-note')}
            aria-invalid={
              credentialsWrong || (localProblem !== null && username.length === 0) || undefined
            }
            readOnly={busy}
          />
        </div>
        <div className="account-form__field">
          <label className="field-label" htmlFor="account-password">
            Password
          </label>
          <input
            ref={passwordRef}
            id="account-password"
            className="input"
            type="password"
            value={password}
            onChange={(event) => {
              setLocalProblem(null);
              setPassword(event.target.value);
            }}
            autoComplete="current-password"
            maxLength={MAX_LENGTH}
            aria-describedby={describedBy('account-form-note')}
            aria-invalid={
              credentialsWrong || (localProblem !== null && password.length === 0) || undefined
            }
            readOnly={busy}
          />
        </div>
        <Button
          type="submit"
          variant="primary"
          className="account-form__submit"
          busy={busy}
          busyLabel="Signing in…"
          disabled={disabled}
        >
          Sign in and activate
        </Button>
      </div>
      {error && (
        <ErrorMessage
          id="account-form-error"
          error={error}
          title={accountErrorTitle(error)}
          onDismiss={() => {
            setLocalProblem(null);
            onDismissError();
          }}
        />
      )}
    </form>
  );
}
