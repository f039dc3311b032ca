import { useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { useNow } from '../../lib/clock';
import { enirisErrorTitle, retryMoment } from '../../lib/eniris-text';
import { formatDuration, formatTime, isoTime } from '../../lib/format';
import { useEnirisStore, type EnirisFlows } from '../../store/eniris-store';

const MAX_LENGTH = 256;
const ERROR_ID = 'eniris-sign-in-error';
const NOTE_ID = 'eniris-sign-in-note';

function fieldProblem(username: string, password: string): AppError | null {
  if (username.trim().length === 0)
    return { code: 'invalid_input', message: 'Enter your Eniris account name.' };
  if (password.length === 0) return { code: 'invalid_input', message: 'Enter your password.' };
  if (username.length > MAX_LENGTH || password.length > MAX_LENGTH) {
    return {
      code: 'invalid_input',
      message: `An account name or password is at most ${MAX_LENGTH} characters.`,
    };
  }
  return null;
}

interface SignInCardProps {
  readonly profileId: string;
  readonly flow: EnirisFlows['signIn'];
  /** Set when an action found the session gone: says why the sign-in card is back. */
  readonly sessionEnded: AppError | undefined;
}

/**
 * Signed out: the installer's Eniris account name and password. The password lives in this
 * component's state only while it is typed: it goes to the core for the one sign-in call and is
 * cleared when the call returns, whatever the outcome. It never reaches a store.
 */
export function SignInCard({ profileId, flow, sessionEnded }: SignInCardProps) {
  const signIn = useEnirisStore((s) => s.signIn);
  const dismiss = useEnirisStore((s) => s.dismiss);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localProblem, setLocalProblem] = useState<AppError | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const busy = flow.status === 'submitting';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const problem = fieldProblem(username, password);
    setLocalProblem(problem);
    if (problem) {
      (username.trim().length === 0 ? usernameRef : passwordRef).current?.focus();
      return;
    }
    // The account name is not a secret; surrounding spaces from a paste are not part of it.
    const signedIn = await signIn(profileId, username.trim(), password);
    setPassword('');
    // A refusal: the cursor goes where the next attempt starts, the emptied password.
    if (!signedIn) passwordRef.current?.focus();
  };

  const failure = flow.status === 'failed' ? flow : undefined;
  const error = localProblem ?? failure?.error ?? null;
  const credentialsWrong = error?.code === 'invalid_credentials';
  const until = failure && !localProblem ? retryMoment(failure.error, failure.at) : undefined;
  const describedBy = error ? `${NOTE_ID} ${ERROR_ID}` : NOTE_ID;

  return (
    <div className="stack">
      {sessionEnded && (
        <Callout tone="warning" role="status" title="Your Eniris session has ended">
          {sessionEnded.message} Sign in again to go on.
        </Callout>
      )}
      <Card
        className="eniris-sign-in"
        labelledBy="eniris-sign-in-title"
        title="Sign in to Eniris"
        description="Use your Eniris installer account to activate licence keys, claim them for controllers and see their licences."
      >
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p className="note" id={NOTE_ID}>
            <svg className="note__icon" viewBox="0 0 20 20" aria-hidden="true">
              <path d="M10 1.5a4 4 0 0 0-4 4V8H5a1.5 1.5 0 0 0-1.5 1.5v7A1.5 1.5 0 0 0 5 18h10a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 15 8h-1V5.5a4 4 0 0 0-4-4Zm-2.2 4a2.2 2.2 0 1 1 4.4 0V8H7.8V5.5Z" />
            </svg>
            <span>
              Your password is sent to Eniris <strong>once, for this sign-in</strong>, and is never
              stored. A sign-in token is kept in your operating system&apos;s keychain instead; it
              lasts 14 days, then you sign in again.
            </span>
          </p>
          <div className="eniris-form">
            <div className="eniris-form__field">
              <label className="field-label" htmlFor="eniris-username">
                Account name
              </label>
              <input
                ref={usernameRef}
                id="eniris-username"
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
                placeholder="name@example.com"
                aria-describedby={describedBy}
                aria-invalid={
                  credentialsWrong ||
                  (localProblem !== null && username.trim().length === 0) ||
                  undefined
                }
                readOnly={busy}
              />
            </div>
            <div className="eniris-form__field">
              <label className="field-label" htmlFor="eniris-password">
                Password
              </label>
              <input
                ref={passwordRef}
                id="eniris-password"
                className="input"
                type="password"
                value={password}
                onChange={(event) => {
                  setLocalProblem(null);
                  setPassword(event.target.value);
                }}
                autoComplete="current-password"
                maxLength={MAX_LENGTH}
                aria-describedby={describedBy}
                aria-invalid={
                  credentialsWrong || (localProblem !== null && password.length === 0) || undefined
                }
                readOnly={busy}
              />
            </div>
            <Button type="submit" variant="primary" busy={busy} busyLabel="Signing in…">
              Sign in
            </Button>
          </div>
          {error && (
            <ErrorMessage
              id={ERROR_ID}
              error={error}
              title={enirisErrorTitle('signIn', error)}
              hint={until !== undefined ? <TryAgainAt at={until} /> : undefined}
              onDismiss={() => {
                setLocalProblem(null);
                dismiss(profileId, 'signIn');
              }}
            />
          )}
        </form>
      </Card>
    </div>
  );
}

/**
 * "You can sign in again at 14:05 (in 4 m 10 s)": a clock time to plan by, and a countdown. The
 * countdown is hidden from assistive tech, since this sits in an alert that would read every tick;
 * the change to "You can try again now" is read once.
 */
function TryAgainAt({ at }: { readonly at: number }) {
  const left = at - useNow();
  if (left <= 0) return <>You can try again now.</>;
  return (
    <>
      You can sign in again at <time dateTime={isoTime(at)}>{formatTime(at)}</time>
      <span aria-hidden="true"> (in {formatDuration(left)})</span>.
    </>
  );
}
