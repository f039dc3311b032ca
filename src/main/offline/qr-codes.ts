import { createHash } from 'node:crypto';
import { create, type BitMatrix } from 'qrcode';
import {
  MAX_QR_CODES as MAX_CODES,
  MAX_QR_CONTENT as MAX_CHARS_LIMIT,
  qrCodeSchema,
  type QrCode,
} from '../../shared/offline-model';
import type { Text } from '../../shared/text';
import { offline } from '../../shared/texts/offline.en';
import { LicensingError } from '../licensing/licensing-error';

/**
 * Offline activation requests and answers travel between an air-gapped computer and a phone as QR
 * codes. Text that fits one code goes as is, so any phone's ordinary scanner shows the plain
 * request. Longer text is split into parts that each carry a header,
 * `LMQR:<index>/<total>:<id>:<chunk>` (index from 1, id = first 8 hex of the sha256 of the whole
 * text), so a reader can put them back in any order, knows when it has all of them, and cannot
 * mix parts of two different texts.
 */

const PREFIX = 'LMQR:';
const HEADER = /^LMQR:([1-9]\d?)\/([1-9]\d?):([0-9a-f]{8}):/;
/** Header length at the largest index and total: every chunk leaves room for it. */
const HEADER_CHARS = `${PREFIX}99/99:00000000:`.length;
/** Dense codes scan badly on phone cameras; ~700 bytes is version 21 at level M. */
const DEFAULT_MAX_CHARS = 700;
const MIN_CHARS_LIMIT = HEADER_CHARS + 20;

export { qrCodeSchema, type QrCode };

const refuse = (message: Text): LicensingError => new LicensingError('invalid_input', message);

const shortId = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);

/**
 * Splits at code point boundaries into chunks of at most `maxBytes` UTF-8 bytes: a code's
 * capacity is in bytes, and a split surrogate pair would not survive the trip.
 */
function chunksOf(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
}

/** One `M x y h{run}v1h-{run}z` per horizontal run of dark modules keeps the path small. */
function pathOf(modules: BitMatrix): string {
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size;) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < modules.size && modules.get(y, x + run)) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return path;
}

function codeOf(content: string, index: number, total: number): QrCode {
  const { modules } = create(content, { errorCorrectionLevel: 'M' });
  return { index, total, content, size: modules.size, path: pathOf(modules) };
}

/**
 * The codes that carry `text`, in order. `path` draws the dark modules in a `size`×`size` viewBox;
 * the view around it must add the quiet zone (4 light modules on each side) that scanners need.
 */
export function qrCodesFor(text: string, options: { maxCharsPerCode?: number } = {}): QrCode[] {
  const { maxCharsPerCode = DEFAULT_MAX_CHARS } = options;
  if (
    !Number.isInteger(maxCharsPerCode) ||
    maxCharsPerCode < MIN_CHARS_LIMIT ||
    maxCharsPerCode > MAX_CHARS_LIMIT
  ) {
    throw new LicensingError(
      'invalid_input',
      offline.qrCapacity({ min: MIN_CHARS_LIMIT, max: MAX_CHARS_LIMIT, given: maxCharsPerCode }),
    );
  }
  if (text.length === 0) throw refuse(offline.nothingToEncode());
  // Text that starts like a header always gets one, or a reader would take it for a part.
  if (Buffer.byteLength(text, 'utf8') <= maxCharsPerCode && !text.startsWith(PREFIX)) {
    return [codeOf(text, 1, 1)];
  }
  const chunks = chunksOf(text, maxCharsPerCode - HEADER_CHARS);
  if (chunks.length > MAX_CODES) {
    throw refuse(offline.tooManyQrCodes({ count: chunks.length, max: MAX_CODES }));
  }
  const id = shortId(text);
  return chunks.map((chunk, i) =>
    codeOf(`${PREFIX}${i + 1}/${chunks.length}:${id}:${chunk}`, i + 1, chunks.length),
  );
}

/** Puts scanned contents back together, in any order; repeated scans of one code are fine. */
export function joinQrContents(contents: string[]): string {
  const distinct = [...new Set(contents)];
  const headed = distinct.filter((content) => content.startsWith(PREFIX));
  if (distinct.length === 0) throw refuse(offline.noQrScanned());
  if (headed.length === 0 && distinct.length === 1) return distinct[0]!;
  if (headed.length !== distinct.length) {
    throw refuse(offline.qrNotOneText());
  }

  const parts = new Map<number, string>();
  let id: string | undefined;
  let total: number | undefined;
  for (const content of headed) {
    const match = HEADER.exec(content);
    const [index, count] = [Number(match?.[1]), Number(match?.[2])];
    if (!match || index > count) {
      throw refuse(offline.qrHeaderDamaged());
    }
    // The first part sets the id and the total; every other part must agree.
    if ((id ?? match[3]) !== match[3] || (total ?? count) !== count) {
      throw refuse(offline.qrDifferentTexts());
    }
    id = match[3];
    total = count;
    if (parts.has(index)) {
      throw refuse(offline.qrPartTwice({ index }));
    }
    parts.set(index, content.slice(match[0].length));
  }

  const missing = Array.from({ length: total! }, (_, i) => i + 1).filter((i) => !parts.has(i));
  if (missing.length > 0) {
    throw refuse(
      offline.qrPartsMissing({ missing: missing.join(', '), count: missing.length, total: total! }),
    );
  }
  const joined = Array.from({ length: total! }, (_, i) => parts.get(i + 1)).join('');
  // The id is a hash of the whole text: a part changed or cut short on the way is caught here.
  if (shortId(joined) !== id) {
    throw refuse(offline.qrDoNotAddUp());
  }
  return joined;
}
