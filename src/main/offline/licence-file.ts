import { createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { issuesAsTexts, textIssues } from '../../shared/issue-text';
import type { Text } from '../../shared/text';
import { offline, offlineEn } from '../../shared/texts/offline.en';
import { LicensingError } from '../licensing/licensing-error';
import {
  describeIssues,
  fromPayload,
  licencePayloadSchema,
  toPayload,
  type LicenceTerms,
  type VerifiedLicence,
} from './licence-terms';
import { ed25519PrivateKey, ed25519PublicKey, keyIdOf } from './vendor-keys';

export type { LicenceTerms, Licensee, VerifiedLicence } from './licence-terms';

/**
 * Our own licence file, for vendors without a licensing server (docs/licence-file-format.md):
 *
 *   {
 *     "format": "license-manager-licence",
 *     "version": 1,
 *     "keyId": "<first 16 hex of SHA-256 over the signing public key's SPKI DER>",
 *     "licence": "<the payload as JSON text, in a string>",
 *     "signature": "<base64 Ed25519 signature over the UTF-8 bytes of the licence string>"
 *   }
 *
 * The signature covers the embedded string, byte for byte, so neither side has to canonicalise
 * JSON. The payload (licence-terms.ts) names the product, the licensee, the features, the issue
 * and expiry instants, optional grace days and an optional machine fingerprint.
 */

export const LICENCE_FORMAT = 'license-manager-licence';
export const LICENCE_VERSION = 1;
/** Real files are a few KiB: anything this big is something else and is not parsed at all. */
export const MAX_LICENCE_FILE_BYTES = 64 * 1024;

export interface VerifyExpectations {
  /** The vendor's Ed25519 public key (SPKI PEM) from the configuration. */
  readonly publicKeyPem: string;
  /** The product this app is. */
  readonly productCode: string;
  /** This computer's fingerprint. */
  readonly fingerprint: string;
}

const { saying } = textIssues({ offline: offlineEn });

const envelopeSchema = z
  .object({
    format: z.literal(LICENCE_FORMAT),
    version: z.literal(LICENCE_VERSION),
    keyId: z.string().regex(/^[0-9a-f]{16}$/, saying(offline.keyIdShape())),
    licence: z.string().min(1),
    signature: z.string(),
  })
  .strict();
type Envelope = z.infer<typeof envelopeSchema>;

const invalidFile = (message: Text, cause?: unknown) =>
  new LicensingError('invalid_file', message, { cause });

/** Signs the terms, issued at `now`; returns the file's text. */
export function signLicence(privateKeyPem: string, terms: LicenceTerms, now: number): string {
  const key = ed25519PrivateKey(privateKeyPem);
  const parsed = licencePayloadSchema.safeParse(toPayload(terms, randomUUID(), now), issuesAsTexts);
  if (!parsed.success) {
    throw new LicensingError('invalid_input', offline.cannotSign(describeIssues(parsed.error)));
  }
  const licence = JSON.stringify(parsed.data);
  const envelope: Envelope = {
    format: LICENCE_FORMAT,
    version: LICENCE_VERSION,
    keyId: keyIdOf(createPublicKey(key)),
    licence,
    signature: sign(null, Buffer.from(licence, 'utf8'), key).toString('base64'),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * Checks a licence file against the vendor key, this product and this computer, cheapest and
 * most precise check first: size, JSON, format, version, key id, signature, payload, product,
 * machine. The configured key comes before all of them: when it is wrong, every file fails, and
 * saying so at once spares people trying file after file. Expiry is left to the caller's clock.
 */
export function verifyLicenceFile(text: string, expect: VerifyExpectations): VerifiedLicence {
  const trusted = ed25519PublicKey(expect.publicKeyPem);
  const envelope = readEnvelope(text);
  const trustedId = keyIdOf(trusted);
  if (envelope.keyId !== trustedId) {
    throw new LicensingError(
      'tampered',
      offline.otherVendorKey({ fileKey: envelope.keyId, trustedKey: trustedId }),
    );
  }
  if (!signatureHolds(envelope, trusted)) {
    throw new LicensingError('tampered', offline.alteredAfterSigning());
  }
  const payload = readPayload(envelope.licence);
  if (payload.product !== expect.productCode) {
    throw new LicensingError(
      'wrong_product',
      offline.wrongProduct({ product: payload.product, expected: expect.productCode }),
    );
  }
  const here = expect.fingerprint.toLowerCase();
  if (payload.fingerprint !== undefined && payload.fingerprint !== here) {
    throw new LicensingError('wrong_machine', offline.otherComputer({ fingerprint: here }));
  }
  return fromPayload(payload, envelope.keyId);
}

function readEnvelope(raw: string): Envelope {
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_LICENCE_FILE_BYTES) {
    throw invalidFile(offline.fileTooBig({ bytes, max: MAX_LICENCE_FILE_BYTES }));
  }
  // Notepad saves UTF-8 with a byte order mark.
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw invalidFile(offline.fileEmpty());
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw cutShort(text, cause)
      ? invalidFile(offline.fileCutShort(), cause)
      : invalidFile(offline.notALicenceFile({ why: whatItIs(text) }), cause);
  }
  if (!isRecord(parsed) || parsed.format !== LICENCE_FORMAT) {
    throw invalidFile(offline.otherJson({ format: LICENCE_FORMAT }));
  }
  if (parsed.version !== LICENCE_VERSION) {
    throw invalidFile(
      typeof parsed.version === 'number'
        ? offline.newerVersion({ version: parsed.version, supported: LICENCE_VERSION })
        : offline.versionMissing(),
    );
  }
  const envelope = envelopeSchema.safeParse(parsed, issuesAsTexts);
  if (!envelope.success) {
    throw invalidFile(offline.fileDamaged(describeIssues(envelope.error)));
  }
  return envelope.data;
}

/**
 * Truncation shows as a parse error at the very end of the text (V8 gives the position, or says
 * "end of JSON input", or an unterminated string, which can only run to the end).
 */
function cutShort(text: string, error: unknown): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input|Unterminated string/i.test(message)) return true;
  const position = /position (\d+)/.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}

/** Why a text that is not JSON is not ours, with the likely mix-up named. */
function whatItIs(text: string): Text {
  // Bytes that are not UTF-8 become U+FFFD on reading: an image, an archive, a program.
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return offline.binaryFile();
  }
  if (/^[A-Za-z0-9+/=_\-\s]{16,}$/.test(text)) {
    return offline.looksLikeLicenseSpring();
  }
  return offline.notJson();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Only canonical base64 of 64 bytes counts: Buffer.from ignores stray characters and the unused
 * bits of the last one, which would let an altered signature pass as the original.
 */
function signatureHolds(envelope: Envelope, key: KeyObject): boolean {
  const signature = Buffer.from(envelope.signature, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== envelope.signature) return false;
  const data = Buffer.from(envelope.licence, 'utf8');
  // A lone surrogate reads as U+FFFD: two different strings must never share signed bytes.
  if (data.toString('utf8') !== envelope.licence) return false;
  return verify(null, data, key, signature);
}

/** The signature held, so a bad payload is the vendor's mistake, not an attack. */
function readPayload(licence: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(licence);
  } catch (cause) {
    throw invalidFile(offline.contentsNotJson(), cause);
  }
  const payload = licencePayloadSchema.safeParse(raw, issuesAsTexts);
  if (!payload.success) {
    throw invalidFile(offline.contentsInvalid(describeIssues(payload.error)));
  }
  return payload.data;
}
