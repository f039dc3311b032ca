import { messagesOf } from './messages';

/** The seats area's words in English: the source every translation is checked against. */
export const seatsEn = {
  state: {
    none: {
      label: 'No seat',
      explanation:
        "This computer doesn't hold a seat. Request one to start using the software; it's returned to the pool when you release it.",
    },
    held: {
      label: 'Seat held',
      explanation:
        'This computer holds a floating seat. The app renews it in the background while it runs, and gives it back when it quits.',
    },
    retrying: {
      label: 'Retrying',
      explanation:
        'Renewing the seat is failing, but it is still reserved for you. The app keeps trying until the seat expires; you can keep working.',
    },
    lost: {
      label: 'Seat lost',
      explanation:
        'The seat lapsed or was taken back by the server and could not be recovered. Request a new seat when one is free.',
    },
  },
  screen: {
    title: 'Seats',
    loading: 'Loading the seat',
    emptyTitle: 'No licence on this computer',
    emptyText: 'Activate a floating licence key first; then you can take a seat from its pool.',
    goToActivation: 'Go to Activation',
  },
  seat: {
    title: "This computer's seat",
    nextHeartbeat: 'Next heartbeat',
    expires: 'Seat expires',
    lastHeartbeat: 'Last heartbeat',
    noneYet: 'None yet',
    renewsEvery: 'Renews every',
    in: (duration: string) => `in ${duration}`,
    inAMoment: 'in a moment',
    lastFailed: (reason: string) => `Last heartbeat failed: ${reason}`,
    renewing: 'Renewing…',
    renew: 'Renew now',
    releasing: 'Releasing…',
    release: 'Release seat',
    requesting: 'Requesting…',
    request: 'Request seat',
  },
  announce: {
    requesting: 'Requesting a seat…',
    renewing: 'Renewing the seat…',
    releasing: 'Releasing the seat…',
    taken: 'Seat taken.',
    renewed: 'Seat renewed.',
    released: 'Seat released.',
  },
  pool: {
    title: 'Seat pool',
    checked: (when: string) => `Checked ${when}`,
    whoUses: 'Who is using this licence',
    refreshing: 'Refreshing…',
    refresh: 'Refresh',
    /** **…** is shown in bold. */
    inUse: (used: string, max: string) => `**${used}** of **${max}** seats in use`,
    free: (free: string) => `${free} free`,
    noneFree: 'none free',
    usageLabel: 'Seats in use',
    loadingHolders: 'Loading seat holders',
  },
  holders: {
    empty: 'No computer holds a seat on this licence right now.',
    region: 'Seat holders',
    client: 'Client',
    machine: 'Machine',
    address: 'Address',
    kind: 'Kind',
    issued: 'Issued',
    lastHeartbeat: 'Last heartbeat',
    expires: 'Expires',
    thisComputer: 'This computer',
    revoked: 'Revoked',
    token: (label: string) => `Token ${label}`,
    floating: 'Floating',
    activation: 'Activation',
    notReported: 'not reported',
  },
};

export type SeatsMessages = typeof seatsEn;

/** The seats area's words in the active language. */
export const tSeats = (): SeatsMessages => messagesOf('seats', seatsEn);
