import tls from 'node:tls';

type WithSystemStore = typeof tls & { getCACertificates?: (type: 'system') => string[] };

/**
 * The CA certificates this computer's own store trusts (Windows' certificate store, the macOS
 * keychain, /etc/ssl on Linux), as Chromium trusts them: a company's root CA deployed to every
 * PC, or a TLS-inspecting proxy's, then needs no caFile in the Electron app. Node reads the store
 * from 22.15 (Electron 45's Node has it); undefined where it cannot.
 */
export function systemCertificates(): readonly string[] | undefined {
  try {
    return (tls as WithSystemStore).getCACertificates?.('system');
  } catch {
    // A store that cannot be read leaves the usual roots and the CA bundle.
    return undefined;
  }
}
