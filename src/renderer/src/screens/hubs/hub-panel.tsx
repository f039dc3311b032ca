import type { KeyboardEvent, ReactNode } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { tHubs } from '../../i18n/hubs.en';
import { say, sayLang } from '../../lib/error-text';
import { hubErrorLabel } from '../../lib/hubs/hub-licence-text';
import { useHubFlows } from '../../store/hubs/hubs-selectors';
import { useHubsStore } from '../../store/hubs/hubs-store';
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
  const t = tHubs().panel.panel;

  const firstUse = hub.scheme === 'https' && !hub.tlsFingerprint;
  const certificate = (
    <PanelSection id="certificate" title={t.certificate}>
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
            {hub.site || t.noSite} · {t.hid} <code>{hub.hid}</code>
          </p>
        </div>
        <CloseButton label={t.close} onClick={close} />
      </header>

      <div className="hub-panel__body">
        <div className="hub-panel__actions">
          <Button
            size="sm"
            variant="primary"
            busy={flows.refresh.status === 'submitting'}
            busyLabel={t.refreshing}
            onClick={() => void refreshHub(hub.id)}
          >
            {t.refresh}
          </Button>
          <Button size="sm" onClick={onEdit}>
            {t.edit}
          </Button>
          <RemoveHub hub={hub} flow={flows.remove} />
        </div>
        {flows.refresh.status === 'failed' && (
          <ErrorMessage
            error={flows.refresh.error}
            title={t.refreshFailed}
            onDismiss={() => dismiss(hub.id, 'refresh')}
          />
        )}

        {hub.lastError && (
          <Callout tone="danger" title={t.lastRefreshFailed(hubErrorLabel(hub.lastError.code))}>
            <p lang={sayLang(hub.lastError)}>{say(hub.lastError)}</p>
            {hub.licence && (
              <p className="text-muted">
                {t.readBefore} <RelativeTime at={hub.licence.reportedAt} />.
              </p>
            )}
          </Callout>
        )}

        {/* A certificate never trusted blocks everything else: then it comes first. */}
        {firstUse && certificate}
        <PanelSection id="licence" title={t.licence}>
          {hub.licence && <LicenceConcerns licence={hub.licence} />}
          <LicenceFacts hub={hub} />
        </PanelSection>
        <PanelSection id="replace-licence-code" title={t.replaceCode}>
          <ReplaceCode hub={hub} flow={flows.setCode} />
        </PanelSection>
        <PanelSection id="connection" title={t.connection}>
          <ConnectionFacts hub={hub} />
        </PanelSection>
        {hub.scheme === 'https' && !firstUse && certificate}
      </div>
    </aside>
  );
}

function PanelSection({
  id,
  title,
  children,
}: {
  /** Names the heading's element id, whatever the language of the title. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const headingId = `hub-panel-${id}`;
  return (
    <section className="hub-panel__section" aria-labelledby={headingId}>
      <h3 className="hub-panel__section-title" id={headingId}>
        {title}
      </h3>
      {children}
    </section>
  );
}
