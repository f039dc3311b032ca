import type { HubCertificate } from '../../shared/hubs-model';
import { LicensingError } from '../licensing/licensing-error';
import type { HubClients } from './hub-clients';
import { hubLabel, type HubRecord } from './hub-records';
import type { HubStore } from './hub-store';
import { normaliseFingerprint, readHubCertificate } from './hub-tls';

/**
 * Trust on first use, as the engineer does it: read the certificate a hub presents now, compare
 * it with the one on the hub's own screen, pin it. Pinning re-reads the certificate and refuses
 * when the hub shows another one than the engineer compared.
 */

export interface HubTrustDeps {
  readonly store: HubStore;
  readonly clients: HubClients;
  readonly recordOf: (id: string) => HubRecord;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

export interface HubTrust {
  certificate(id: string): Promise<HubCertificate>;
  /** Pins the certificate; returns the updated record. */
  trust(id: string, fingerprint: string): Promise<HubRecord>;
}

export function createHubTrust(deps: HubTrustDeps): HubTrust {
  function httpsRecord(id: string): HubRecord {
    const record = deps.recordOf(id);
    if (record.scheme !== 'https') {
      throw new LicensingError(
        'invalid_input',
        `Hub ${hubLabel(record)} uses plain http on the LAN: it has no certificate to trust.`,
      );
    }
    return record;
  }

  const read = (record: HubRecord) =>
    readHubCertificate({
      // An IPv6 address is kept in brackets for URLs; a socket wants it bare.
      host: record.host.replace(/^\[(.*)\]$/, '$1'),
      port: record.port,
      timeoutMs: deps.timeoutMs,
      signal: deps.signal,
    });

  return {
    async certificate(id) {
      const record = httpsRecord(id);
      const info = await read(record);
      return { ...info, pinned: info.fingerprint === record.tlsFingerprint };
    },

    async trust(id, rawFingerprint) {
      const fingerprint = normaliseFingerprint(rawFingerprint);
      if (!fingerprint) {
        throw new LicensingError(
          'invalid_input',
          'A certificate fingerprint is 32 pairs of hexadecimal digits (SHA-256), e.g. 3A:F1:…',
        );
      }
      const record = httpsRecord(id);
      const presented = (await read(record)).fingerprint;
      if (presented !== fingerprint) {
        throw new LicensingError(
          'tampered',
          `Hub ${hubLabel(record)} now presents the certificate ${presented}, not the one you reviewed (${fingerprint}). Review the certificate again before trusting it.`,
        );
      }
      deps.store.mutate((document) => {
        const target = document.hubs.find((hub) => hub.id === id);
        if (!target) throw new LicensingError('invalid_input', 'This hub was removed meanwhile.');
        target.tlsFingerprint = fingerprint;
        // A certificate complaint is answered by trusting it; the next refresh tells the rest.
        const code = target.lastError?.code;
        if (code === 'tampered' || code === 'config') delete target.lastError;
      });
      deps.clients.forget(id);
      return deps.recordOf(id);
    },
  };
}
