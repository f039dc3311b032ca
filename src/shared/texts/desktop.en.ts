import { textsOf } from '../text';

/** The desktop app's own refusals: activation links and start at login. */
export const desktopEn = {
  /** `scheme` is the app's link scheme (licensemgr), shown in the example link. */
  notALink: (p: { scheme: string }) =>
    'This is not an activation link. An activation link looks like ' +
    `${p.scheme}://activate?key=YOUR-KEY; ask the sender for it again, or type the key into the app.`,
  /** A link of the right shape that cannot be used; `problem` is one of the `link…` texts below. */
  linkRefused: (p: { problem: string }) =>
    `The activation link ${p.problem} Ask the sender for the link again, or type the key into the app.`,
  linkWithoutKey: () => 'carries no licence key.',
  linkExtraFields: () => 'carries something other than a key and a profile.',
  /** `field` is the link's own field name: key or profile. */
  linkFieldTwice: (p: { field: string }) => `names the ${p.field} twice.`,
  linkGarbled: () => 'is garbled (a broken %-escape).',
  linkUnusableKey: () =>
    'carries no usable licence key (it is empty, too long, or has characters a key never has).',
  linkNoKeyProfile: () => 'is for a licence key, but nothing in this app is activated with one.',
  linkUnknownProduct: () => 'names a product this app does not know.',
  linkProductWithoutKey: () => 'names a product that is not activated with a licence key.',
  linkTooLong: () => 'is far longer than an activation link can be.',

  startAtLoginNotHere: () =>
    'Start at login is a setting of the installed desktop app; change it there. This browser view ' +
    'and the command line cannot register the app with the operating system.',
  /** The Linux autostart file could not be written or removed; `code` is the system's (EACCES). */
  startAtLoginFailed: (p: { enabled: boolean; file: string; code: string }) =>
    `Start at login could not be ${p.enabled ? 'turned on' : 'turned off'}: ${p.file} could not be ${
      p.enabled ? 'written' : 'removed'
    } (${p.code}). Check that the folder is yours and writable, then try again.`,
};

export const desktop = textsOf('desktop', desktopEn);
