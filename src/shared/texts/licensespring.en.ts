import { textsOf, type Formats } from '../text';
import { licensespringRefusalsEn } from './licensespring-refusals.en';

/**
 * The forms the CLI has always written where they differ from the English formats. A value that
 * is no number (the catalogue test's placeholder) is shown as it is.
 */
const iso = (ms: number): string =>
  typeof ms === 'number' ? new Date(ms).toISOString() : String(ms);
const oneDecimal = (value: number): string =>
  typeof value === 'number' ? value.toFixed(1) : String(value);

const SET_CLOCK =
  "Set this computer's date, time and time zone correctly (ideally automatically from the internet), then try again.";

const licensespringOwnEn = {
  // Replies that are no answer (licensespring-api.ts, -client.ts, licensespring.ts).
  webPage: (p: { host: string }) =>
    `The server at ${p.host} sent a web page instead of licensing data: a captive portal, proxy or wrong address may be in the way. Check the server address and the network.`,
  noData: (p: { host: string }) =>
    `The licensing server at ${p.host} sent a reply this app does not understand (no data). Try again; if it persists, check the server address.`,
  notConfirmed: (p: { host: string }) =>
    `The licensing server at ${p.host} answered something unexpected instead of confirming. Try again; if it persists, check the server address.`,
  trialWithoutKey: (p: { host: string }) =>
    `The licensing server at ${p.host} started a trial but named no licence key or user. Try again; if it persists, contact the vendor.`,
  oauthRefused: (p: { host: string }) =>
    `The LicenseSpring sign-in service at ${p.host} refused this application's OAuth client id or secret. The vendor configuration may be out of date.`,

  // This computer's clock against the server's (licensespring-clock.ts, the local check).
  /** How far off, rounded to the nearest (the Date header has whole seconds). */
  offsetMinutes: (p: { count: number }) => (p.count === 1 ? '1 minute' : `${p.count} minutes`),
  offsetHours: (p: { count: number }) => `${p.count} hours`,
  offsetDays: (p: { count: number }) => `${p.count} days`,
  clockBehind: (p: { amount: string }) =>
    `LicenseSpring refused the request because this computer's clock is ${p.amount} behind the server's time (requests may be at most 15 minutes off). ${SET_CLOCK}`,
  clockAhead: (p: { amount: string }) =>
    `LicenseSpring refused the request because this computer's clock is ${p.amount} ahead of the server's time (requests may be at most 15 minutes off). ${SET_CLOCK}`,
  clockSuspect: () =>
    "LicenseSpring refused the request's signature and named its time stamp. Check that this computer's date, time and time zone are right (ideally set automatically), then try again; if they are right, the shared key in the vendor configuration is probably wrong.",

  // Answers that fail our check of LicenseSpring's signatures (licensespring-verify.ts).
  unverified: (p: { why: string }) =>
    `The licensing server's answer was refused because it could not be verified as coming from LicenseSpring (${p.why}). Nothing from it was used. Something on the network may be altering traffic: try again, on another network if it persists, or contact the vendor.`,
  itsSignature: () => 'its signature',
  licenceSignature: () => 'the licence signature',
  itsV2Signature: () => 'its v2 signature',
  signatureMissing: (p: { what: string }) => `${p.what} is missing`,
  signatureDamaged: (p: { what: string }) => `${p.what} is damaged`,
  signatureWrong: (p: { what: string }) => `${p.what} does not match`,
  validityUnreadable: () => 'its licence validity date cannot be read',
  licenceSignatureWrong: () => 'the licence signature does not match this computer and licence',

  // The vendor's keys in the configuration (licensespring-signing.ts, -verify.ts).
  apiKeyUnusable: () =>
    'The LicenseSpring API key in the configuration is empty or contains characters no API key has (spaces, quotes, line breaks). Check the vendor configuration.',
  sharedKeyEmpty: () =>
    'The LicenseSpring shared key in the configuration is empty. Check the vendor configuration.',
  publicKeyUnreadable: () =>
    "The LicenseSpring public key in the configuration cannot be read. It must be the vendor's RSA public key in PEM form (-----BEGIN PUBLIC KEY-----).",
  /** `type`: Node's name for the key type ("ec", "ed25519"). */
  publicKeyNotRsa: (p: { type: string }) =>
    `The LicenseSpring public key in the configuration is a ${p.type} key; LicenseSpring signs with RSA. Check the vendor configuration.`,

  // What the person typed (licensespring-input.ts, licensespring.ts).
  askAccountName: () => 'Enter your LicenseSpring account name (e-mail address).',
  accountNameInvisible: () =>
    'The account name contains invisible control characters. Type it again.',
  accountNameTooLong: (p: { length: number; max: number }) =>
    `The account name has ${p.length} characters, more than any real one (${p.max}). Check what was pasted.`,
  askFeatureCode: () => 'Name the licence feature (its code).',
  featureCodeSpaces: () =>
    'The feature code contains spaces or invisible characters. Type it again.',
  featureCodeTooLong: (p: { length: number; max: number }) =>
    `The feature code has ${p.length} characters, more than any real one (${p.max}). Check what was pasted.`,
  askPassword: () => 'Enter the password of your LicenseSpring account.',
  passwordTooLong: (p: { max: number; length: number }) =>
    `Passwords have at most ${p.max} characters; this one has ${p.length}. Check what was pasted.`,
  /** `amount`: as given (it may be no number at all). */
  amountNotWhole: (p: { amount: string }) =>
    `The amount to record must be a whole number other than 0 (got ${p.amount}).`,
  borrowEndInvalid: () => 'The borrowing end date is not a valid date.',
  borrowEndPast: (p: { until: number }) =>
    `The borrowing end (${iso(p.until)}) is not in the future. Choose a later date.`,
  emailWrong: () => 'That e-mail address does not look right. Check it and try again.',
  activateWithAccount: () =>
    'This product is activated by signing in with your LicenseSpring account name and password.',
  activateWithKey: () => 'This product is activated with a licence key.',
  identityMissing: () =>
    'The licence key or account of this activation is missing. Activate again.',

  // The check this computer makes between server checks (licensespring-local-check.ts).
  checkedWithServer: () => 'Checked with the licensing server.',
  clockMovedBack: (p: { behind: string; lastCheck: number }, f: Formats) =>
    `This computer's clock is ${p.behind} earlier than a time this app has already seen, so the licence cannot be checked here (the server last confirmed it on ${f.instant(p.lastCheck)}). Set the date and time correctly (ideally automatically), then check the licence with the server again.`,
  validForever: () => 'The licence is valid and does not expire.',
  validUntil: (p: { until: number }, f: Formats) =>
    `The licence is valid until ${f.instant(p.until)}.`,
  inGrace: (p: { until: number; graceUntil: number }, f: Formats) =>
    `The licence ended on ${f.instant(p.until)}; the vendor allows it to keep working until ${f.instant(p.graceUntil)}. Renew it with the vendor before then, then check it with the server.`,
  expired: (p: { until: number }, f: Formats) =>
    `The licence expired on ${f.instant(p.until)}. Renew it with the vendor, then check it with the server.`,
  expiredAfterGrace: (p: { until: number; graceUntil: number }, f: Formats) =>
    `The licence expired on ${f.instant(p.until)} and its grace period ended on ${f.instant(p.graceUntil)}. Renew it with the vendor, then check it with the server.`,
  /** Why a licence the server answered for cannot be used now (licensespring-mapping.ts). */
  invalidDisabled: () => 'The vendor has disabled this licence. Contact the vendor.',
  invalidTrialEnded: () =>
    'The trial period of this licence has ended. Buy a licence to keep using the product.',
  invalidExpired: () => 'This licence has expired. Renew it with the vendor.',
  invalidNotActive: () =>
    'This licence is not active (it may not have started yet, or the vendor paused it). Contact the vendor.',

  // Offline licence files (licensespring-offline-wire.ts, licensespring-offline.ts).
  sizeMiB: (p: { mib: number }) => `${oneDecimal(p.mib)} MiB`,
  sizeKiB: (p: { kib: number }) => `${p.kib} KiB`,
  fileTooLarge: (p: { size: string; max: string }) =>
    `The file is ${p.size}, more than a LicenseSpring licence file can be (at most ${p.max}). Check that you chose the licence file from the LicenseSpring offline portal.`,
  notALicenceFile: () =>
    'This is not a LicenseSpring licence file. Choose the file the LicenseSpring offline portal gave back for this computer.',
  fileCutShort: () =>
    'The licence file is incomplete: it was cut short, probably during download or copying. Download it again from the LicenseSpring offline portal and import the new copy.',
  isRequestFile: () =>
    'This is the request file, not the licence file. Upload it to the LicenseSpring offline portal, then import the file the portal gives back.',
  /** `part`: one of the signatures below. */
  fileSignatureMissing: (p: { part: string }) =>
    `The licence file was refused: ${p.part} is missing, so it was changed after LicenseSpring made it, or it was made for another application. Nothing from it was used. Download it again from the LicenseSpring offline portal and import it unchanged.`,
  fileSignatureWrong: (p: { part: string }) =>
    `The licence file was refused: ${p.part} does not match, so it was changed after LicenseSpring made it, or it was made for another application. Nothing from it was used. Download it again from the LicenseSpring offline portal and import it unchanged.`,
  itsOfflineSignature: () => 'its offline signature',
  itsLicenceSignature: () => 'its licence signature',
  /** `kind`: what was asked for, as given. */
  unknownOfflineRequest: (p: { kind: string }) => `Unknown offline request "${p.kind}".`,
  fileForOtherComputer: () =>
    'This licence file was made for another computer. Generate a request file on this computer, upload it to the LicenseSpring offline portal, and import the licence file it gives back.',
  fileForOtherProduct: (p: { product: string; expected: string }) =>
    `This licence file is for the product "${p.product}", but this application is set up for "${p.expected}". Import the licence file made for "${p.expected}".`,
  /** `file`, `expected`: masked keys or account names. */
  fileForOtherAccount: (p: { file: string; expected: string }) =>
    `This licence file is for another account (${p.file}) than the one expected here (${p.expected}). Import the licence file made for ${p.expected}.`,
  fileForOtherKey: (p: { file: string; expected: string }) =>
    `This licence file is for another licence key (${p.file}) than the one expected here (${p.expected}). Import the licence file made for ${p.expected}.`,
  /** `label`: the masked key or account in use; may be empty. */
  alreadyUsesLicence: (p: { label: string }) =>
    `This computer already uses the licence ${p.label} here. Deactivate it first.`,

  // The licence service (licensespring-service.ts and the modules it puts together).
  notActivatedYet: () =>
    'This licence is not activated on this computer yet. Activate it with your licence key first.',
  trialNeedsAccount: () =>
    "Trials of this product come with an account: start one from the vendor's website, then sign in here.",
  consumptionNotAllowed: () =>
    "The vendor's configuration does not let this app record usage; the product records it itself.",
  /** `field`: the path of the detail that did not fit. */
  cannotKeep: (p: { field: string }) =>
    `The licensing server described the licence in a way this app cannot keep (${p.field}). Nothing was changed.`,
  keyNotStored: () =>
    'The licence key of this activation is missing from the secret store. Deactivate, then activate again.',
};

export const licensespringEn = { ...licensespringRefusalsEn, ...licensespringOwnEn };

export const licensespring = textsOf('licensespring', licensespringEn);
