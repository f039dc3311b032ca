import type { HubCertificate } from '../../shared/hubs-model';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError } from '../licensing/licensing-error';
import type { HubClients } from './hub-clients';
import { hubName, type HubRecord } from './hub-records';
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
        hubs.plainHttpNoCertificate({ hub: hubName(record) }),
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
        throw new LicensingError('invalid_input', hubs.fingerprintShape());
      }
      const record = httpsRecord(id);
      const presented = (await read(record)).fingerprint;
      if (presented !== fingerprint) {
        throw new LicensingError(
          'tampered',
          hubs.certificateNotReviewed({ hub: hubName(record), presented, reviewed: fingerprint }),
        );
      }
      deps.store.mutate((document) => {
        const target = document.hubs.find((hub) => hub.id === id);
        if (!target) throw new LicensingError('invalid_input', hubs.removedMeanwhile());
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
