import { messagesOf } from './messages';

/**
 * The eniris area's words in English: the source every translation is checked against.
 *
 * Texts with `{name}` placeholders are shown with elements in them (a bold name, a <time>): the
 * screen fills each placeholder, so a translation may move it. Every translation keeps the same
 * placeholders (test/unit/eniris-german.test.ts checks).
 */
export const enirisEn = {
  screen: {
    title: 'Eniris licences',
    loading: 'Loading the Eniris account',
  },
  /** The live region: the latest outcome in words. */
  announce: {
    signingIn: 'Signing in…',
    signingOut: 'Signing out…',
    activating: 'Activating the licence…',
    claiming: 'Claiming the licence…',
    loadingLicences: (of: string) => `Loading the licences of ${of}…`,
    signedIn: 'Signed in to Eniris.',
    signedOut: 'Signed out of Eniris.',
    activated: 'Licence activated.',
    claimed: (nodeId: string) => `Licence claimed for ${nodeId}.`,
    showing: (count: string, of: string) => `Showing ${count} of ${of}.`,
  },
  signIn: {
    sessionEnded: 'Your Eniris session has ended',
    signInAgain: 'Sign in again to go on.',
    title: 'Sign in to Eniris',
    description:
      'Use your Eniris installer account to activate licence keys, claim them for controllers and see their licences.',
    /** {once} is `passwordOnce`, in bold. */
    passwordNote:
      "Your password is sent to Eniris {once}, and is never stored. A sign-in token is kept in your operating system's keychain instead; it lasts 14 days, then you sign in again.",
    passwordOnce: 'once, for this sign-in',
    nameMissing: 'Enter your Eniris account name.',
    busy: 'Signing in…',
    submit: 'Sign in',
    tryAgainNow: 'You can try again now.',
    /** {time} is the clock time, {countdown} is `countdown` (hidden from screen readers). */
    tryAgainAt: 'You can sign in again at {time}{countdown}.',
    countdown: (duration: string) => ` (in ${duration})`,
  },
  account: {
    region: 'Eniris account',
    someone: 'your Eniris account',
    /** {name} is the account name, in bold. */
    signedInAs: 'Signed in as {name}',
    /** {date} is when the account signed in. */
    since: 'since {date} · the sign-in token is kept in your keychain',
    tokenKept: 'the sign-in token is kept in your keychain',
    signOutOpen: 'Sign out…',
    question: 'Sign out of Eniris?',
    consequence:
      'This computer forgets the sign-in token. Licences and claims stay as they are on Eniris; you need your password to sign in again.',
    cancel: 'Cancel',
    busy: 'Signing out…',
    signOut: 'Sign out',
    failed: "Couldn't sign out",
  },
  key: {
    label: 'Licence key',
  },
  activate: {
    title: 'Activate a licence',
    description:
      "Starts the licence's period on Eniris. It runs for the licence's duration from the activation date.",
    dateLabel: 'Activation date',
    optional: '(optional)',
    dateProblem: 'Enter a full date and time, or none.',
    dateHelp:
      "Leave the date empty to start the licence now, or give the day the installation went live. Times are in this computer's time zone.",
    busy: 'Activating…',
    submit: 'Activate',
    result: 'Activated licence',
  },
  claim: {
    title: 'Claim for a controller',
    description:
      'Links a licence to an Eniris controller so the controller may use it. A licence belongs to one controller.',
    nodeLabel: 'Controller id',
    busy: 'Claiming…',
    submit: 'Claim',
    keyCarried: 'The key is the one you just activated.',
    claimed: (nodeId: string) => `Claimed for ${nodeId}. Its licences are listed under Licences.`,
  },
  licences: {
    title: 'Licences',
    intro: 'The licences claimed for a controller, or bought for a customer.',
    /** {count} is `count`, {of} is `query`, {when} is a relative time ("2 m ago"). */
    listed: '{count} of {of} · checked {when}',
    busyRefresh: 'Refreshing…',
    refresh: 'Refresh',
    tabs: 'Show licences',
    byController: 'By controller',
    byCustomer: 'By customer',
    controllerId: 'Controller id',
    customerId: 'Customer id',
    busyShow: 'Loading…',
    show: 'Show',
    prompt: 'Enter a controller id or a customer id and choose Show to see their licences.',
    loading: (of: string) => `Loading the licences of ${of}`,
    region: (of: string) => `Licences of ${of}`,
    noneForController: (nodeId: string) => `No licences are claimed for controller ${nodeId}.`,
    noneForCustomer: (customerId: string) => `Customer ${customerId} has no licences.`,
  },
  /** Which licences are shown, as it reads inside the sentences above ("Licences of …"). */
  query: {
    controller: (nodeId: string) => `controller ${nodeId}`,
    customer: (customerId: string) => `customer ${customerId}`,
  },
  count: (count: number) => (count === 1 ? '1 licence' : `${count} licences`),
  table: {
    licence: 'Licence',
    state: 'State',
    capacity: 'Capacity',
    activated: 'Activated',
    expires: 'Expires',
    controllers: 'Controllers',
    keyTitle: (id: string) => `Licence ${id}`,
    notYet: 'Not yet',
    capacities: 'Capacities',
    notSet: 'not set',
    notSetTitle: (capacity: string) => `${capacity}: not set by this licence`,
    days: (days: number) => `${days} days`,
    onceActivated: 'once activated',
    deactivated: 'deactivated',
    notReported: 'not reported',
  },
  states: {
    active: 'Active',
    notActivated: 'Not activated',
    expired: 'Expired',
    deactivated: 'Deactivated',
  },
  capacities: {
    grid: 'Grid',
    solar: 'Solar',
    battery: 'Battery',
    ev: 'EV',
  },
  /** Licence types the servers send; others are shown as they come, capitalised. */
  types: {
    unknown: 'Unknown',
    known: {
      residential: 'Residential',
      commercial: 'Commercial',
      production: 'Production',
      trial: 'Trial',
    },
  },
  errors: {
    wrongCredentials: 'The account name or password is wrong',
    signInAgain: 'Sign in to Eniris again',
    tooManyAttempts: 'Too many failed sign-in attempts',
    unknownKey: "Eniris doesn't know this licence key",
    claimedElsewhere: 'This licence is claimed by another controller',
    noRights: "Your account doesn't have rights to this",
    checkKeyAndController: 'Check the licence key and the controller id',
    checkId: 'Check the id you entered',
  },
  problems: {
    keyEmpty: 'Enter a licence key.',
    keyTooLong: (max: number) => `An Eniris licence key is at most ${max} characters.`,
    keyCharacters:
      'A licence key has only letters, digits and punctuation. Check for stray characters.',
    nodeEmpty: 'Enter the controller id.',
    nodeTooLong: (max: number) => `A controller id is at most ${max} characters.`,
    nodeCharacters: 'A controller id has only printable characters.',
    customerEmpty: 'Enter the customer id.',
    customerFormat: 'A customer id is a UUID: 32 hexadecimal digits in groups of 8-4-4-4-12.',
  },
  outcome: {
    activeUntil: (date: string) => `Licence active until ${date}.`,
    active: 'Licence active.',
    expired: 'Activated, but its period is already over: it has expired.',
    deactivated: 'Eniris answered, but this licence is deactivated.',
    notActivated: 'Eniris answered, but the licence is still not activated.',
  },
};

export type EnirisMessages = typeof enirisEn;

/** The eniris area's words in the active language. */
export const tEniris = (): EnirisMessages => messagesOf('eniris', enirisEn);
