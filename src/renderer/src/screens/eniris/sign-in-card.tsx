import type { AppError } from '../../../../shared/errors';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { CredentialFields, PasswordNote, useCredentials } from '../../components/credential-fields';
import { ErrorMessage } from '../../components/error-message';
import { tEniris } from '../../i18n/eniris.en';
import { useNow } from '../../lib/clock';
import { enirisErrorTitle, retryMoment } from '../../lib/eniris-text';
import { say, sayLang } from '../../lib/error-text';
import { formatDuration, formatTime, isoTime } from '../../lib/format';
import { useEnirisStore, type EnirisFlows } from '../../store/eniris-store';
import { RichText } from '../../components/rich-text';

const ERROR_ID = 'eniris-sign-in-error';
const NOTE_ID = 'eniris-sign-in-note';

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
  const t = tEniris().signIn;
  const signIn = useEnirisStore((s) => s.signIn);
  const dismiss = useEnirisStore((s) => s.dismiss);
  const busy = flow.status === 'submitting';
  const credentials = useCredentials({
    usernameId: 'eniris-username',
    passwordId: 'eniris-password',
    nameMissing: t.nameMissing,
    // The account name is not a secret; surrounding spaces from a paste are not part of it.
    accountName: (typed) => typed.trim(),
    blocked: busy,
    send: (username, password) => signIn(profileId, username, password),
  });

  const failure = flow.status === 'failed' ? flow : undefined;
  const error = credentials.localProblem ?? failure?.error ?? null;
  const until =
    failure && !credentials.localProblem ? retryMoment(failure.error, failure.at) : undefined;
  const describedBy = error ? `${NOTE_ID} ${ERROR_ID}` : NOTE_ID;

  return (
    <div className="stack">
      {sessionEnded && (
        <Callout tone="warning" role="status" title={t.sessionEnded}>
          <span lang={sayLang(sessionEnded)}>{say(sessionEnded)}</span> {t.signInAgain}
        </Callout>
      )}
      <Card
        className="eniris-sign-in"
        labelledBy="eniris-sign-in-title"
        title={t.title}
        description={t.description}
      >
        <form onSubmit={(event) => void credentials.submit(event)} noValidate>
          <PasswordNote id={NOTE_ID}>
            <RichText text={t.passwordNote} values={{ once: <strong>{t.passwordOnce}</strong> }} />
          </PasswordNote>
          <div className="eniris-form">
            <CredentialFields
              credentials={credentials}
              fieldClassName="eniris-form__field"
              usernamePlaceholder="name@example.com"
              describedBy={describedBy}
              refused={error?.code === 'invalid_credentials'}
              busy={busy}
            />
            <Button type="submit" variant="primary" busy={busy} busyLabel={t.busy}>
              {t.submit}
            </Button>
          </div>
          {error && (
            <ErrorMessage
              id={ERROR_ID}
              error={error}
              title={enirisErrorTitle('signIn', error)}
              hint={until !== undefined ? <TryAgainAt at={until} /> : undefined}
              onDismiss={() => {
                credentials.clearProblem();
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
  const t = tEniris().signIn;
  if (left <= 0) return <>{t.tryAgainNow}</>;
  return (
    <RichText
      text={t.tryAgainAt}
      values={{
        time: <time dateTime={isoTime(at)}>{formatTime(at)}</time>,
        countdown: <span aria-hidden="true">{t.countdown(formatDuration(left))}</span>,
      }}
    />
  );
}
