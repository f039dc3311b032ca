import tls from 'node:tls';

type WithSystemStore = typeof tls & { getCACertificates?: (type: 'system') => string[] };

/**
 * The CA certificates this computer's own store trusts (Windows' certificate store, the Linux
 * system bundle), as Chromium trusts them: a company root CA deployed to every PC, or a
 * TLS-inspecting proxy's, then needs no caFile in the Electron app. Node reads the store from
 * 22.15 (Electron 45's Node has it); undefined where it cannot, or must not.
 */
export function systemCertificates(
  platform: NodeJS.Platform = process.platform,
): readonly string[] | undefined {
  // Node reads the macOS keychain evaluating each certificate with revocation checks, which
  // takes 5 to 45 s on company-managed Macs (nodejs/node#63313), and this runs at start: there
  // a company CA goes in caFile.
  if (platform === 'darwin') return undefined;
  try {
    return (tls as WithSystemStore).getCACertificates?.('system');
  } catch {
    // A store that cannot be read leaves the usual roots and the CA bundle.
    return undefined;
  }
}
