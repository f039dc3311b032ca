import { useEffect } from 'react';
import type { HubCertificate, HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import { useNow } from '../../lib/clock';
import { formatDate } from '../../lib/format';
import { certificatePeriod, certificateTrust } from '../../lib/hubs-text';
import { useHubsStore, type HubFlows } from '../../store/hubs-store';
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
          <p className="text-muted">Reading the certificate the hub presents…</p>
        </div>
      );
    case 'failed':
      return (
        <div className="certificate">
          <ErrorMessage
            error={flow.error}
            title="Couldn't read the hub's certificate"
            onDismiss={() => dismiss(hub.id, 'certificate')}
          />
          <PinnedFingerprint hub={hub} />
          <div className="certificate__buttons">
            <Button size="sm" onClick={() => void checkCertificate(hub.id)}>
              Try again
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

  return (
    <div className="certificate">
      {trust === 'trusted' && (
        <p className="certificate__status">
          <StatusPill tone="success">Trusted</StatusPill>
          <span className="text-muted">It is the certificate you pinned.</span>
        </p>
      )}
      {trust === 'untrusted' && (
        <Callout tone="warning" title="Not trusted yet">
          Compare the fingerprint below with the one on the hub&apos;s own admin page. If they
          match, trust it: the app pins it and refuses any other certificate from this hub.
        </Callout>
      )}
      {trust === 'changed' && (
        <Callout tone="danger" title="The certificate has changed" role="status">
          The hub presents a different certificate from the one you trusted. If the hub was replaced
          or its certificate renewed, compare the new fingerprint with the hub before trusting it.
          Otherwise someone may be intercepting the connection: do not trust it.
        </Callout>
      )}
      <dl className="facts hub-facts">
        <Fact label="SHA-256 fingerprint" wide>
          <Fingerprint value={certificate.fingerprint} />
        </Fact>
        {trust === 'changed' && hub.tlsFingerprint && (
          <Fact label="Pinned fingerprint" wide>
            <Fingerprint value={hub.tlsFingerprint} />
          </Fact>
        )}
        <Fact label="Subject" wide>
          {certificate.subject}
        </Fact>
        <Fact label="Issuer" wide>
          {certificate.selfSigned ? 'Self-signed' : certificate.issuer}
        </Fact>
        <Fact label="Valid" wide>
          {formatDate(certificate.validFrom)} – {formatDate(certificate.validTo)}
          {period === 'expired' && <span className="text-danger"> · expired</span>}
          {period === 'not-yet-valid' && <span className="text-warning"> · not valid yet</span>}
        </Fact>
      </dl>
      <div className="certificate__buttons">
        {trust !== 'trusted' && (
          <Button
            size="sm"
            variant={trust === 'changed' ? 'danger' : 'primary'}
            busy={trustFlow.status === 'submitting'}
            busyLabel="Trusting…"
            onClick={() => void trustCertificate(hub.id, certificate.fingerprint.toUpperCase())}
          >
            {trust === 'changed' ? 'Trust the new certificate' : 'Trust this certificate'}
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => void checkCertificate(hub.id)}>
          Check again
        </Button>
      </div>
      {trustFlow.status === 'failed' && (
        <ErrorMessage
          error={trustFlow.error}
          title="The certificate was not trusted"
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
      <Fact label="Pinned fingerprint" wide>
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
