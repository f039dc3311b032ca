import { messagesOf } from './messages';

/** The activation area's words in English: the source every translation is checked against. */
export const activationEn = {
  methods: {
    key: 'Licence key',
    account: 'Sign in with your account',
    serial: 'Device serial number',
  },
  intro: {
    choice: 'Choose how to activate. Every way needs a connection to the licensing server.',
    key: 'Enter the licence key you received when you bought the software. Activating needs a connection to the licensing server.',
    account:
      'Sign in with the account you bought the software with. Activating needs a connection to the licensing server.',
    serial:
      'Activate by the serial number your vendor registered for this device. Activating needs a connection to the licensing server.',
  },
  accountErrors: {
    invalidCredentials: 'The account name or password is wrong',
    seatUnavailable: 'No unused licence on this account',
  },
  consequence: {
    floating: 'This removes the licence from this computer and gives back any seat it holds.',
    flecs:
      'This removes the licence from this computer only. FLECS keeps it assigned to this device, and a licence taken from your account is not given back.',
    freesActivation: 'This frees the activation so the key can be used on another computer.',
    licenceFile:
      'This removes the licence file from this computer. Keep a copy if you may need it again.',
  },
  status: {
    active: 'Active',
    inactive: 'Not activated',
    expired: 'Expired',
    revoked: 'Revoked',
    invalid: 'Not valid',
  },
  mode: {
    activation: 'Activation (this computer)',
    floating: 'Floating seats',
    file: 'Licence file (offline)',
    unknown: 'Unknown',
  },
  keyProblem: {
    empty: 'Enter a licence key.',
    tooLong: (max: number) => `A licence key is at most ${max} characters.`,
    notPrintable:
      'A licence key has only letters, digits and punctuation. Check for stray characters.',
  },
  screen: {
    title: 'Activation',
    loading: 'Loading the licence',
  },
  announce: {
    trialStarting: 'Starting the trial…',
    trialStarted: 'Trial started.',
    activated: 'Licence activated.',
    deactivated: 'Licence deactivated.',
    checked: (state: string) => `Licence checked: ${state}.`,
    signingIn: 'Signing in…',
    activating: 'Activating…',
    deactivating: 'Deactivating…',
    checking: 'Checking the licence…',
  },
  active: {
    floatingTitle: 'This is a floating licence',
    goToSeats: 'Go to Seats',
    floatingText:
      'Seats are shared between computers. Take one on the Seats screen to start working.',
    checking: 'Checking…',
    checkTitle: 'Ask the licensing server whether this licence is still valid',
    checkNow: 'Check now',
    checkFailed: "Couldn't check the licence",
    invalidTitle: 'The licensing server says this licence is not valid',
    checkAgain: 'Check again',
    noReason: 'It gave no reason.',
    invalidHint:
      'Check again once it is sorted out, or deactivate this computer and activate it another way.',
    expiredTitle: 'This licence has expired',
    revokedTitle: 'This licence was revoked',
    renewHint:
      'Contact your vendor to renew it, or deactivate this computer and enter a different key.',
  },
  deactivate: {
    open: 'Deactivate…',
    question: 'Deactivate this computer?',
    cancel: 'Cancel',
    confirm: 'Deactivate',
    busy: 'Deactivating…',
  },
  inactive: {
    title: 'Activate this computer',
    tabs: 'How to activate',
  },
  keyForm: {
    label: 'Licence key',
    help: 'Paste the key from your order confirmation. Spaces around it are removed.',
    placeholder: 'XXXXX-XXXXX-XXXXX-XXXXX',
    busy: 'Activating…',
    submit: 'Activate',
  },
  accountForm: {
    nameMissing: 'Enter your account name.',
    /** **…** is shown in bold. */
    note: 'Signing in uses **one licence from your account** for this computer. Your password is sent to the licensing server for this sign-in only and is never stored.',
    busy: 'Signing in…',
    submit: 'Sign in and activate',
  },
  serial: {
    text: "Your vendor registered this device's serial number with the licensing server. The server looks up the licence assigned to it: no key or sign-in needed.",
    busy: 'Activating…',
    submit: 'Activate this device',
  },
  trial: {
    title: 'Try it first',
    description: (productName: string, trialDays: number) =>
      `Run ${productName} as a free trial on this computer${trialDays > 0 ? ` for ${trialDays} days` : ''}: no key needed. Activate a key whenever you buy it.`,
    emailLabel: 'Email',
    optional: '(optional)',
    emailHelp: "Your vendor can send you the trial's details. Leave it empty to start without one.",
    busy: 'Starting the trial…',
    checkEmail: 'Check the email address',
    failed: "Couldn't start the trial",
  },
  card: {
    title: 'Licence',
    licenceId: 'Licence ID',
    notReported: 'Not reported',
    type: 'Type',
    expires: 'Expires',
    neverExpires: 'Never expires',
    supportUntil: 'Support until',
    seatsInUse: 'Seats in use',
    activationsUsed: 'Activations used',
    usage: (used: string, max: string) => `${used} of ${max}`,
    activated: 'Activated',
    lastChecked: 'Last checked',
  },
  link: {
    keyNoteTitle: 'Key from a link — check it and click Activate',
    keyNoteText:
      'The licence key below came from an activation link. Nothing is activated until you click Activate.',
    refusedTitle: 'This link cannot be used',
    notUsedTitle: 'The key from the link was not used',
    dismiss: 'Dismiss',
    alreadyActive:
      'This computer already has an active licence here, so the key from the link was not filled in. To use the new key, deactivate this licence first, then open the link again.',
  },
};

export type ActivationMessages = typeof activationEn;

/** The activation area's words in the active language. */
export const tActivation = (): ActivationMessages => messagesOf('activation', activationEn);
