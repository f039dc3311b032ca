import { messagesOf } from './messages';

/** The offline area's words in English: the source every translation is checked against. */
export const offlineEn = {
  fileState: {
    valid: 'Valid',
    expiring: 'Expires soon',
    grace: 'In grace period',
    expired: 'Expired',
    suspended: 'Suspended',
  },
  /** The files the offline screens carry or take, each named in its own sentences. */
  files: {
    request: {
      save: 'Save the request file…',
      qr: 'QR code of the request file',
      qrPart: (index: number, total: number) => `QR code ${index} of ${total} of the request file`,
    },
    deactivation: {
      save: 'Save the deactivation file…',
      qr: 'QR code of the deactivation file',
      qrPart: (index: number, total: number) =>
        `QR code ${index} of ${total} of the deactivation file`,
    },
    portalLicence: {
      drop: 'Drop the licence file from the portal here, or',
      choose: 'Choose the licence file from the portal',
    },
    licence: {
      drop: 'Drop the licence file here, or',
      choose: 'Choose the licence file',
    },
  },
  drop: {
    choose: 'Choose file…',
    importing: 'Importing…',
    tooLarge: (name: string, megabytes: number) =>
      `${name} is ${megabytes.toFixed(1)} MB, far larger than any licence file. Check that this is the right file.`,
    unreadable: (name: string) => `${name} could not be read.`,
  },
  qr: {
    part: (index: number, total: number) =>
      `Code ${index} of ${total}: scan them all, in any order.`,
    previous: 'Previous',
    next: 'Next',
    single: 'Scan with a phone to carry the request to a computer with internet.',
  },
  activation: {
    deactivationTitle: 'Take the deactivation file to the offline portal',
    deactivationText:
      'The licence was removed from this computer. Its activation is freed once the portal has this file; until then it still counts as used.',
    title: 'No internet on this computer?',
    description:
      "Activate with a file: carry a request to the vendor's offline portal on a USB stick or a phone, and bring back the licence file it gives you.",
    open: 'Activate offline…',
    requestStep: 'Create a request file',
    requestHelp:
      "On a computer or phone with internet, upload this file at the vendor's offline portal (for LicenseSpring products: offline.licensespring.com). It gives back a licence file.",
    startOver: 'Start over with another key',
    accountName: 'Account name',
    licenceKey: 'Licence key',
    nameMissing: 'Enter your account name.',
    creating: 'Creating…',
    create: 'Create request file',
    importStep: 'Import the licence file',
    notImported: 'This licence file was not imported',
  },
  deactivate: {
    consequence:
      "No internet here? Deactivate with a file: this computer forgets the licence and gives you a file for the vendor's offline portal, which frees the activation.",
    label: 'Deactivate offline…',
  },
  fileScreen: {
    title: 'Licence file',
    loading: 'Loading the licence file',
    imported: 'Licence file imported.',
    removed: 'Licence file removed.',
    importing: 'Importing the licence file…',
    cardTitle: (product: string) => `Licence for ${product}`,
    licensee: 'Licensee',
    notNamed: 'Not named',
    email: 'E-mail',
    features: 'Features',
    none: 'None',
    issued: 'Issued',
    expires: 'Expires',
    never: 'Never',
    grace: 'Grace period',
    graceDays: (days: number) => `${days} days after expiry`,
    lockedTo: 'Locked to',
    thisComputer: 'This computer',
    anyComputer: 'Any computer',
    licenceId: 'Licence id',
    remove: 'Remove licence file…',
    replaceTitle: 'Replace with a renewed licence file',
    importTitle: 'Import your licence file',
    replaceText: 'A renewed file from the vendor replaces the one above.',
    importText: 'The vendor sends it as a .lic file. It works without internet.',
    notImported: 'This licence file was not imported',
    fingerprintLabel: "This computer's fingerprint",
    fingerprintHelp:
      'A licence file locked to this computer names it: send it to the vendor when you order.',
  },
};

export type OfflineMessages = typeof offlineEn;
export type RequestFileKind = 'request' | 'deactivation';
export type DropFileKind = 'portalLicence' | 'licence';

/** The offline area's words in the active language. */
export const tOffline = (): OfflineMessages => messagesOf('offline', offlineEn);
