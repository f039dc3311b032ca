/**
 * What the License API's refusals mean (licensespring-refusals.ts, licensespring-errors.ts): a
 * part of the `licensespring` area, merged in licensespring.en.ts.
 */

export interface FeatureParam {
  /** The feature the call was about; absent for the licence itself. */
  readonly feature?: string;
}

/** "this licence" or "feature X of this licence". */
const thing = (p: FeatureParam): string =>
  p.feature === undefined ? 'this licence' : `feature "${p.feature}" of this licence`;
const Thing = (p: FeatureParam): string =>
  p.feature === undefined ? 'This licence' : `Feature "${p.feature}" of this licence`;

export const licensespringRefusalsEn = {
  /** The vendor's set-up is wrong: nothing the person at the screen can change. */
  vendorSetup: (p: { problem: string }) =>
    `${p.problem} The vendor configuration may be out of date; contact the vendor.`,
  invalidApiKey: () => "LicenseSpring refused this application's API key.",
  hmacRequired: () =>
    'LicenseSpring requires requests signed with the API key and shared key for this product, and the app is set up otherwise.',
  productNotAllowed: (p: { product: string }) =>
    `This application's API key is not allowed to use product "${p.product}" on LicenseSpring.`,
  authHeaders: () =>
    'LicenseSpring could not read the authorization of this request; a proxy may be removing headers, or the app is set up wrongly.',
  signatureMismatch: () =>
    "LicenseSpring could not verify this application's request signature: the shared key in the configuration is probably wrong.",
  unknownProduct: (p: { product: string }) => `LicenseSpring does not know product "${p.product}".`,
  archivedProduct: (p: { product: string }) =>
    `The vendor has archived product "${p.product}" on LicenseSpring.`,
  disabledProduct: (p: { product: string }) =>
    `The vendor has disabled product "${p.product}" on LicenseSpring.`,
  keyRequired: (p: { product: string }) =>
    `Product "${p.product}" activates with licence keys, but the app is set up for account sign-in.`,
  invalidToken: () =>
    "LicenseSpring refused this application's access token even right after renewing it. Check that this computer's clock is right; if it is, contact the vendor.",
  refusedCredentials: () =>
    "LicenseSpring refused this application's credentials. The vendor configuration may be out of date; contact the vendor.",

  invalidRequest: () => 'LicenseSpring refused the request as invalid.',
  methodNotAllowed: (p: { host: string }) =>
    `The server at ${p.host} does not accept this kind of request. Check the server address in the configuration.`,
  payloadTooLarge: () => 'LicenseSpring refused the request as too large.',
  missingHardwareId: () =>
    "The request reached LicenseSpring without this computer's id. Please report this.",
  noSuchFeature: (p: FeatureParam) =>
    `This licence has no feature ${p.feature === undefined ? 'with that code' : `"${p.feature}"`}. Check the feature code.`,
  borrowEndTooLate: (p: FeatureParam) =>
    `LicenseSpring refused the borrowing end date of ${thing(p)}: it is past the longest borrowing the vendor allows. Choose an earlier date, or borrow for the longest time allowed.`,
  borrowEndPastLimit: (p: FeatureParam & { hours: number }) =>
    `LicenseSpring refused the borrowing end date of ${thing(p)}: it can be borrowed for at most ${p.hours} hours from now. Choose an earlier date.`,
  borrowingNotAllowed: (p: FeatureParam) => `The vendor does not allow borrowing ${thing(p)}.`,
  negativeNotAllowed: (p: FeatureParam) =>
    `${Thing(p)} does not accept negative consumption: record a positive amount.`,
  notConsumption: (p: FeatureParam) => `${Thing(p)} does not count consumption.`,
  emailMissing: () => 'Enter an e-mail address to start a trial.',
  trialNotAllowed: (p: { product: string }) =>
    `The vendor does not offer a trial of product "${p.product}".`,

  noLicenceForAccount: () =>
    'LicenseSpring has no licence of this product for this account. Check the account name, or ask the vendor to assign a licence to it.',
  unknownKey: () =>
    'LicenseSpring does not know this licence key for this product. Check it for typos.',
  invalidCredentials: () =>
    'LicenseSpring did not accept this account name and password. Check them and try again.',
  unknownCustomer: () =>
    'LicenseSpring does not know this customer account. Check the account name.',
  licenceDisabled: () => 'The vendor has disabled this licence. Contact the vendor.',
  blacklisted: () =>
    'The vendor has blocked this computer from using this licence. Contact the vendor.',
  licenceNotActive: () =>
    'This licence is not active: it may not have started yet, or the vendor paused it. Contact the vendor.',
  vmNotAllowed: () =>
    'This licence may not be used in a virtual machine. Use it on a physical computer.',
  trialEnded: () => 'The trial of this product has ended. Buy a licence to keep using it.',
  licenceExpired: () => 'This licence has expired. Renew it with the vendor, then try again.',
  notActivated: () => 'This licence is not activated on this computer. Activate it first.',

  /** `count`: the limit, when an earlier answer or the server's words gave it. */
  activationsInUse: (p: { count?: number }) =>
    `All ${p.count === undefined ? '' : `${p.count} `}activations of this licence are in use: deactivate it on a computer you no longer use, then try again.`,
  accountActivationsUsed: (p: { count?: number }) =>
    `Your account has used all ${p.count === undefined ? '' : `${p.count} `}of its activations of this licence: deactivate it on a computer you no longer use, then try again.`,
  transfersUsed: (p: { count?: number }) =>
    `This licence has already moved between computers as often as allowed${p.count === undefined ? '' : ` (${p.count} times)`}. Ask the vendor to allow another transfer.`,
  floatingFull: (p: FeatureParam) =>
    `Every floating slot of ${thing(p)} is in use. Try again when a colleague stops using it.`,
  consumptionLimit: (p: FeatureParam) =>
    `This would take ${thing(p)} past its consumption limit, so nothing was recorded.`,

  /** Codes outside the contract, read by their wording (the server's words follow). */
  limitReached: (p: FeatureParam) =>
    `LicenseSpring refused this: a limit of ${thing(p)} has been reached.`,
  saysExpired: () => 'LicenseSpring says this licence has expired.',
  accountRefused: () => 'LicenseSpring did not accept the account name or password.',
  /** `code`: the server's code, as it sent it. */
  unknownReason: (p: { code: string }) =>
    `LicenseSpring refused the request with a reason this app does not know (${p.code}).`,
};
