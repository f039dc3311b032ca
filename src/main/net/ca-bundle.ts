import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { LicensingError } from '../licensing/licensing-error';

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

const unusable = (file: string, why: string): LicensingError =>
  new LicensingError('config', `caFile: ${file} ${why}`);

/** Reads and checks the bundle; a file that cannot serve as one is a `config` error naming it. */
export function readCaBundle(file: string): CaBundle {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CA_BYTES)
      throw unusable(file, 'is larger than 1 MB; it cannot be a CA bundle. Check the path.');
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof LicensingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unusable(
      file,
      code === 'ENOENT'
        ? 'does not exist. Put the PEM file of your CA there, or correct the path in the configuration.'
        : `cannot be read (${code ?? 'error'}). Check the file's permissions.`,
    );
  }
  const certificates = text.match(PEM_BLOCK) ?? [];
  if (certificates.length === 0)
    throw unusable(
      file,
      'holds no certificate. Give the CA certificates in PEM format (-----BEGIN CERTIFICATE-----).',
    );
  const summary = certificates.map((pem, index) => {
    try {
      const certificate = new X509Certificate(pem);
      return { subject: certificate.subject.replace(/\n/g, ', '), validTo: certificate.validTo };
    } catch {
      throw unusable(
        file,
        `has a damaged certificate (number ${index + 1}). Export the bundle again.`,
      );
    }
  });
  return { file, certificates, summary };
}

type WithDefaults = typeof tls & { getCACertificates?: (type: 'default') => string[] };

/**
 * Node's default trust (its bundled roots, plus NODE_EXTRA_CA_CERTS where Node can say so) and
 * the bundle's certificates: giving `ca` replaces Node's defaults, so they are listed again.
 */
export function trustedCertificates(bundle: CaBundle): readonly string[] {
  const defaults = (tls as WithDefaults).getCACertificates?.('default') ?? tls.rootCertificates;
  return [...defaults, ...bundle.certificates];
}
