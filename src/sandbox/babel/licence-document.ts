import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * The `licenseKey` bytes of a Babel reply: the signed licence document the vendor SDK verifies
 * with the product's public key. Clients treat it as opaque, so the sandbox only needs a
 * plausible, genuinely signed XML document; each sandbox instance signs with its own fresh
 * Ed25519 key (never a committed private key).
 */

export interface LicenceDocumentFields {
  readonly licenseId: string;
  readonly product: string;
  readonly licensee: string;
  readonly licensingMode: 0 | 1 | 2;
  readonly maxClientCount: number;
  readonly issuedAt: number;
  readonly expireAt: number | undefined;
  readonly supportExpireAt: number | undefined;
}

export type LicenceSigner = (fields: LicenceDocumentFields) => readonly number[];

const MODE_NAMES = ['File', 'Activation', 'Floating'] as const;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `  <${name}>${escapeXml(String(value))}</${name}>\n`;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function createLicenceSigner(): LicenceSigner {
  const { privateKey }: { privateKey: KeyObject } = generateKeyPairSync('ed25519');
  return (fields) => {
    const body =
      element('Product', fields.product) +
      element('Licensee', fields.licensee) +
      element('LicensingMode', MODE_NAMES[fields.licensingMode]) +
      element('MaxClientCount', fields.maxClientCount) +
      element('IssueDate', iso(fields.issuedAt)) +
      element('ExpireDate', iso(fields.expireAt)) +
      element('SupportExpireDate', iso(fields.supportExpireAt));
    const signed = `<License Id="${escapeXml(fields.licenseId)}">\n${body}`;
    // Ed25519 signs the message itself (no separate digest), here the document before <Signature>.
    const signature = sign(null, Buffer.from(signed, 'utf8'), privateKey).toString('base64');
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      `${signed}  <Signature Algorithm="Ed25519">${signature}</Signature>\n</License>\n`;
    return [...Buffer.from(xml, 'utf8')];
  };
}
