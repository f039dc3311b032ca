/** The custom scheme the app serves its renderer from (never file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://bundle';

/**
 * True only when `url` belongs to one of the allowed origins. Parses instead of comparing
 * prefixes, so `app://bundle.evil`, `app://bundle@evil` or `https://evil/app://bundle` fail.
 */
export function isTrustedUrl(
  url: string | undefined | null,
  allowedOrigins: readonly string[],
): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const origin =
    parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  return allowedOrigins.includes(origin);
}

/** Electron asks for camera, notifications, geolocation...: a license manager needs none of them. */
export const isPermissionAllowed = (_permission: string): boolean => false;
