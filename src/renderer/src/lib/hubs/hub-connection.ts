import type { HubCertificate, HubView } from '../../../../shared/hubs-model';

/**
 * How the app reaches a hub, and whether to trust the certificate that answers there. Pure: the
 * caller passes `now`.
 */

/** "https://10.0.4.12:8443/hubs/01": where the app reaches the hub. */
export function hubAddress(hub: Pick<HubView, 'scheme' | 'host' | 'port' | 'basePath'>): string {
  return `${hub.scheme}://${hub.host}:${hub.port}${hub.basePath}`;
}

export type CertificateTrust = 'trusted' | 'untrusted' | 'changed';

/**
 * Trust on first use: a certificate is trusted when it is the pinned one; with no pin yet it is
 * merely untrusted; with a pin and another certificate, it changed (a re-keyed hub, or someone in
 * the middle), which is the one case worth alarm.
 */
export function certificateTrust(
  hub: Pick<HubView, 'tlsFingerprint'>,
  certificate: Pick<HubCertificate, 'pinned'>,
): CertificateTrust {
  if (certificate.pinned) return 'trusted';
  return hub.tlsFingerprint ? 'changed' : 'untrusted';
}

export type CertificatePeriod = 'current' | 'expired' | 'not-yet-valid';

export function certificatePeriod(
  certificate: Pick<HubCertificate, 'validFrom' | 'validTo'>,
  now: number,
): CertificatePeriod {
  if (now < certificate.validFrom) return 'not-yet-valid';
  if (now > certificate.validTo) return 'expired';
  return 'current';
}
