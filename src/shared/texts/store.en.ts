import { textsOf } from '../text';

/**
 * What this computer keeps: the secret store (OS keychain, safeStorage, sealed files), the saved
 * state and other documents, the fingerprint. Paths and entry names are data, never translated.
 */

const WEAK_KEYRING =
  'No OS keyring was found, so Electron protects secrets with a built-in key (basic_text): anyone ' +
  'who can read your profile folder could read them. Install and unlock GNOME Keyring or KWallet.';

const secretsDamaged = (where: string, why: string): string =>
  `The secrets kept in ${where} are damaged (${why}); they were left as they are. Remove ${where} to start again (the hubs' passwords will have to be entered again).`;

export const storeEn = {
  // Secret stores (store/*-secret-store.ts, store/secret-bundle.ts).
  keyringUnavailable: () =>
    'The OS keyring is not available, so secrets cannot be stored safely. On Linux, run a Secret ' +
    'Service provider (GNOME Keyring or KWallet) in your session and unlock it; on macOS and ' +
    'Windows the keychain and Credential Manager are used automatically.',
  weakKeyring: () => WEAK_KEYRING,
  weakKeyringRefused: () => `${WEAK_KEYRING} Your vendor does not allow storing licences this way.`,
  secureStorageUnavailable: () =>
    'Secure storage is not available on this computer, so licences cannot be kept safely.',
  cannotDecrypt: () =>
    'A stored secret could not be decrypted: the keyring may still be locked, or it may have ' +
    'changed. The secret was kept; unlock the keyring and try again. If the keyring was replaced, ' +
    'deactivate the licence here and activate it again.',
  /** `why` is `notJson` or `unexpectedContent`. */
  secretsDamagedInFile: (p: { file: string; why: string }) => secretsDamaged(p.file, p.why),
  secretsDamagedInKeychain: (p: { name: string; why: string }) =>
    secretsDamaged(`the OS keychain entry "${p.name}"`, p.why),
  sealedUnreadable: (p: { name: string; file: string }) =>
    `The sealed secrets "${p.name}" cannot be opened: their key is missing from the OS keychain or the file was changed. Remove ${p.file} to start again (hub passwords will have to be entered again).`,

  // Saved documents (store/locked-json-file.ts, store/file-recovery.ts).
  notJson: () => 'not valid JSON',
  unexpectedContent: () => 'unexpected content',
  /** After a damaged file was moved aside: `what` names the document, `aside` the kept copy. */
  recovered: (p: { what: string; why: string; aside: string; afterRecovery: string }) =>
    `The saved ${p.what} was damaged (${p.why}) and was moved to ${p.aside}. ` +
    `${p.afterRecovery} Keep that file: if anything is missing, contact support and send it to them.`,
  licenceState: () => 'licence state',
  licenceStateRecovered: () => 'Activations will be re-checked with the server.',
  hubInventory: () => 'hub inventory',
  hubInventoryRecovered: () => 'Add the hubs again or import them from a CSV export.',
  sealedFile: (p: { name: string }) => `sealed secrets file (${p.name})`,
  sealedFileRecovered: () => 'The secrets it held (hub passwords) have to be entered again.',
  /** `code` is the file system's error code, "error" when it gave none. */
  notRead: (p: { what: string; file: string; code: string }) =>
    `The ${p.what} in ${p.file} could not be read (${p.code}). Check free disk space and permissions.`,
  notSaved: (p: { what: string; file: string; code: string }) =>
    `The ${p.what} in ${p.file} could not be saved (${p.code}). Check free disk space and permissions.`,
  notMovedAside: (p: { what: string; file: string; code: string }) =>
    `The ${p.what} in ${p.file} could not be moved aside (${p.code}). Check free disk space and permissions.`,
  lockHeld: (p: { what: string; file: string }) =>
    `The ${p.what} in ${p.file} could not be saved: another license-manager process holds the lock. Try again in a moment.`,
  /** `app --cli` while the app runs (shell/app-home.ts). */
  appIsRunning: () =>
    'The app is open on this computer, and only one of the two may change its licences at a time. ' +
    'Quit the app (also from its tray icon), then run the command again.',

  // The fingerprint (device/fingerprint.ts).
  hostnameFingerprint: () =>
    'This machine has no stable machine id (common in containers), so its fingerprint is derived ' +
    'from the host name. Renaming the computer will make licensing servers see a new machine.',
};

export const store = textsOf('store', storeEn);
