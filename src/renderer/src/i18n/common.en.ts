import { messagesOf } from './messages';

/**
 * Words every screen shares: time and duration units, relative times, the shell and the
 * components. English is the source every translation is checked against.
 */
export const commonEn = {
  units: { second: 's', minute: 'm', hour: 'h', day: 'd' },
  justNow: 'just now',
  inFuture: (distance: string) => `in ${distance}`,
  inPast: (distance: string) => `${distance} ago`,
  unknownDate: 'unknown date',
  unknownTime: 'unknown time',
  today: 'today',
  tomorrow: 'tomorrow',
  yesterday: 'yesterday',
  inDays: (days: number) => `in ${days} days`,
  daysAgo: (days: number) => `${days} days ago`,

  /** Shared by every screen that can retry what failed. */
  tryAgain: 'Try again',
  dismiss: 'Dismiss',

  /** The nav labels, by screen id (app/screens.ts). */
  screens: {
    activation: 'Activation',
    licence: 'Licence',
    features: 'Features',
    seats: 'Seats',
    eniris: 'Eniris',
    hubs: 'Hubs',
    'licence-file': 'Licence file',
    diagnostics: 'Diagnostics',
  },

  shell: {
    sections: 'Sections',
    demoMode: 'Demo mode',
    demoModeTitle: 'No vendor configuration was found: the built-in sandbox serves the licences.',
    secretsUnprotected: 'Licence secrets are not protected by the operating system.',
    secretsKeptBy: (backend: string) =>
      `They are kept by “${backend}”, which does not encrypt them.`,
    noProfilesTitle: 'No licensing profiles',
    noProfilesText:
      'The configuration does not name any licensing backend. Ask your software vendor for a configuration file, or start the app without one to try demo mode.',
    profile: 'Profile',
  },

  startup: {
    loading: 'Loading the license manager…',
    failedTitle: "The license manager couldn't start",
    errorCode: 'Error code:',
  },

  /** The browser view (`serve`) when its page cannot reach the core behind it. */
  bridge: {
    unreachable: "The license manager's background service is not reachable.",
    disconnected:
      'This page is no longer connected to the license manager. Open it again from the command line.',
    noResult: (status: number) =>
      `The background service answered HTTP ${status} without a result.`,
    /** The browser's own reason follows, in its language. */
    requestFailed: (detail: string) => `The request failed: ${detail}`,
  },

  statusBar: {
    deviceTitle: 'Identifies this computer to the licensing server',
    device: 'Device',
    hostNameTitle: 'Based on the host name, which can change.',
    hostNameWarning: 'Fingerprint based on the host name, which can change.',
    secrets: 'Secrets',
    unprotected: (backend: string) => `${backend} (unprotected)`,
    version: (version: string) => `v${version}`,
    /** The vendor's support contact follows. */
    support: 'Support',
  },

  storageWarning: {
    title: 'Saved data was damaged and has been set aside.',
    dismissLabel: 'Dismiss the damaged data warning',
  },

  demoKeys: {
    title: 'Demo keys',
    description:
      'Demo mode runs a local licensing sandbox. These keys are public and work only against it.',
    use: 'Use this key',
  },

  credentials: {
    accountName: 'Account name',
    password: 'Password',
    passwordMissing: 'Enter your password.',
    tooLong: (max: number) => `An account name or password is at most ${max} characters.`,
  },

  /** A usage bar's value for screen readers: "3 of 10". */
  usageOf: (used: number, max: number) => `${used} of ${max}`,
};

export type CommonMessages = typeof commonEn;

/** The shared words in the active language. */
export const tCommon = (): CommonMessages => messagesOf('common', commonEn);
