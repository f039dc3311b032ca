import { textsOf, type Message } from '../text';
import { problemsIn, type NumberedProblems } from './numbered-problems';

/**
 * Offline licences: vendor-signed licence files (checks, state, import), the record of the latest
 * time this computer has shown, vendor keys and QR codes.
 */

/** How many of a licence file's problems a refusal lists. */
export const MAX_FILE_ISSUES = 3;

/** A licence file's (or terms') problems as `field: problem; …`; an empty field is the whole. */
export const fileIssues = (p: NumberedProblems, whole: string): string =>
  problemsIn(p, MAX_FILE_ISSUES)
    .map(({ field, problem }) => `${field || whole}: ${problem}`)
    .join('; ');

export const offlineEn = {
  // The record of the latest time seen (time-anchor.ts).
  clockAgrees: (p: { latest: number }, f) =>
    `This computer's clock agrees with the latest time it has shown (${f.instant(p.latest)}).`,
  clockBehind: (p: { behind: string; latest: number }, f) =>
    `This computer's clock is ${p.behind} behind the latest time it has shown (${f.instant(p.latest)}). Offline licences are suspended until the clock is set right. If it already is, connect to the licensing server once.`,
  clockRecordAltered: () =>
    'The record of the latest time this computer has seen was altered. Offline licences are suspended: connect to the licensing server once, or re-import the licence file.',
  /** How far the clock is behind: the largest whole unit only. */
  behindDays: (p: { count: number }) => `${p.count} ${p.count === 1 ? 'day' : 'days'}`,
  behindHours: (p: { count: number }) => `${p.count} ${p.count === 1 ? 'hour' : 'hours'}`,
  behindMinutes: (p: { count: number }) => `${p.count} ${p.count === 1 ? 'minute' : 'minutes'}`,
  behindUnderAMinute: () => 'less than a minute',

  // A licence file's state (licence-file-service.ts).
  dateBeforeIssue: (p: { now: number; issuedAt: number }, f) =>
    `This computer's date (${f.day(p.now)}) is before this licence was issued (${f.day(p.issuedAt)}). Set the date and time correctly.`,
  neverExpires: () => 'This licence does not expire.',
  expired: (p: { expiresAt: number }, f) =>
    `This licence expired on ${f.day(p.expiresAt)}. Ask the vendor for a renewed licence file and import it here.`,
  inGrace: (p: { expiresAt: number; graceEnds: number }, f) =>
    `This licence expired on ${f.day(p.expiresAt)}; its grace period lets it work until ${f.day(p.graceEnds)}. Ask the vendor for a renewed licence file.`,
  expiring: (p: { expiresAt: number; daysLeft: number }, f) =>
    `This licence expires on ${f.day(p.expiresAt)}, in ${p.daysLeft} ${p.daysLeft === 1 ? 'day' : 'days'}. Ask the vendor for a renewed licence file in time.`,
  validUntil: (p: { expiresAt: number }, f) => `Valid until ${f.day(p.expiresAt)}.`,
  issuedAfterToday: (p: { issuedAt: number; now: number }, f) =>
    `This licence file was issued on ${f.day(p.issuedAt)}, after this computer's date (${f.day(p.now)}). Set the date and time correctly, then import it again.`,
  fileExpired: (p: { expiresAt: number }, f) =>
    `This licence file expired on ${f.day(p.expiresAt)}. Ask the vendor for a renewed one.`,
  nothingToRemove: () => 'No licence file is imported here, so there is nothing to remove.',

  // Reading and verifying a licence file (licence-file.ts).
  /** The envelope's key id, as the schema says it (licence-file.ts). */
  keyIdShape: () => 'must be 16 hex digits',
  /** The terms' fields, as the schema says them (licence-terms.ts). */
  termsInstant: () => 'must be a UTC instant written as 2026-12-31T23:59:59.999Z',
  termsPrintable: () => 'must be printable text without surrounding spaces',
  termsEmail: () => 'must be an e-mail address',
  termsProduct: () => 'use letters, digits, . _ - (3 to 100)',
  termsFeature: () => 'use letters, digits, . _ - (at most 64, starting with a letter or digit)',
  termsFeatureOnce: () => 'each feature code appears once',
  termsFingerprint: () => 'must be 64 lower-case hex digits',
  termsExpiresAfterIssue: () => 'must be after issuedAt',
  termsGraceNeedsExpiry: () => 'only a licence that expires has grace days',
  cannotSign: (p: NumberedProblems) =>
    `These licence terms cannot be signed: ${fileIssues(p, '(top level)')}.`,
  otherVendorKey: (p: { fileKey: string; trustedKey: string }) =>
    `This licence file was signed by a different vendor key (${p.fileKey}) than this app trusts (${p.trustedKey}). Ask the vendor for a licence signed with the key in this app's configuration.`,
  alteredAfterSigning: () =>
    'This licence file was altered after it was signed: its signature does not match its contents. Ask the vendor for a fresh copy, and do not edit the file.',
  wrongProduct: (p: { product: string; expected: string }) =>
    `This licence is for the product "${p.product}", not "${p.expected}" (this app). Ask the vendor for a licence for ${p.expected}.`,
  otherComputer: (p: { fingerprint: string }) =>
    `This licence was issued for another computer. Send the vendor this computer's fingerprint ${p.fingerprint} to get a licence for it.`,
  fileTooBig: (p: { bytes: number; max: number }) =>
    `This file has ${p.bytes} bytes; a licence file has at most ${p.max} (64 KiB), so it is not one. Choose the licence file the vendor sent.`,
  fileEmpty: () => 'The licence file is empty. Ask the vendor to send it again.',
  fileCutShort: () =>
    'The licence file is incomplete (cut short): it ends before its last line. Copy or download it again.',
  /** `why` is one of the three below. */
  notALicenceFile: (p: { why: string }) => `This is not a licence file: ${p.why}`,
  binaryFile: () =>
    'it is a binary file (an image or a program?), not the text file the vendor sent.',
  looksLikeLicenseSpring: () =>
    'it looks like a LicenseSpring licence (base64 text). Import it on the LicenseSpring profile instead.',
  notJson: () => 'it is not JSON text. Choose the licence file the vendor sent.',
  otherJson: (p: { format: string }) =>
    `This is not a licence file: it is JSON, but not a License Manager licence (it has no "format": "${p.format}").`,
  newerVersion: (p: { version: number; supported: number }) =>
    `This licence file has format version ${p.version}; this app reads version ${p.supported} only. Update the app.`,
  versionMissing: () =>
    'The licence file is damaged: its "version" is missing or not a number. Ask the vendor to send it again.',
  fileDamaged: (p: NumberedProblems) =>
    `The licence file is damaged (${fileIssues(p, '(top level)')}). Ask the vendor to send it again.`,
  contentsNotJson: () =>
    'The licence file is signed, but its contents are not JSON. Ask the vendor to issue it again.',
  contentsInvalid: (p: NumberedProblems) =>
    `The licence file is signed, but its contents are not valid (${fileIssues(p, '(top level)')}). Ask the vendor to issue it again.`,

  // Vendor keys (vendor-keys.ts): the public one from the configuration, the private one the CLI signs with.
  publicKeyIsPrivate: () =>
    'The licence public key in the vendor configuration is a PRIVATE key: anyone with this configuration can issue licences. Put public.pem there and make a new key pair.',
  publicKeyNotPem: () =>
    'The licence public key in the vendor configuration is not a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----).',
  publicKeyNotEd25519: (p: { type: string }) =>
    `The licence public key in the vendor configuration is an ${p.type} key; licence files are verified with an Ed25519 key. Make a key pair with \`license-manager vendor keygen\`.`,
  signingKeyIsPublic: () =>
    'The signing key is a public key; sign with the private key (private.pem).',
  signingKeyNotPem: () =>
    'The signing key is not an unencrypted PEM private key (-----BEGIN PRIVATE KEY-----). Make a key pair with `license-manager vendor keygen`.',
  signingKeyNotEd25519: (p: { type: string }) =>
    `The signing key is an ${p.type} key; licence files are signed with an Ed25519 key. Make a key pair with \`license-manager vendor keygen\`.`,
  unknownKeyType: () => 'unknown',

  // QR codes (qr-codes.ts).
  qrCapacity: (p: { min: number; max: number; given: number }) =>
    `A QR code holds between ${p.min} and ${p.max} characters here, not ${p.given}.`,
  nothingToEncode: () => 'There is nothing to encode.',
  tooManyQrCodes: (p: { count: number; max: number }) =>
    `This text would need ${p.count} QR codes, more than the ${p.max} a phone can reasonably carry. Use a file instead.`,
  noQrScanned: () => 'No QR code was scanned.',
  qrNotOneText: () =>
    'These QR codes are not parts of one text: scan the codes of one request only.',
  qrHeaderDamaged: () =>
    'A scanned QR code is not a part this program made: its header is damaged.',
  qrDifferentTexts: () =>
    'These QR codes belong to different texts: scan the codes of one request only.',
  qrPartTwice: (p: { index: number }) =>
    `Part ${p.index} was scanned twice with different contents: scan it again.`,
  /** `missing` lists the part numbers ("2, 5"); `count` says how many. */
  qrPartsMissing: (p: { missing: string; count: number; total: number }) =>
    `Not every code was scanned: ${p.missing} of ${p.total} ${p.count === 1 ? 'is' : 'are'} missing.`,
  qrDoNotAddUp: () =>
    'The scanned QR codes do not add up to the text they were made from: scan again.',
} satisfies Record<string, Message>;

export const offline = textsOf('offline', offlineEn);
