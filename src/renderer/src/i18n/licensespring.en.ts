import { formatNumber as n, messagesOf, plural } from './messages';

/** "12 hours", "1 day": the parts of a borrow limit. */
const hoursEn = (hours: number): string => plural(hours, `${n(hours)} hour`, `${n(hours)} hours`);
const daysEn = (days: number): string => plural(days, `${n(days)} day`, `${n(days)} days`);
const slotsEn = (count: number): string => plural(count, 'slot', 'slots');

/** The licensespring area's words in English: the source every translation is checked against. */
export const licensespringEn = {
  /** lib/licensespring-text (labels, meters, action sentences) and licensespring-form-checks. */
  licenseTypes: {
    perpetual: { label: 'Perpetual', explanation: 'Yours to keep: it does not run out.' },
    'time-limited': { label: 'Time-limited', explanation: 'Valid until a set date.' },
    subscription: { label: 'Subscription', explanation: 'Valid while the subscription is paid.' },
    consumption: {
      label: 'Consumption',
      explanation: 'Paid by use: usage counts against a limit.',
    },
  },
  featureTypes: { activation: 'On/off feature', consumption: 'Usage-based feature' },
  resets: {
    never: 'Never resets',
    daily: 'Resets every day',
    weekly: 'Resets every week',
    monthly: 'Resets every month',
    annually: 'Resets every year',
  },
  counts: {
    usedOf: (used: number, max: number) => `${n(used)} of ${n(max)} used`,
    usedNoLimit: (used: number) => `${n(used)} used · no limit`,
    transfersNotAllowed: 'Not allowed: this licence stays on this computer',
  },
  meter: {
    unlimited: (total: number) => `${n(total)} used · no limit`,
    exhaustedOver: (total: number, max: number, over: number) =>
      `${n(total)} of ${n(max)} used · ${n(over)} over, no more allowed`,
    exhausted: (total: number, max: number) => `${n(total)} of ${n(max)} used · none left`,
    overage: (total: number, max: number, over: number) =>
      `${n(total)} of ${n(max)} used · ${n(over)} over the limit`,
    left: (total: number, max: number, left: number) =>
      `${n(total)} of ${n(max)} used · ${n(left)} left`,
    legendIncluded: (max: number) => `Included (${n(max)})`,
    legendZoneCapped: (cap: number) => `Overage zone (up to ${n(cap)})`,
    legendZoneOpen: 'Overage zone (no cap)',
  },
  overages: {
    unlimited: 'No limit to go over',
    notAllowed: 'Not allowed',
    upTo: (max: number) => `Up to ${n(max)} over the limit`,
    uncapped: 'Allowed, no cap',
  },
  usageProblems: {
    empty: 'Enter how much was used.',
    notWhole: 'Enter a whole number.',
    zero: 'Enter an amount other than 0.',
    tooMuch: (max: number) => `Record at most ${n(max)} at a time.`,
    upOnly: 'This counter only goes up: enter a positive amount.',
    limitReached: 'Nothing more can be recorded: the limit is reached.',
    onlyLeft: (left: number) => `Only ${n(left)} more can be recorded.`,
    onlyLeftWithOverages: (left: number) =>
      `Only ${n(left)} more can be recorded, overages included.`,
  },
  slots: {
    notChecked: (max: number) => `${n(max)} ${slotsEn(max)} · not checked yet`,
    inUse: (inUse: number, max: number) => `${n(inUse)} of ${n(max)} ${slotsEn(max)} in use`,
  },
  hold: {
    borrowed: 'Borrowed by this computer',
    held: 'Held by this computer',
    notHeld: 'Not held here',
  },
  durations: {
    hours: (hours: number) => hoursEn(hours),
    days: (days: number) => daysEn(days),
    daysHours: (days: number, hours: number) => `${daysEn(days)} ${hoursEn(hours)}`,
  },
  borrowProblems: {
    incomplete: 'Enter a full date and time, or leave it empty.',
    past: 'Pick a moment in the future.',
    beyondLimit: (duration: string, latest: string) =>
      `You can borrow for ${duration} at most: until ${latest}.`,
  },
  localCheck: {
    pills: {
      valid: 'Valid',
      grace: 'Grace period',
      expired: 'Expired',
      clock_moved_back: 'Clock set back',
    },
    /** The verdict inside a sentence ("Checked with the server: valid."). */
    verdicts: {
      valid: 'valid',
      grace: 'grace period',
      expired: 'expired',
      clock_moved_back: 'clock set back',
    },
    graceUntil: (day: string) => `Running on the grace period until ${day}`,
    grace: 'Running on the grace period',
    graceAdvice:
      'Connect to the internet and choose Check with server before the grace period ends. If the licence has run out, renew it with your vendor first.',
    expiredTitle: 'This licence has expired',
    expiredAdvice:
      'Its validity and any grace period are over. Renew it with your vendor, then choose Check with server.',
    clockTitle: "This computer's clock was set back",
    clockAdvice:
      'Its date is earlier than a time this app has already seen, so no date here can be trusted. Set the correct date and time, then choose Check with server to confirm the licence.',
  },
  pending: {
    refresh: 'Checking the licence with the server…',
    borrow: 'Borrowing the licence…',
    release: 'Releasing the floating slot…',
    consume: 'Recording usage…',
    'feature-check': (feature: string) => `Checking ${feature}…`,
    'feature-borrow': (feature: string) => `Borrowing ${feature}…`,
    'feature-release': (feature: string) => `Releasing ${feature}…`,
    'feature-consume': (feature: string) => `Recording usage of ${feature}…`,
  },
  notes: {
    refreshed: (verdict: string) => `Checked with the server: ${verdict}.`,
    borrowedUntil: (date: string) => `Borrowed until ${date}.`,
    borrowed: 'Borrowed.',
    released: 'Floating slot released.',
    recorded: (amount: number) => `Recorded ${n(amount)}.`,
    recordedMeter: (amount: number, meter: string) => `Recorded ${n(amount)}: ${meter}.`,
    featureAvailable: (feature: string) => `${feature} checked: available.`,
    featureSlotHeld: (feature: string, slots: string) =>
      `${feature} checked: slot held · ${slots}.`,
    featureNoSlot: (feature: string, slots: string) =>
      `${feature} checked: no slot held · ${slots}.`,
    featureBorrowedUntil: (feature: string, date: string) => `${feature}: Borrowed until ${date}.`,
    featureBorrowed: (feature: string) => `${feature}: Borrowed.`,
    featureReleased: (feature: string) => `${feature} released.`,
    featureRecorded: (amount: number, feature: string) => `Recorded ${n(amount)} on ${feature}.`,
    featureRecordedMeter: (amount: number, feature: string, meter: string) =>
      `Recorded ${n(amount)} on ${feature}: ${meter}.`,
  },
  errorTitles: {
    usageLimit: 'The usage limit is reached',
    allSlots: 'Every floating slot is in use',
    allFeatureSlots: 'Every slot of this feature is in use',
    featureExpired: 'This feature has expired',
    checkAmount: 'Check the amount',
    checkBorrowDate: 'Check the borrow date',
  },
  trial: {
    startDays: (days: number) => `Start a ${days}-day trial`,
    start: 'Start a trial',
    started: 'Trial started.',
    emailProblem: 'Enter an email address like name@example.com, or leave it empty.',
  },

  /** The screens. */
  pages: {
    licence: 'Licence',
    licenceLoading: 'Loading the licence details',
    features: 'Features',
    featuresLoading: 'Loading the features',
    featureList: 'Features',
    noFeatures: 'No features on this licence',
    noFeaturesText:
      'This licence gives the software as a whole, with no separately licensed features. If you bought an add-on, choose Check with server; if it still does not appear, ask your vendor to add it to this licence.',
  },
  serverCheck: {
    region: 'Server check',
    /** `when` is a relative time: "just now", "5 m ago". */
    checkedAt: 'Checked with the server {when}',
    checking: 'Checking…',
    check: 'Check with server',
  },
  terms: {
    title: 'Licence terms',
    trialBadge: 'Trial',
    type: 'Type',
    typeTrial: (type: string) => `${type} (trial)`,
    validUntil: 'Valid until',
    noExpiry: 'Does not expire',
    timeLeft: 'Time left',
    ended: 'None: it has ended',
    starts: 'Starts',
    maintenanceUntil: 'Maintenance until',
    noMaintenance: 'No maintenance plan',
    transfers: 'Transfers',
    activations: 'Activations',
    activationsUsed: 'Activations used',
  },
  notSet: 'Not set',
  customer: { title: 'Customer', name: 'Name', company: 'Company', email: 'Email' },
  consumption: {
    title: 'Licence usage',
    description: 'Usage recorded against this licence, from every computer that uses it.',
    meter: 'Licence usage',
    overages: 'Overages',
    counter: 'Counter',
    givingBack: 'Giving usage back',
    allowed: 'Allowed',
    notAllowed: 'Not allowed',
  },
  floating: {
    title: 'Floating licence',
    description: (max: number) =>
      `Computers share ${n(max)} ${slotsEn(max)}: a computer takes one while the software runs and gives it back when it stops.`,
    slotsInUse: 'Slots in use',
    slotsBar: 'Floating slots in use',
    lapsesAfter: 'Slot lapses after',
    lapse: (minutes: number) => `${n(minutes)} min without a check`,
    borrowing: 'Borrowing',
    borrowUpTo: (duration: string) => `Up to ${duration}`,
    borrowAllowed: 'Allowed',
    borrowNotAllowed: 'Not allowed',
    borrowedUntil: 'Borrowed until',
    releaseText:
      'Give the slot back now, so another computer can take it. The software here stops working until it takes a slot again.',
    releasing: 'Releasing…',
    release: 'Release slot',
  },
  feature: {
    floatingSlots: 'Floating slots',
    slotsOf: (feature: string) => `Slots of ${feature} in use`,
    lapse: (minutes: number) => `A slot lapses after ${n(minutes)} min without a check`,
    usage: 'Usage',
    usageOf: (feature: string) => `Usage of ${feature}`,
    /** `text` is an overages text ("Up to 20 over the limit"), inside a sentence. */
    overages: (text: string) => `Overages: ${text.toLowerCase()}`,
    expiredText:
      'This feature has expired: the software no longer offers it. Ask your vendor to renew it.',
    includedText: 'Included in this licence on this computer; no slots or usage to count.',
    expired: 'Expired',
    until: 'Until {date}',
    checking: 'Checking…',
    check: 'Check',
    checkFeature: (feature: string) => `Check ${feature}`,
    borrow: 'Borrow…',
    borrowFeature: (feature: string) => `Borrow ${feature}…`,
    releasing: 'Releasing…',
    release: 'Release',
    releaseFeature: (feature: string) => `Release ${feature}`,
    close: 'Close',
  },
  forms: {
    borrowUntil: 'Borrow until',
    optional: '(optional)',
    borrow: 'Borrow',
    borrowing: 'Borrowing…',
    borrowLimit: (duration: string, latest: string) =>
      `Up to ${duration}: until ${latest} at the latest.`,
    borrowHelp:
      "Leave it empty to borrow for as long as allowed. Times are in this computer's time zone.",
    recordUsage: 'Record usage',
    record: 'Record',
    recording: 'Recording…',
    amount: 'Amount',
    noLimit: 'No limit on what can be recorded.',
    left: (left: number) => `${n(left)} more can be recorded.`,
    negative: 'A negative amount gives usage back.',
  },
};

export type LicensespringMessages = typeof licensespringEn;

/** The licensespring area's words in the active language. */
export const tLicensespring = (): LicensespringMessages =>
  messagesOf('licensespring', licensespringEn);
