import tls from 'node:tls';

type WithSystemStore = typeof tls & { getCACertificates?: (type: 'system') => string[] };

/** This computer's certificate store: its CAs, or why they are not used. */
export type SystemStore =
  { readonly certificates: readonly string[] } | { readonly unused: 'macos' | 'unreadable' };

/**
 * The CA certificates this computer's own store trusts (Windows' certificate store, the Linux
 * system bundle OpenSSL reads), much as Chromium trusts them: a company root CA deployed to every
 * PC, or a TLS-inspecting proxy's, then needs no caFile in the Electron app. Node reads the store
 * from 22.15 (Electron 45's Node has it).
 */
export function systemCertificates(platform: NodeJS.Platform = process.platform): SystemStore {
  // Node reads the macOS keychain evaluating each certificate with revocation checks, which
  // takes 5 to 10 s on company-managed Macs (nodejs/node#63313; other reports say 45 s), and
  // this runs at start: there a company CA goes in caFile.
  if (platform === 'darwin') return { unused: 'macos' };
  try {
    const certificates = (tls as WithSystemStore).getCACertificates?.('system');
    return certificates ? { certificates } : { unused: 'unreadable' };
  } catch {
    // A store that cannot be read leaves the usual roots and the CA bundle.
    return { unused: 'unreadable' };
  }
}
