import { useEffect, useRef, useState } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { tHubs } from '../../i18n/hubs.en';
import type { HubFlows } from '../../store/hubs/hubs-state';
import { useHubsStore } from '../../store/hubs/hubs-store';

interface RemoveHubProps {
  readonly hub: HubView;
  readonly flow: HubFlows['remove'];
}

/**
 * Remove, asked again inline: the question replaces the button row's end so the answer is one
 * Tab away. The safe choice has the focus; Escape cancels.
 */
export function RemoveHub({ hub, flow }: RemoveHubProps) {
  const removeHub = useHubsStore((s) => s.removeHub);
  const dismiss = useHubsStore((s) => s.dismiss);
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const busy = flow.status === 'submitting';
  const t = tHubs().panel.remove;

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const cancel = (): void => {
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  if (!confirming && !busy) {
    return (
      <>
        <Button ref={openRef} size="sm" variant="danger" onClick={() => setConfirming(true)}>
          {t.open}
        </Button>
        {flow.status === 'failed' && (
          <div className="hub-panel__full">
            <ErrorMessage
              error={flow.error}
              title={t.failed}
              onDismiss={() => dismiss(hub.id, 'remove')}
            />
          </div>
        )}
      </>
    );
  }

  return (
    <div
      className="confirm-bar hub-remove"
      role="group"
      aria-labelledby="hub-remove-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          // The panel closes on Escape too; here Escape only takes the question back.
          event.preventDefault();
          cancel();
        }
      }}
    >
      <p className="hub-remove__question" id="hub-remove-question">
        {t.question(hub.name)}
      </p>
      <p className="hub-remove__consequence">{t.consequence}</p>
      <div className="hub-remove__buttons">
        <Button ref={keepRef} size="sm" onClick={cancel} disabled={busy}>
          {t.keep}
        </Button>
        <Button
          size="sm"
          variant="danger"
          busy={busy}
          busyLabel={t.removing}
          onClick={() => void removeHub(hub.id)}
        >
          {t.remove}
        </Button>
      </div>
    </div>
  );
}
