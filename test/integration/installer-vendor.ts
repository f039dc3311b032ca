import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A vendor's product as the installer tests package it: its own name, id, keys and logo. */
export const VENDOR_PRODUCT = {
  productName: 'Acme Licence Centre',
  productId: 'com.acme.licensing',
};

export interface VendorFolder {
  readonly configFile: string;
  /** The PEM public keys the configuration carries (licence files, LicenseSpring). */
  readonly publicKeys: readonly string[];
  readonly logo: string;
}

const spkiPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

/** Generated once: an RSA key takes up to a second, and any key does for packaging. */
const licenceFileKey = spkiPem(generateKeyPairSync('ed25519').publicKey);
const licenseSpringKey = spkiPem(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey);

/** Writes a valid vendor configuration with a licence-file and a LicenseSpring profile. */
export function writeVendorFolder(dir: string): VendorFolder {
  const logo = 'branding/logo.svg';
  mkdirSync(join(dir, 'branding'));
  writeFileSync(
    join(dir, logo),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
  );
  const config = {
    ...VENDOR_PRODUCT,
    logo,
    supportContact: {
      name: 'Acme Support',
      email: 'support@acme.example',
      url: 'https://acme.example/support',
    },
    profiles: [
      {
        id: 'files',
        kind: 'licence-file',
        label: 'Licence file',
        productCode: 'acme-cad',
        publicKey: licenceFileKey,
      },
      {
        id: 'cloud',
        kind: 'licensespring',
        label: 'Acme Cloud',
        baseUrl: 'https://api.licensespring.com',
        productCode: 'acme-cad',
        auth: { kind: 'hmac', apiKey: 'api-key', sharedKey: 'shared-key' },
        publicKey: licenseSpringKey,
      },
    ],
  };
  const configFile = join(dir, 'vendor-config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { configFile, publicKeys: [licenceFileKey, licenseSpringKey], logo };
}
