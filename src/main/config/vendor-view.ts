import type { VendorView } from '../../shared/vendor-model';
import { accentPalette } from './accent-palette';
import type { VendorConfig } from './vendor-config';

/** The configuration's branding and switches as the renderer sees them (`app:info`). */
export function vendorViewOf(config: VendorConfig): VendorView {
  return {
    logo: config.logoDataUrl,
    accent: config.accentColor === undefined ? undefined : accentPalette(config.accentColor),
    support: config.supportContact,
    screens: config.screens,
    updates: config.updates ?? false,
    telemetry: config.telemetry ?? false,
  };
}

/**
 * The addresses the support contact may open outside the app (the system browser or mail
 * program): exactly the configured ones, never an address the page makes up.
 */
export function supportLinks(config: VendorConfig): string[] {
  const contact = config.supportContact;
  // In the form a browser hands over (`new URL().href`), so an exact comparison is enough.
  return [contact?.url, contact?.email && `mailto:${contact.email}`]
    .filter((link): link is string => link !== undefined)
    .map((link) => new URL(link).href);
}
