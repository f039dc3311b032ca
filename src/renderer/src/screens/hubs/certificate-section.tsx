import { useEffect } from 'react';
import type { HubCertificate, HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import { useNow } from '../../lib/clock';
import { tHubs } from '../../i18n/hubs.en';
import { formatDate } from '../../lib/format';
import { certificatePeriod, certificateTrust } from '../../lib/hubs/hub-connection';
import type { HubFlows } from '../../store/hubs/hubs-state';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { Fact } from './hub-facts';

interface CertificateSectionProps {
  readonly hub: HubView;
  readonly flows: HubFlows;
}

/**
 * Trust on first use for an https hub: the certificate it presents now, compared with the one
 * pinned. Read when the panel opens, since the engineer needs it in view to decide.
 */
export function CertificateSection({ hub, flows }: CertificateSectionProps) {
  const checkCertificate = useHubsStore((s) => s.checkCertificate);
  const dismiss = useHubsStore((s) => s.dismiss);
  const flow = flows.certificate;
  const t = tHubs().panel.certificate;

  useEffect(() => {
    const shown = useHubsStore.getState().hubFlows[hub.id]?.certificate.status ?? 'idle';
    if (shown === 'idle') void checkCertificate(hub.id);
  }, [hub.id, checkCertificate]);

  switch (flow.status) {
    case 'idle':
    case 'submitting':
      return (
        <div className="certificate" aria-busy="true">
          <span className="skeleton certificate__skeleton" />
          <p className="text-muted">{t.reading}</p>
        </div>
      );
    case 'failed':
      return (
        <div className="certificate">
          <ErrorMessage
            error={flow.error}
            title={t.readFailed}
            onDismiss={() => dismiss(hub.id, 'certificate')}
          />
          <PinnedFingerprint hub={hub} />
          <div className="certificate__buttons">
            <Button size="sm" onClick={() => void checkCertificate(hub.id)}>
              {t.tryAgain}
            </Button>
          </div>
        </div>
      );
    case 'succeeded':
      return <CertificateDetails hub={hub} certificate={flow.value} trustFlow={flows.trust} />;
    default:
      return null;
  }
}

function CertificateDetails({
  hub,
  certificate,
  trustFlow,
}: {
  readonly hub: HubView;
  readonly certificate: HubCertificate;
  readonly trustFlow: HubFlows['trust'];
}) {
  const checkCertificate = useHubsStore((s) => s.checkCertificate);
  const trustCertificate = useHubsStore((s) => s.trustCertificate);
  const dismiss = useHubsStore((s) => s.dismiss);
  const trust = certificateTrust(hub, certificate);
  const period = certificatePeriod(certificate, useNow());
  const t = tHubs().panel.certificate;

  return (
    <div className="certificate">
      {trust === 'trusted' && (
        <p className="certificate__status">
          <StatusPill tone="success">{t.trusted}</StatusPill>
          <span className="text-muted">{t.pinned}</span>
        </p>
      )}
      {trust === 'untrusted' && (
        <Callout tone="warning" title={t.untrustedTitle}>
          {t.untrusted}
        </Callout>
      )}
      {trust === 'changed' && (
        <Callout tone="danger" title={t.changedTitle} role="status">
          {t.changed}
        </Callout>
      )}
      <dl className="facts hub-facts">
        <Fact label={t.fingerprint} wide>
          <Fingerprint value={certificate.fingerprint} />
        </Fact>
        {trust === 'changed' && hub.tlsFingerprint && (
          <Fact label={t.pinnedFingerprint} wide>
            <Fingerprint value={hub.tlsFingerprint} />
          </Fact>
        )}
        <Fact label={t.subject} wide>
          {certificate.subject}
        </Fact>
        <Fact label={t.issuer} wide>
          {certificate.selfSigned ? t.selfSigned : certificate.issuer}
        </Fact>
        <Fact label={t.valid} wide>
          {formatDate(certificate.validFrom)} – {formatDate(certificate.validTo)}
          {period === 'expired' && <span className="text-danger"> · {t.expired}</span>}
          {period === 'not-yet-valid' && <span className="text-warning"> · {t.notYetValid}</span>}
        </Fact>
      </dl>
      <div className="certificate__buttons">
        {trust !== 'trusted' && (
          <Button
            size="sm"
            variant={trust === 'changed' ? 'danger' : 'primary'}
            busy={trustFlow.status === 'submitting'}
            busyLabel={t.trusting}
            onClick={() => void trustCertificate(hub.id, certificate.fingerprint.toUpperCase())}
          >
            {trust === 'changed' ? t.trustNew : t.trust}
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => void checkCertificate(hub.id)}>
          {t.checkAgain}
        </Button>
      </div>
      {trustFlow.status === 'failed' && (
        <ErrorMessage
          error={trustFlow.error}
          title={t.trustFailed}
          onDismiss={() => dismiss(hub.id, 'trust')}
        />
      )}
    </div>
  );
}

function PinnedFingerprint({ hub }: { readonly hub: HubView }) {
  if (!hub.tlsFingerprint) return null;
  return (
    <dl className="facts hub-facts">
      <Fact label={tHubs().panel.certificate.pinnedFingerprint} wide>
        <Fingerprint value={hub.tlsFingerprint} />
      </Fact>
    </dl>
  );
}

/** 32 byte pairs as two lines of 16, the way people compare them against another screen. */
function Fingerprint({ value }: { readonly value: string }) {
  const pairs = value.toUpperCase().split(':');
  const half = Math.ceil(pairs.length / 2);
  return (
    <code className="fingerprint">
      <span>{pairs.slice(0, half).join(':')}</span>
      <span>{pairs.slice(half).join(':')}</span>
    </code>
  );
}
