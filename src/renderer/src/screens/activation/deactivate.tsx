import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import type { Flow } from '../../lib/remote';
import { tActivation } from '../../i18n/activation.en';

interface DeactivateProps {
  readonly flow: Flow;
  readonly onConfirm: () => void;
  readonly onDismissError: () => void;
  /** What the user gives up, in words that fit the licence (an activation, a seat). */
  readonly consequence: string;
  /** The opening button, when this is not the usual deactivation (e.g. "Deactivate offline…"). */
  readonly label?: string;
}

/** Deactivation is a two-step action: it can cost the user an activation they cannot get back. */
export function Deactivate({
  flow,
  onConfirm,
  onDismissError,
  consequence,
  label,
}: DeactivateProps) {
  const t = tActivation().deactivate;
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const busy = flow.status === 'submitting';
  const questionId = useId();

  // The safe choice gets focus when the question appears.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const cancel = (): void => {
    setConfirming(false);
    // Give focus back to where the user started, once the button is back in the page.
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <div className="deactivate">
      {confirming || busy ? (
        <div
          className="deactivate__confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !busy) cancel();
          }}
        >
          <div>
            <p className="deactivate__question" id={questionId}>
              {t.question}
            </p>
            <p className="deactivate__consequence">{consequence}</p>
          </div>
          <div className="deactivate__buttons">
            <Button ref={cancelRef} onClick={cancel} disabled={busy}>
              {t.cancel}
            </Button>
            <Button variant="danger" busy={busy} busyLabel={t.busy} onClick={onConfirm}>
              {t.confirm}
            </Button>
          </div>
        </div>
      ) : (
        <div className="deactivate__idle">
          <p className="deactivate__consequence">{consequence}</p>
          <Button ref={openRef} variant="secondary" onClick={() => setConfirming(true)}>
            {label ?? t.open}
          </Button>
        </div>
      )}
      {flow.status === 'failed' && <ErrorMessage error={flow.error} onDismiss={onDismissError} />}
    </div>
  );
}
