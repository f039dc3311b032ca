import { useEffect, useRef, useState } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { useHubsStore, type HubFlows } from '../../store/hubs-store';

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
          Remove…
        </Button>
        {flow.status === 'failed' && (
          <div className="hub-panel__full">
            <ErrorMessage
              error={flow.error}
              title="Couldn't remove the hub"
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
        Remove {hub.name} from the inventory?
      </p>
      <p className="hub-remove__consequence">
        The app forgets its address, account and pinned certificate. The hub and its licence are not
        changed.
      </p>
      <div className="hub-remove__buttons">
        <Button ref={keepRef} size="sm" onClick={cancel} disabled={busy}>
          Keep it
        </Button>
        <Button
          size="sm"
          variant="danger"
          busy={busy}
          busyLabel="Removing…"
          onClick={() => void removeHub(hub.id)}
        >
          Remove
        </Button>
      </div>
    </div>
  );
}
