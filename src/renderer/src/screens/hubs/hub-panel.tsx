import type { KeyboardEvent, ReactNode } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { hubErrorLabel } from '../../lib/hubs-text';
import { useHubFlows, useHubsStore } from '../../store/hubs-store';
import { CertificateSection } from './certificate-section';
import { CloseButton } from './close-button';
import { LicenceConcerns } from './code-change-result';
import { ConnectionFacts, LicenceFacts } from './hub-facts';
import { RemoveHub } from './remove-hub';
import { ReplaceCode } from './replace-code';

interface HubPanelProps {
  readonly hub: HubView;
  readonly onEdit: () => void;
}

/**
 * The selected hub: everything known about it and what can be done to it. Not modal: the table
 * stays usable beside it. Escape closes it and puts the cursor back on the hub's row. Keyed by hub
 * where it is rendered, so another hub starts with a fresh panel (no half-typed code carried over).
 */
export function HubPanel({ hub, onEdit }: HubPanelProps) {
  const flows = useHubFlows(hub.id);
  const select = useHubsStore((s) => s.select);
  const refreshHub = useHubsStore((s) => s.refreshHub);
  const dismiss = useHubsStore((s) => s.dismiss);

  const firstUse = hub.scheme === 'https' && !hub.tlsFingerprint;
  const certificate = (
    <PanelSection title="Certificate">
      <CertificateSection hub={hub} flows={flows} />
    </PanelSection>
  );

  const close = (): void => {
    select(null);
    document.querySelector<HTMLElement>(`[data-hub-id="${CSS.escape(hub.id)}"]`)?.focus();
  };

  const keyDown = (event: KeyboardEvent<HTMLElement>): void => {
    // A modal dialog opened from the panel handles its own Escape.
    if (event.key === 'Escape' && !event.defaultPrevented) close();
  };

  const title = 'hub-panel-title';
  return (
    <aside className="hub-panel" aria-labelledby={title} onKeyDown={keyDown}>
      <header className="hub-panel__header">
        <div className="hub-panel__heading">
          <h2 className="hub-panel__title" id={title}>
            {hub.name}
          </h2>
          <p className="hub-panel__subtitle">
            {hub.site || 'No site'} · HID <code>{hub.hid}</code>
          </p>
        </div>
        <CloseButton label="Close hub details" onClick={close} />
      </header>

      <div className="hub-panel__body">
        <div className="hub-panel__actions">
          <Button
            size="sm"
            variant="primary"
            busy={flows.refresh.status === 'submitting'}
            busyLabel="Refreshing…"
            onClick={() => void refreshHub(hub.id)}
          >
            Refresh this hub
          </Button>
          <Button size="sm" onClick={onEdit}>
            Edit…
          </Button>
          <RemoveHub hub={hub} flow={flows.remove} />
        </div>
        {flows.refresh.status === 'failed' && (
          <ErrorMessage
            error={flows.refresh.error}
            title="Couldn't refresh this hub"
            onDismiss={() => dismiss(hub.id, 'refresh')}
          />
        )}

        {hub.lastError && (
          <Callout
            tone="danger"
            title={`Last refresh failed: ${hubErrorLabel(hub.lastError.code)}`}
          >
            <p>{hub.lastError.message}</p>
            {hub.licence && (
              <p className="text-muted">
                The licence below was read <RelativeTime at={hub.licence.reportedAt} />.
              </p>
            )}
          </Callout>
        )}

        {/* A certificate never trusted blocks everything else: then it comes first. */}
        {firstUse && certificate}
        <PanelSection title="Licence">
          {hub.licence && <LicenceConcerns licence={hub.licence} />}
          <LicenceFacts hub={hub} />
        </PanelSection>
        <PanelSection title="Replace licence code">
          <ReplaceCode hub={hub} flow={flows.setCode} />
        </PanelSection>
        <PanelSection title="Connection">
          <ConnectionFacts hub={hub} />
        </PanelSection>
        {hub.scheme === 'https' && !firstUse && certificate}
      </div>
    </aside>
  );
}

function PanelSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = `hub-panel-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="hub-panel__section" aria-labelledby={id}>
      <h3 className="hub-panel__section-title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}
