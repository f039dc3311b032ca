import { textsOf } from '../text';

/** What the FLECS adapter says: the console's refusals, the sign-in and key checks, validation. */
export const flecsEn = {
  requestInvalid: () => 'The FLECS console says the request is invalid.',
  /**
   * The console's own reason for a refused sign-in, already written for a person: in English it
   * is the whole message; a translation frames it.
   */
  signInRefused: (p: { server: string }) => `${p.server}`,
  badCredentials: () =>
    'The FLECS console did not accept this account name and password. Check them and try again.',
  signInAgain: () => 'Your FLECS sign-in has expired or is not valid. Sign in again.',
  noUserLicence: () =>
    'Your FLECS account has no unused licence. Buy one or ask your administrator.',
  keyInUse: () =>
    'This licence key is already in use on another device. Use another key, or ask your administrator to release it.',
  keyRefused: () => 'The FLECS console does not accept this licence key. Check it for typos.',
  serialRefused: () =>
    "The FLECS console does not accept this device's serial number. Sign in to use a licence from your FLECS account, or enter a licence key instead.",
  deviceUnknown: () => 'The FLECS console no longer recognises this device. Activate it again.',

  // 403 "Missing Header": the console found nothing in the request to go on.
  noSignInReceived: () => 'The FLECS console did not receive your sign-in. Sign in again.',
  noKeyReceived: () => 'The FLECS console did not receive a licence key. Enter the key again.',
  serialAlone: () =>
    'The FLECS console cannot activate this device by its serial number alone. Sign in to use a licence from your FLECS account, or enter a licence key.',
  noSessionReceived: () =>
    "The FLECS console did not receive this device's session. Activate it again.",

  // What a person typed, checked before it is sent (never repeating it: it may be a password).
  enterAccountName: () => 'Enter your FLECS account name.',
  enterPassword: () => 'Enter your FLECS password.',
  enterSerial: () => "Enter the device's serial number.",
  /** The field at the start of a sentence, for `controlCharacters` and `tooLong`. */
  accountNameField: () => 'FLECS account name',
  passwordField: () => 'FLECS password',
  serialField: () => "Device's serial number",
  controlCharacters: (p: { field: string }) =>
    `${p.field} contains invisible control characters. Type it again.`,
  tooLong: (p: { field: string; max: number }) =>
    `${p.field} is longer than ${p.max} characters. Check what was entered.`,
  signInDamaged: () => 'The FLECS sign-in is missing or damaged. Sign in again.',

  noSerialConfigured: () => 'No device serial number is configured for FLECS activation.',

  // Why validation says the device's licence is not valid (shown as the licence's status reason).
  notActivated: () => 'This device is not activated.',
  licenceNotValid: () =>
    "The FLECS console reports that this device's licence is not valid (it may have expired or been revoked). Activate the device again, or ask your administrator.",
  sessionRefused: () =>
    "The FLECS console no longer recognises this device's session. Activate the device again.",
};

export const flecs = textsOf('flecs', flecsEn);
