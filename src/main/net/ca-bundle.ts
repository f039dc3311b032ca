import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import type { Text } from '../../shared/text';
import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';

/**
 * A custom CA bundle (`caFile` in the configuration): the PEM certificates of a company CA that
 * signs an on-premises licensing server, or of a TLS-inspecting proxy. They are trusted in
 * addition to the usual roots, never instead of them, so public servers keep working.
 */

/** A CA bundle is a few certificates; anything this big is the wrong file. */
const MAX_CA_BYTES = 1024 * 1024;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface CaBundle {
  readonly file: string;
  /** Each certificate of the bundle, PEM. */
  readonly certificates: readonly string[];
  /** Who each certificate is and until when it is valid, for the diagnostics screen. */
  readonly summary: readonly { readonly subject: string; readonly validTo: string }[];
}

const unusable = (text: Text): LicensingError => new LicensingError('config', text);

/** Reads and checks the bundle; a file that cannot serve as one is a `config` error naming it. */
export function readCaBundle(file: string): CaBundle {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CA_BYTES) throw unusable(net.caTooLarge({ file }));
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof LicensingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unusable(
      code === 'ENOENT'
        ? net.caMissing({ file })
        : net.caUnreadable({ file, code: code ?? 'error' }),
    );
  }
  const certificates = text.match(PEM_BLOCK) ?? [];
  if (certificates.length === 0) throw unusable(net.caNoCertificate({ file }));
  const summary = certificates.map((pem, index) => {
    try {
      const certificate = new X509Certificate(pem);
      return { subject: certificate.subject.replace(/\n/g, ', '), validTo: certificate.validTo };
    } catch {
      throw unusable(net.caDamaged({ file, number: index + 1 }));
    }
  });
  return { file, certificates, summary };
}

/**
 * CAs to trust (undefined: Node's defaults), or their promise while this computer's store is read
 * (network-settings.ts): clients wait for it with their first request.
 */
export type TrustedCas = readonly string[] | Promise<readonly string[] | undefined> | undefined;

const contexts = new WeakMap<readonly string[], tls.SecureContext>();

/**
 * TLS options that trust `ca` (absent: Node's defaults), as one secure context per list, made
 * once: given as `ca`, the list would be parsed again for every new connection (tens of ms for a
 * few hundred certificates, on the main thread, for each of a thousand hubs; `npm run bench --
 * tls`).
 */
export function trusting(ca: readonly string[] | undefined): { secureContext?: tls.SecureContext } {
  if (!ca) return {};
  let context = contexts.get(ca);
  if (!context) {
    context = tls.createSecureContext({ ca: [...ca] });
    contexts.set(ca, context);
  }
  return { secureContext: context };
}

type WithDefaults = typeof tls & { getCACertificates?: (type: 'default') => string[] };

/**
 * Node's default trust (its bundled roots, plus NODE_EXTRA_CA_CERTS and, with --use-system-ca,
 * the system's store, where Node can say so) and `extra` (a CA bundle's certificates, this
 * computer's store): giving `ca` replaces Node's defaults, so they are listed again.
 */
export function trustedCertificates(extra: readonly string[]): readonly string[] {
  const defaults = (tls as WithDefaults).getCACertificates?.('default') ?? tls.rootCertificates;
  // Each certificate once: every one is parsed into the TLS context, and the lists repeat a lot.
  // Debian's store lists a CA once per file that holds it (the bundle, its own file, its hash
  // link: 576 entries for 144 CAs), which Node's roots mostly hold already.
  return [...new Set([...defaults, ...extra].map((pem) => pem.trim()))];
}
