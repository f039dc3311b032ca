import { useLayoutEffect } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import type { AccentPalette, SupportContact, VendorView } from '../../../shared/vendor-model';
import { VENDOR_SCREEN_IDS } from '../../../shared/vendor-screens';
import { tCommon } from '../i18n/common.en';
import { tErrors } from '../i18n/errors.en';
import { useAppStore, type ScreenId } from '../store/app-store';
import './brand.css';

/**
 * The vendor's branding in the shell: the accent colours, the logo, the support contact, and the
 * screens the configuration shows. Main prepared every value; nothing here reads files or works
 * out contrast.
 */

/** Typed as ScreenId: an id a configuration may list that names no screen fails the typecheck. */
const VENDOR_SCREENS: ReadonlySet<ScreenId> = new Set<ScreenId>(VENDOR_SCREEN_IDS);

/** Shown unless the configuration lists screens and leaves this one out; others always show. */
export function isScreenShown(vendor: VendorView, id: ScreenId): boolean {
  return (
    vendor.screens === undefined ||
    !VENDOR_SCREENS.has(id) ||
    vendor.screens.some((shown) => shown === id)
  );
}

/**
 * The accent as custom properties on <html>, which tokens.css reads. Set through the CSSOM, which
 * the CSP's `style-src 'self'` allows (it refuses inline style attributes and <style> elements).
 */
const ACCENT_PROPERTIES: Readonly<Record<string, keyof AccentPalette>> = {
  '--accent': 'color',
  '--accent-fg': 'foreground',
  '--accent-hover': 'hover',
  '--brand-accent-text-light': 'textOnLight',
  '--brand-accent-text-dark': 'textOnDark',
};

/** Before the shell's first paint, so the default blue never flashes. */
export function useAccentColour(accent: AccentPalette | undefined): void {
  useLayoutEffect(() => {
    if (!accent) return;
    const style = document.documentElement.style;
    for (const [property, key] of Object.entries(ACCENT_PROPERTIES))
      style.setProperty(property, accent[key]);
    return () => {
      for (const property of Object.keys(ACCENT_PROPERTIES)) style.removeProperty(property);
    };
  }, [accent]);
}

/** The vendor's logo (a data: URL main read from the configuration's folder), or ours. */
export function BrandLogo({ logo }: { readonly logo: string | undefined }) {
  // Beside the product name, which says the same: decorative for screen readers.
  if (logo) return <img className="app-header__logo" src={logo} alt="" />;
  return (
    <svg
      className="app-header__logo app-header__logo--default"
      viewBox="0 0 24 24"
      aria-hidden="true"
    >
      <path d="M12 1.5 3 5v6.2c0 5.3 3.8 10.2 9 11.3 5.2-1.1 9-6 9-11.3V5l-9-3.5Zm-1.2 14.6-3.6-3.6 1.4-1.4 2.2 2.2 5-5 1.4 1.4-6.4 6.4Z" />
    </svg>
  );
}

/** "example.com/support" for a link's text: the scheme says nothing to a person. */
const shortUrl = (url: string): string => url.replace(/^https:\/\//, '').replace(/\/$/, '');

/**
 * The support contact's links. They open outside the app: a new tab in the browser host; in the
 * desktop app the shell hands exactly these configured addresses to the system browser or mail
 * program.
 */
function ContactLinks({ support }: { readonly support: SupportContact }) {
  return (
    <>
      {support.email && (
        <a href={`mailto:${support.email}`} target="_blank" rel="noreferrer">
          {support.email}
        </a>
      )}
      {support.email && support.url && ' · '}
      {support.url && (
        <a href={support.url} target="_blank" rel="noreferrer">
          {shortUrl(support.url)}
        </a>
      )}
    </>
  );
}

/** In the status bar: who to ask, always in view. */
export function StatusBarSupport({ support }: { readonly support: SupportContact | undefined }) {
  if (!support) return null;
  return (
    <span className="status-bar__item status-bar__support">
      <span className="status-bar__label">{tCommon().statusBar.support}</span>
      {support.name && <span>{support.name}</span>}
      <ContactLinks support={support} />
    </span>
  );
}

/**
 * Errors that only the vendor can put right (their configuration or servers), or that point at a
 * bug: there the support contact is the next step. Not for a wrong key or a network outage.
 */
const VENDOR_FIXES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'unauthorized',
  'config',
  'protocol',
  'tampered',
  'internal',
]);

/** "Contact Acme Support: support@acme.example" beside an error the vendor must fix. */
export function SupportHint({ code }: { readonly code: ErrorCode }) {
  const support = useAppStore((state) =>
    state.startup.status === 'ready' ? state.startup.info.vendor.support : undefined,
  );
  if (!support || !VENDOR_FIXES.has(code)) return null;
  return (
    <span className="callout__hint support-hint">
      {support.name ? tErrors().contactNamed(support.name) : tErrors().contactSupport}{' '}
      <ContactLinks support={support} />
    </span>
  );
}
