import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { networkError, timeoutError } from '../http/network-errors';
import type { Text } from '../../shared/text';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError } from '../licensing/licensing-error';

/**
 * Trust on first use for hubs with a self-signed certificate. The engineer reads the certificate
 * a hub presents (`readHubCertificate`), compares it with the one on the hub's own screen, and
 * pins its SHA-256 fingerprint. From then on the hub's connections use `PinnedAgent`: a
 * certificate is accepted if and only if its fingerprint equals the pin. The check runs on
 * `secureConnect`, before the request (bearer token, password) is written to the socket; a
 * different certificate destroys the socket, and the caller reports it as a changed certificate.
 */

export interface HubCertificateInfo {
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ":". */
  readonly fingerprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: number;
  readonly validTo: number;
  readonly selfSigned: boolean;
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** Accepts either case and missing colons; undefined when it is not a SHA-256 fingerprint. */
export function normaliseFingerprint(raw: string): string | undefined {
  const hex = raw.trim().replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined;
  const pairs = hex.match(/../g)?.join(':') ?? '';
  return FINGERPRINT.test(pairs) ? pairs : undefined;
}

/** "CN=hub-a, O=Acme": one line, as people read certificate names. */
const oneLine = (name: string): string => name.split('\n').join(', ');

export function describeCertificate(der: Buffer): HubCertificateInfo {
  const certificate = new X509Certificate(der);
  return {
    fingerprint: certificate.fingerprint256,
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: Date.parse(certificate.validFrom),
    validTo: Date.parse(certificate.validTo),
    // Signed by its own key under its own name (checkIssued would also demand the CA key usage,
    // which a hub's leaf certificate rightly lacks).
    selfSigned:
      certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
  };
}

export interface ReadCertificateOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** Connects without verifying, only to read the certificate; sends nothing but the handshake. */
export function readHubCertificate(options: ReadCertificateOptions): Promise<HubCertificateInfo> {
  const { host, port } = options;
  const where = `${host}:${port}`;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new LicensingError('timeout', hubs.certificateReadCancelled({ where })));
      return;
    }
    const socket = tls.connect({
      host,
      port,
      // SNI takes names only; an IP address would make Node warn and the hub ignore it.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: options.timeoutMs,
    });
    const onAbort = (): void =>
      finish(() => reject(new LicensingError('timeout', hubs.certificateReadCancelled({ where }))));
    const finish = (outcome: () => void): void => {
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      outcome();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      finish(() =>
        raw
          ? resolve(describeCertificate(raw))
          : reject(new LicensingError('protocol', hubs.noCertificate({ where }))),
      );
    });
    socket.once('timeout', () => finish(() => reject(timeoutError(where, options.timeoutMs))));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(() => reject(certificateReadFailure(where, error))),
    );
  });
}

function certificateReadFailure(where: string, error: NodeJS.ErrnoException): LicensingError {
  const code = error.code ?? '';
  // A plain-http server on that port answers the TLS hello with text: "wrong version number".
  if (
    code === 'EPROTO' ||
    /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG/.test(code + error.message)
  ) {
    return new LicensingError('config', hubs.notHttps({ where }));
  }
  return networkError(where, { code, message: error.message });
}

/** A hub's https agent: accepts exactly the pinned certificate, nothing else, whatever the CA. */
export class PinnedAgent extends https.Agent {
  constructor(
    readonly fingerprint: string,
    /** Told the fingerprint a refused connection presented, for the error message. */
    private readonly onMismatch: (presented: string) => void,
  ) {
    // No TLS session reuse: every connection shows its certificate. Idle sockets close after
    // 5 s so a 1,000-hub fleet does not keep 1,000 connections open between refreshes.
    super({ keepAlive: true, timeout: 5_000, maxCachedSessions: 0, rejectUnauthorized: false });
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, callback) as tls.TLSSocket;
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '(none)';
      if (presented === this.fingerprint) return;
      this.onMismatch(presented);
      const error: NodeJS.ErrnoException = new Error('the hub presented another certificate');
      error.code = 'ERR_HUB_CERTIFICATE_CHANGED';
      socket.destroy(error);
    });
    return socket;
  }
}

export const certificateChanged = (hub: Text, pinned: string, presented: string): LicensingError =>
  new LicensingError('tampered', hubs.certificateChanged({ hub, pinned, presented }));

export const untrustedCertificate = (hub: Text): LicensingError =>
  new LicensingError('config', hubs.untrustedCertificate({ hub }));

/** The http client's way of saying the system CA check failed (see network-errors.ts). */
export const isCertificateFailure = (error: LicensingError): boolean => {
  const cause: unknown = error.cause;
  return (
    error.code === 'config' &&
    cause instanceof Error &&
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(cause.message)
  );
};
