import type { Formats } from '../text';
import { textsOf } from '../text';

/** When to try again: the CLI's wording says "a second" for waits of a second or less. */
const retryWhen = (seconds: number | undefined, f: Formats): string =>
  seconds === undefined
    ? 'Wait a minute and try again.'
    : `Try again in ${seconds <= 1 ? 'a second' : f.duration(seconds)}.`;

/** What the Eniris (Sofar) client says: refusals of the sign-in and licence API, checks of input. */
export const enirisEn = {
  // The session.
  sessionExpired: () => 'Your Eniris session has expired. Sign in again.',
  notSignedIn: () => 'Sign in to Eniris first.',
  /** A 401 even with an access token minted a moment ago. */
  refusedAfterRenewal: () =>
    "Eniris refused this request even with a freshly issued access token. Sign in again; if it keeps happening, check that this computer's clock is right.",

  // Refusals any call may meet.
  tooManyFailedSignIns: (p: { seconds?: number }, f: Formats) =>
    `There were too many failed sign-in attempts for this Eniris account. ${retryWhen(p.seconds, f)}`,
  tooManyRequests: (p: { seconds?: number }, f: Formats) =>
    `Eniris is receiving too many requests from this computer. ${retryWhen(p.seconds, f)}`,
  serverTrouble: (p: { status: number }) =>
    `Eniris had a problem (HTTP ${p.status}). Try again in a few minutes.`,

  // Sign-in refused.
  signInMalformed: () => 'Eniris refused the sign-in details as malformed.',
  wrongCredentials: () =>
    'Eniris did not accept this username and password. Check them and try again.',
  noPassword: () =>
    'Eniris has no password for this account. Check the username; if it is right, set a password in the Eniris portal first.',

  // Licence calls refused.
  /** `target` is one of the target texts below. */
  noRights: (p: { target: string }) =>
    `Your Eniris account has no rights on ${p.target}. Ask your Eniris administrator for access.`,
  targetLicence: () => 'this licence',
  targetLicenceOrController: (p: { nodeId: string }) => `this licence or controller "${p.nodeId}"`,
  targetController: (p: { nodeId: string }) => `controller "${p.nodeId}"`,
  targetCustomer: (p: { customerId: string }) => `customer ${p.customerId}`,
  unknownKey: () => 'Eniris does not know this licence key. Check it for typos.',
  unknownNode: (p: { nodeId: string }) =>
    `Eniris does not know a controller with node id "${p.nodeId}". Check the node id.`,
  /** A claim's bare 404 that could not be told apart. */
  unknownKeyOrNode: (p: { nodeId: string }) =>
    `Eniris does not know this licence key or controller "${p.nodeId}". Check both for typos.`,
  unknownCustomer: (p: { customerId: string }) =>
    `Eniris does not know a customer with id ${p.customerId}. Check the customer id.`,
  alreadyLinked: () =>
    'This licence is already linked to another controller. Use another licence, or unlink it there first.',
  requestInvalid: () => 'Eniris refused the request as invalid.',

  // A token reply of the sign-in service that is no token: `reply` and `expected` are texts below.
  tokenReplyWrong: (p: { host: string; reply: string; expected: string }) =>
    `The Eniris sign-in service at ${p.host} sent ${p.reply} where ${p.expected} was expected. Try again; if it persists, check the Eniris addresses in the configuration.`,
  tokenReplyEmpty: () => 'an empty reply',
  tokenReplyJson: () => 'data (JSON)',
  tokenReplyWebPage: () =>
    'a web page (a captive portal, proxy or wrong address may be in the way)',
  tokenReplyNotToken: () => 'text that is not a token',
  expectedRefreshToken: () => 'a refresh token',
  expectedNewRefreshToken: () => 'a new refresh token',
  expectedAccessToken: () => 'an access token',

  // Input checked before anything is sent.
  enterUsername: () => 'Enter your Eniris username.',
  enterPassword: () => 'Enter your Eniris password.',
  usernameControlCharacters: () =>
    'The username contains invisible control characters. Type it again.',
  credentialsTooLong: (p: { max: number }) =>
    `Eniris usernames and passwords have at most ${p.max} characters. Check what was pasted.`,
  keyTooLong: (p: { max: number; length: number }) =>
    `An Eniris licence key has at most ${p.max} characters; this one has ${p.length}. Check what was pasted.`,
  enterNodeId: () => 'Enter the node id of the controller.',
  nodeIdControlCharacters: () =>
    'The node id contains invisible control characters. Type it again.',
  nodeIdTooLong: (p: { max: number; length: number }) =>
    `A controller's node id has at most ${p.max} characters; this one has ${p.length}.`,
  customerIdNotUuid: () =>
    'An Eniris customer id is a uuid such as 497f6eca-6276-4993-bfeb-53cbbbba6f08. Check what was entered.',
  activationTimeFormat: () =>
    'The activation time must be an ISO-8601 date-time with a time zone, such as 2026-01-15T09:00:00Z.',

  // The service.
  notEnirisProfile: (p: { profileId: string }) =>
    `"${p.profileId}" is not an Eniris profile in the configuration.`,
  giveControllerOrCustomer: () => 'Give a controller id or a customer id.',
};

export const eniris = textsOf('eniris', enirisEn);
