import { maskKey } from '../licensing/mask';

/**
 * Keeping secrets out of what the diagnostics show and export. The configuration is walked field
 * by field: credentials are masked the way the UI masks licence keys (at most 4 characters at each
 * end, never more than a quarter), public keys and images are summarised, URLs lose any user name,
 * password, query and fragment. Free text (log lines) has the configuration's own credentials
 * masked wherever they appear, then anything that looks like a credential assignment.
 */

/** Names of fields that hold credentials (and FLECS's device serial, which activates). */
const SECRET_FIELD =
  /(api[_-]?key|shared[_-]?key|client[_-]?secret|bearer[_-]?token|secret|password|passwd|token|licen[cs]e[_-]?key|^key|serial[_-]?number)$/i;

export const isSecretField = (name: string): boolean => SECRET_FIELD.test(name);

/** An http(s) URL without credentials, query or fragment; other text unchanged. */
export function safeUrl(text: string): string {
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return text;
  const url = new URL(text);
  return url.pathname === '/' ? url.origin : `${url.origin}${url.pathname}`;
}

function redactString(key: string, value: string): string {
  if (key === 'publicKey') return `[PEM public key, ${value.length} characters]`;
  if (key === 'logoDataUrl') return `[image, ${value.length} characters]`;
  if (isSecretField(key)) return maskKey(value);
  return safeUrl(value);
}

/** A deep copy of a configuration (or any JSON value) that is safe to show and to export. */
export function redactConfig(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return redactString(key, value);
  if (Array.isArray(value)) return value.map((item) => redactConfig(item, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, redactConfig(item, name)]),
    );
  return value;
}

/** The credentials a configuration holds, to mask wherever they turn up in free text. */
export function secretsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return isSecretField(key) && value.length >= 4 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretsOf(item, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([name, item]) => secretsOf(item, name));
  return [];
}

const ASSIGNED_CREDENTIAL =
  /((?:api[_-]?key|shared[_-]?key|client[_-]?secret|secret|password|passwd|token|licen[cs]e[_-]?key|\bkey)["']?\s*[:=]\s*["']?)([^\s"',;&}]{4,})/gi;
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
const URL_CREDENTIALS = /\/\/[^/@\s:]+:[^/@\s]+@/g;

/** Free text with known secrets masked and credential-like assignments removed. */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    const masked = maskKey(secret);
    redacted = redacted
      .replaceAll(secret, masked)
      .replaceAll(encodeURIComponent(secret), masked)
      .replaceAll(JSON.stringify(secret).slice(1, -1), masked);
  }
  return redacted
    .replace(AUTH_HEADER, '$1 [redacted]')
    .replace(ASSIGNED_CREDENTIAL, '$1[redacted]')
    .replace(URL_CREDENTIALS, '//***@');
}
