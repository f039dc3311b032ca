import { textsOf } from '../text';

/** What the Babel Licensing Service adapter (floating seats) says about the server's refusals. */
export const seatsEn = {
  apiKeyRefused: () =>
    "The licensing server refused this application's API key. The vendor configuration may be out of date.",
  requestInvalid: () => 'The licensing server says the request is invalid.',
  /** A `success:false` reply that names no reason, when re-checking an activation. */
  noLongerAccepted: () =>
    'The licensing server no longer accepts this licence on this computer. Activate it again, or ask your administrator whether it is still valid.',
  /** The same, when activating. */
  keyNotAccepted: () =>
    'The licensing server did not accept this licence key. Check it for typos, or ask your administrator whether it is still valid.',
  keyUnknown: () => 'This licence key is not known to the licensing server. Check it for typos.',
  revoked: () => 'This licence has been revoked. Contact your administrator or the vendor.',
  expired: () => 'This licence has expired. Renew it with the vendor, then try again.',
  tampered: () =>
    'The licensing server reports that this licence was altered and no longer matches its signature. Contact the vendor.',
  seatGone: () =>
    'The licensing server no longer holds this seat (it lapsed or was taken back). Request a seat again.',
  notActivatedHere: () => 'This licence is not activated on this computer. Activate it first.',
  /** The pool is full; `max` when the server said how big it is. */
  seatsInUse: (p: { max?: number }) =>
    `${p.max === 1 ? 'The only seat of this licence is in use' : `All ${p.max ? `${p.max} ` : ''}seats are in use`}. Try again when a colleague releases one, or ask your administrator for more seats.`,
  /** Every activation the licence allows is taken. */
  activationsInUse: (p: { max?: number }) =>
    `${p.max === 1 ? 'The only activation of this licence is in use' : `All ${p.max ? `${p.max} ` : ''}activations of this licence are in use`}: deactivate it on another computer first.`,
  noSeatToken: (p: { host: string }) =>
    `The licensing server at ${p.host} granted a seat but sent no seat token. Try again; if it persists, contact the vendor.`,
  keyOnly: () => 'This licensing server activates with a licence key only.',
  keyMissing: () => 'The licence key of this activation is missing. Activate again.',
  noToken: () => 'This seat has no token. Request a seat again.',
};

export const seats = textsOf('seats', seatsEn);
