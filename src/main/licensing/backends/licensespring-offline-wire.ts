import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { LicensingError } from '../licensing-error';

/**
 * The files of LicenseSpring's offline activation (contract §5.6), as text: the request file this
 * computer writes (base64 of `{request, signature}`) and the licence file the offline portal
 * gives back (base64 JSON of the licence object, optionally wrapped as `{request: …}`). Decoding
 * turns every way a file can be unusable into an `invalid_file` error that says what to do;
 * licensespring-offline.ts then checks its signatures and that it belongs here.
 */

/** Licence files are a few KiB; anything bigger is another file, so it is not even decoded. */
export const MAX_OFFLINE_FILE_BYTES = 1024 * 1024;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `ddd MMM D YYYY HH:mm:ss [GMT]ZZ` in UTC, e.g. `Tue Jun 7 2011 20:51:35 GMT+0000`: the SDK's
 * format for the request date. UTC so the text never depends on this computer's time zone.
 */
export function offlineDate(epochMs: number): string {
  const d = new Date(epochMs);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()} ${time} GMT+0000`;
}

export function hmacBase64(secret: string, text: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('base64');
}

/** Constant-time comparison of two base64 signatures, so a forger learns nothing from timing. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What `offline_signature` covers: the licence file's date, identity, device and our API key. */
export const offlineSigningString = (
  date: string,
  id: string,
  hardwareId: string,
  apiKeyOrClientId: string,
): string => ['licenseSpring', `date: ${date}`, id, hardwareId, apiKeyOrClientId].join('\n');

/** The licence file's fields beyond the licence object (licensespring-wire.ts reads that). */
export const offlineFields = z.object({
  license_key: z.string().min(1).nullish(),
  /** User licences: the username the request named (the sandbox echoes it), else user.email. */
  username: z.string().min(1).nullish(),
  user: z.object({ email: z.string().min(1) }).nullish(),
  hardware_id: z.string().min(1),
  product: z.string().min(1).nullish(),
  product_details: z.object({ short_code: z.string().min(1).nullish() }).nullish(),
  // Absent or not text: the offline signature cannot verify, which is reported as tampering.
  date: z.unknown(),
});
export type OfflineFields = z.output<typeof offlineFields>;

const invalidFile = (message: Text): LicensingError => new LicensingError('invalid_file', message);

const NOT_A_LICENCE = ls.notALicenceFile();
const CUT_SHORT = ls.fileCutShort();
const IS_REQUEST = ls.isRequestFile();

/** MiB to one decimal (rounded as toFixed rounds), or whole KiB rounded up. */
const size = (bytes: number): Text =>
  bytes >= 1024 * 1024
    ? ls.sizeMiB({ mib: Number((bytes / (1024 * 1024)).toFixed(1)) })
    : ls.sizeKiB({ kib: Math.ceil(bytes / 1024) });

/**
 * True when `text` is the beginning of a JSON object whose end is missing: a bracket or string
 * still open when the text stops. JSON.parse only says "invalid"; this tells a truncated licence
 * file (download again) from a file that never was one.
 */
function isCutShortJson(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
  }
  return inString || depth > 0;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request file in either form (§5.6): v2 `{request: {…schema_version}, signature}` or flat. */
function isRequestFile(value: Record<string, unknown>): boolean {
  if (typeof value.signature !== 'string') return false;
  if (isObject(value.request)) return 'schema_version' in value.request;
  // The flat form signs identity fields only: no licence object beside its signature.
  return !['license_type', 'license_signature', 'offline_signature'].some(
    (field) => field in value,
  );
}

/**
 * The licence object of a licence file's text. Refuses, as `invalid_file`: a file over 1 MiB
 * (before decoding anything), text that is not base64 JSON, a file cut short, and a request file.
 */
export function decodeLicenceFile(fileText: string): Record<string, unknown> {
  const bytes = Buffer.byteLength(fileText, 'utf8');
  if (bytes > MAX_OFFLINE_FILE_BYTES) {
    throw invalidFile(ls.fileTooLarge({ size: size(bytes), max: size(MAX_OFFLINE_FILE_BYTES) }));
  }
  // Mail clients and editors wrap long lines; a byte-order mark comes from some editors.
  const base64 = fileText.replace(/^\uFEFF/, '').replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw invalidFile(NOT_A_LICENCE);
  // No base64 text is 1 character past a multiple of 4: the end of the file is missing.
  if (base64.length % 4 === 1) throw invalidFile(CUT_SHORT);
  const json = Buffer.from(base64, 'base64').toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalidFile(isCutShortJson(json) ? CUT_SHORT : NOT_A_LICENCE);
  }
  if (!isObject(value)) throw invalidFile(NOT_A_LICENCE);
  if (isRequestFile(value)) throw invalidFile(IS_REQUEST);
  // The portal may wrap the licence as {request: licence}.
  const inner = value.request;
  return isObject(inner) && !('id' in value) ? inner : value;
}

/** A decoded licence file whose licence fields are missing or of the wrong type. */
export const notALicenceFile = (): LicensingError => invalidFile(NOT_A_LICENCE);
