import { textsOf } from '../text';

/** What the licence service and the pieces every adapter shares say, whatever the backend. */
export const licensingEn = {
  // A licence key, checked before it is sent.
  enterKey: () => 'Enter a licence key.',
  keyControlCharacters: () =>
    'The licence key contains invisible control characters. Paste it again, or type it by hand.',
  keyTooLong: (p: { length: number; max: number }) =>
    `That licence key is ${p.length} characters long, more than any real key (${p.max}). Check what was pasted.`,

  // The licence service.
  notActivatedUseKey: () =>
    'This licence is not activated on this computer yet. Activate it with your licence key first.',
  notActivatedYet: () => 'This licence is not activated on this computer yet.',
  nothingToDeactivate: () => 'Nothing is activated here, so there is nothing to deactivate.',
  /** `keyLabel` is the masked key (or account) the stored activation was made with. */
  otherLicenceHere: (p: { keyLabel: string }) =>
    `This computer already uses the licence ${p.keyLabel} here. Deactivate it first to activate another way.`,
  /** The status reason when the server says "not valid" without saying why. */
  serverSaysNotValid: () => 'The licensing server says this licence is not valid.',
  closing: () => 'The license manager is closing; no new seat is taken.',
  superseded: () => 'This licence was deactivated while it was being checked.',
  releasedElsewhere: () => 'This seat was given back from another window or from the command line.',
  noSeatHeld: () => 'No floating seat is held on this computer. Request a seat first.',
  /** Without a heartbeat loop (the CLI), a stored lease past its expiry. */
  seatLapsed: () =>
    'The seat lapsed because no heartbeat reached the server in time. Request a seat again.',
  heartbeatNoLease: () => 'The heartbeat returned no lease. Please report this.',
  heartbeatFailed: () => 'The heartbeat failed unexpectedly. Please report this.',
  internal: () => 'Something went wrong inside the license manager. Please report this.',

  // Profiles that have no adapter of the common lifecycle, or no seats.
  unknownProfile: (p: { profileId: string }) =>
    `There is no licensing profile "${p.profileId}" in the configuration.`,
  noFloatingSeats: (p: { profileId: string }) =>
    `The "${p.profileId}" backend has no floating seats.`,
  enirisNotHere: () =>
    'Eniris licences belong to your Eniris account, not to this computer: use the Eniris screen or `license-manager eniris`.',
  licenceFileNotHere: () =>
    'This product is licensed by a licence file from the vendor: import it on the Activation screen or with `license-manager offline import FILE`.',
  mobiusflowNotHere: () =>
    'MobiusFlow licences belong to the hubs, not to this computer: use the Hubs screen or `license-manager hub`.',
};

export const licensing = textsOf('licensing', licensingEn);
