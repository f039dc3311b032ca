import { useEffect, useRef, useState } from 'react';
import type { HubCodeChange, HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { tHubs } from '../../i18n/hubs.en';
import { hubAddress } from '../../lib/hubs/hub-connection';
import { licenceSummary, shortCodeLabel } from '../../lib/hubs/hub-licence-text';
import type { HubFlows } from '../../store/hubs/hubs-state';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { CodeChangeResult } from './code-change-result';
import { ModalDialog } from './modal-dialog';

interface CodeChangeDialogProps {
  readonly hub: HubView;
  /** Already cleaned and checked for shape. */
  readonly code: string;
  readonly flow: HubFlows['setCode'];
  /** Back to the form, the code still in it. */
  readonly onCancel: () => void;
  /** The code was replaced and the engineer has seen the read-back. */
  readonly onFinished: () => void;
}

/**
 * "Replace the licence code?": the hub, its current (masked) code and the new one side by side,
 * Cancel focused. Then the licence as the hub reads it back after the change, or the error. Escape
 * cancels at any point; a call already sent still finishes, and the panel reports its outcome.
 */
export function CodeChangeDialog({ hub, code, flow, onCancel, onFinished }: CodeChangeDialogProps) {
  const setCode = useHubsStore((s) => s.setCode);
  const [sent, setSent] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const tryAgainRef = useRef<HTMLButtonElement>(null);
  const phase = sent ? flow.status : 'idle';
  const t = tHubs().panel.change;

  // The cursor follows the dialog's content: to Close on the result, to Try again on a failure.
  useEffect(() => {
    if (phase === 'succeeded') closeRef.current?.focus();
    if (phase === 'failed') tryAgainRef.current?.focus();
  }, [phase]);

  const send = (): void => {
    setSent(true);
    void setCode(hub.id, code);
  };

  if (phase === 'succeeded' && flow.status === 'succeeded') {
    return (
      <ModalDialog
        titleId="code-change-title"
        title={t.doneTitle}
        onCancel={onFinished}
        initialFocus={closeRef}
        size="lg"
      >
        <Result change={flow.value} />
        <footer className="modal__footer">
          <Button ref={closeRef} variant="primary" onClick={onFinished}>
            {t.close}
          </Button>
        </footer>
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      titleId="code-change-title"
      title={t.title}
      describedBy="code-change-consequence"
      onCancel={onCancel}
      initialFocus={cancelRef}
      size="lg"
    >
      <div className="modal__body">
        <dl className="code-change">
          <dt>{t.hub}</dt>
          <dd>
            <strong>{hub.name}</strong>
            <span className="text-muted">
              {' '}
              · {hub.site || t.noSite} · {t.hid} <code>{hub.hid}</code>
            </span>
            <br />
            <code className="text-muted">{hubAddress(hub)}</code>
          </dd>
          <dt>{t.current}</dt>
          <dd>
            {hub.licence ? (
              <>
                <code>{shortCodeLabel(hub.licence.codeLabel)}</code>
                <span className="text-muted"> · {licenceSummary(hub.licence)}</span>
              </>
            ) : (
              t.notReadYet
            )}
          </dd>
          <dt>{t.newCode}</dt>
          <dd>
            <code className="code-change__new">{code}</code>
          </dd>
        </dl>
        <p className="modal__text" id="code-change-consequence">
          {t.consequence}
        </p>
        {phase === 'failed' && flow.status === 'failed' && (
          <ErrorMessage error={flow.error} title={t.failed} />
        )}
      </div>
      <footer className="modal__footer">
        <Button ref={cancelRef} onClick={onCancel}>
          {t.cancel}
        </Button>
        {phase === 'failed' ? (
          <Button ref={tryAgainRef} variant="primary" onClick={send}>
            {t.tryAgain}
          </Button>
        ) : (
          <Button
            variant="primary"
            busy={phase === 'submitting'}
            busyLabel={t.replacing}
            onClick={send}
          >
            {t.replace}
          </Button>
        )}
      </footer>
    </ModalDialog>
  );
}

function Result({ change }: { readonly change: HubCodeChange }) {
  return (
    <div className="modal__body">
      <p className="modal__text">{tHubs().panel.change.readBack(change.hub.name)}</p>
      <CodeChangeResult change={change} />
    </div>
  );
}
