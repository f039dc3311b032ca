import { useEffect, useRef, useState } from 'react';
import type { EnirisAccountView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { tEniris } from '../../i18n/eniris.en';
import { enirisErrorTitle } from '../../lib/eniris-text';
import { formatDateTime, isoTime } from '../../lib/format';
import { useEnirisStore, type EnirisFlows } from '../../store/eniris-store';
import { RichText } from '../../components/rich-text';

interface AccountBarProps {
  readonly account: EnirisAccountView;
  readonly flow: EnirisFlows['signOut'];
}

/** Who is signed in, since when, and signing out (a two-step action: it needs the password back). */
export function AccountBar({ account, flow }: AccountBarProps) {
  const signOut = useEnirisStore((s) => s.signOut);
  const dismiss = useEnirisStore((s) => s.dismiss);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const t = tEniris().account;
  const busy = flow.status === 'submitting';
  const name = account.username ?? t.someone;

  // The safe choice gets focus when the question appears.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const cancel = (): void => {
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <section className="account-bar" aria-label={t.region}>
      <div className="account-bar__row">
        <span className="account-bar__avatar" aria-hidden="true">
          <svg viewBox="0 0 20 20">
            <path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 1.5c-3.6 0-6.5 2-6.5 4.5v1.5h13V16c0-2.5-2.9-4.5-6.5-4.5Z" />
          </svg>
        </span>
        <div className="account-bar__text">
          <p className="account-bar__who">
            <RichText
              text={t.signedInAs}
              values={{ name: <strong className="account-bar__name">{name}</strong> }}
            />
          </p>
          <p className="account-bar__since">
            {account.signedInAt !== undefined ? (
              <RichText
                text={t.since}
                values={{
                  date: (
                    <time dateTime={isoTime(account.signedInAt)}>
                      {formatDateTime(account.signedInAt)}
                    </time>
                  ),
                }}
              />
            ) : (
              t.tokenKept
            )}
          </p>
        </div>
        {!(confirming || busy) && (
          <Button ref={openRef} size="sm" onClick={() => setConfirming(true)}>
            {t.signOutOpen}
          </Button>
        )}
      </div>
      {(confirming || busy) && (
        <div
          className="confirm-bar"
          role="group"
          aria-labelledby="eniris-sign-out-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !busy) cancel();
          }}
        >
          <div>
            <p className="confirm-bar__question" id="eniris-sign-out-question">
              {t.question}
            </p>
            <p className="confirm-bar__consequence">{t.consequence}</p>
          </div>
          <div className="confirm-bar__buttons">
            <Button ref={cancelRef} onClick={cancel} disabled={busy}>
              {t.cancel}
            </Button>
            <Button
              variant="danger"
              busy={busy}
              busyLabel={t.busy}
              onClick={() => void signOut(account.profileId)}
            >
              {t.signOut}
            </Button>
          </div>
        </div>
      )}
      {flow.status === 'failed' && (
        <ErrorMessage
          error={flow.error}
          title={enirisErrorTitle('signOut', flow.error) ?? t.failed}
          onDismiss={() => dismiss(account.profileId, 'signOut')}
        />
      )}
    </section>
  );
}
