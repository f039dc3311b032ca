import { DEEP_LINK_SCHEME } from '../desktop/deep-link';
import { config as says } from '../../shared/texts/config.en';
import { LicensingError } from '../licensing/licensing-error';
import { notValid } from './config-issues';
import type { VendorConfig } from './vendor-config';

/**
 * How the operating system knows the installed product: its application id, its name, the name
 * of its Linux executable and the URL scheme of its deep links. Derived from the vendor
 * configuration in one place so the installers (build/electron-builder.config.ts) and the running
 * app (Windows notifications need the same AppUserModelID as the installer's shortcut; deep links
 * need the registered scheme) can never disagree.
 */
export interface ProductIdentity {
  /** Reverse-DNS id: macOS CFBundleIdentifier, Windows AppUserModelID and the NSIS upgrade GUID. */
  readonly appId: string;
  readonly productName: string;
  /** Linux binary, .desktop file and deb package name: lower case, no spaces. */
  readonly executableName: string;
  /** `licensemgr://activate?key=...` opens the activation form. */
  readonly deepLinkScheme: string;
}

/** A productId without a dot is not reverse-DNS; it is placed under this prefix. */
export const APP_ID_PREFIX = 'com.license-manager.';

/**
 * Apple's bundle identifiers allow letters, digits, "-" and "." only, so the "_" the productId may
 * contain becomes "-". A productId that already reads as reverse-DNS (has a dot) is the vendor's
 * own id and is kept, so "com.acme.licensing" stays exactly that.
 */
function appIdOf(productId: string): string {
  const id = productId.replace(/_/g, '-');
  return id.includes('.') ? id : `${APP_ID_PREFIX}${id}`;
}

/**
 * "Acme Licence Centre" becomes "acme-licence-centre". A name with no Latin letters or digits
 * ("ライセンス") would leave nothing, so the productId (already ASCII) is used instead.
 */
function executableNameOf(productName: string, productId: string): string {
  const slug = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const fromName = slug(productName);
  return fromName.length >= 2 ? fromName : slug(productId);
}

/** Dot-separated parts, none empty: what macOS and Windows accept as an application id. */
const REVERSE_DNS = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * The schema accepts productIds such as "a..b" or "---" that cannot name an installed app; they
 * are refused here, in the loader's "file: field: fix" form, before an installer is built.
 */
export function productIdentity(
  config: Pick<VendorConfig, 'productId' | 'productName'>,
  /** The file it came from, named in the error. */
  source: string,
): ProductIdentity {
  const appId = appIdOf(config.productId);
  const executableName = executableNameOf(config.productName, config.productId);
  if (!REVERSE_DNS.test(appId) || executableName === '') {
    const problem = says.productIdNotAppId({ productId: config.productId });
    throw new LicensingError('config', notValid(source, [{ path: ['productId'], problem }]));
  }
  return {
    appId,
    productName: config.productName,
    executableName,
    deepLinkScheme: DEEP_LINK_SCHEME,
  };
}
