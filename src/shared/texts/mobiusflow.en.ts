import { textsOf } from '../text';

/**
 * What the MobiusFlow hub client says. `hub` is how the inventory names the hub (or host:port);
 * `username` the hub account's name, never a secret.
 */
export const mobiusflowEn = {
  accountRefused: (p: { hub: string; username: string }) =>
    `Hub ${p.hub} refused the account "${p.username}": check the user name and password saved for this hub.`,
  hubTrouble: (p: { hub: string; status: number }) =>
    `Hub ${p.hub} had an internal problem (HTTP ${p.status}). Try again in a few minutes; if it persists, restart the MobiusFlow engine on the hub.`,
  signInMalformed: (p: { hub: string; username: string }) =>
    `Hub ${p.hub} refused the sign-in of "${p.username}" as malformed.`,
  refusedReading: (p: { hub: string }) => `Hub ${p.hub} refused reading its licence.`,
  refusedNewCode: (p: { hub: string }) => `Hub ${p.hub} refused the new licence code.`,
  mayNotRead: (p: { hub: string; username: string }) =>
    `Hub ${p.hub} does not let the account "${p.username}" read the licence: use an account with licence rights.`,
  mayNotChange: (p: { hub: string; username: string }) =>
    `Hub ${p.hub} does not let the account "${p.username}" change the licence: use an account with licence rights.`,
  noPasswordSaved: (p: { hub: string }) =>
    `No password is saved for hub ${p.hub}. Edit the hub and enter the password of its account.`,
  /** `uri` is the start of what the reply named, as it came. */
  answeredForOtherHub: (p: { host: string; uri: string; hid: string }) =>
    `The hub at ${p.host} answered for hub "${p.uri}" instead of ${p.hid}. Check the hub id and the address (base path) saved for this hub.`,
  /** In place of `username` when the saved account could not be read. */
  unknownAccount: () => '(unknown)',
  hubIdFormat: () => 'A hub id is 6 hexadecimal characters, e.g. 00A1F3. Check the hub id.',
  licenceCodeFormat: () =>
    'A MobiusFlow licence code is groups of hexadecimal digits joined by "-", e.g. 38782095-410e7ab5-…. Check the code.',
};

export const mobiusflow = textsOf('mobiusflow', mobiusflowEn);
